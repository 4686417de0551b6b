"""``ed:paragraph``: a paragraph of the witness, transcribed, with its number and anchor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_edition.markup.base import EditionDirective, Options, whole_number
from sphinx_edition.markup.nodes import paragraph_number, witness_paragraph
from sphinx_edition.warnings import Subtype, warn


def paragraph_id(number: int) -> str:
    """The HTML id (and permalink fragment) of paragraph *number*: stable, never renumbered."""
    return f"p{number}"


class ParagraphDirective(EditionDirective):
    """``ed:paragraph N``: the content is paragraph N of the witness, transcribed.

    The paragraph gets a visible ¶ number and the permalink anchor ``#pN``; its text is part
    of the transcription that the witness check compares with the witness, and it is
    protected from typographic transforms (smart quotes, dashes) so that it stays as printed.
    """

    optional_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = Options()

    def run(self) -> list[nodes.Node]:
        argument = self.arguments[0] if self.arguments else ""
        number = whole_number(argument)
        if number is None:
            warn(
                Subtype.OPTION,
                f"ed:paragraph needs a whole number from 1 up as its argument, not {argument!r}",
                self.get_location(),
            )
            # Still the witness's text: the check compares it with the paragraph it stands
            # for, without a second warning that this one is missing.
            container: nodes.Element = nodes.container(classes=["ed-unnumbered"])
            container["support_smartquotes"] = False
            self.set_source_info(container)
            self.parse_content(container)
            literal_html(container)
            return [container]

        # A number given twice in a page (the witness check reports it) gives its id once.
        seen: set[int] = self.env.temp_data.setdefault("ed-paragraphs", set())  # type: ignore[assignment]
        ids = [] if number in seen else [paragraph_id(number)]
        seen.add(number)
        container = witness_paragraph(n=number, ids=ids)
        container["support_smartquotes"] = False
        self.set_source_info(container)
        self.parse_content(container)
        literal_html(container)
        if not container.children:
            warn(Subtype.WITNESS, f"¶{number} has no text", self.get_location())
            return [container]

        marker = paragraph_number("", f"¶{number}", n=number, refid=paragraph_id(number))
        first = container.children[0]
        if isinstance(first, nodes.paragraph):
            first.insert(0, marker)
        else:
            container.insert(0, nodes.paragraph("", "", marker))
        return [container]


def literal_html(container: nodes.Element) -> None:
    """Make raw HTML in witness text into text, as the witness has it.

    MyST passes ``<no>`` through as raw HTML, which the browser then hides (or runs): in the
    transcription it is the witness's characters, and the reader must see them.
    """
    for raw in list(container.findall(nodes.raw)):
        if "html" in raw.get("format", "").split():
            text = nodes.Text(raw.astext())
            if isinstance(raw.parent, nodes.TextElement):
                raw.replace_self(text)
            else:
                raw.replace_self(nodes.paragraph(raw.rawsource, "", text))


class StrayFences(SphinxTransform):
    """A bare ``:::`` that closes nothing opens an empty block running to the end of the page:
    most often a note written with as many colons as its paragraph, so that the paragraph
    ended at the note's end.  One ``edition.option`` warning, at the stray fence."""

    default_priority = 690  # before the lemmas are placed

    def apply(self, **kwargs: Any) -> None:
        for div in self.document.findall(nodes.container):
            if div.get("is_div") and not div.children and not div["classes"]:
                warn(
                    Subtype.OPTION,
                    "a stray ':::' closes no directive: give an ed:note inside an ed:paragraph "
                    "fewer colons than the paragraph",
                    div,
                )
