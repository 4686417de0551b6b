"""Notes per format: the reading switch on the web, footnotes in the PDF, open notes in EPUB."""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx import addnodes

from sphinx_edition.core.vocabulary import EMENDATION
from sphinx_edition.locale import _
from sphinx_edition.markup.nodes import (
    correction,
    editorial_note,
    note_head,
    note_ref,
    paragraph_number,
)
from sphinx_edition.render.base import WEB_BUILDERS, EditionPostTransform
from sphinx_edition.render.survey import holds


class NoteHeads(EditionPostTransform):
    """Each note's first line, made whole for every format: the number linked to the
    apparatus, the category and the act before the lemma the note was read with.

    First of the post-transforms: references are resolved after it (the number's link),
    and the PDF's footnotes take the number out (:class:`FootnoteNotes`).
    """

    default_priority = 1

    def run(self, **kwargs: Any) -> None:
        if not holds(self.document, note_head):
            return
        for head in list(self.document.findall(note_head)):
            note = head.parent
            assert isinstance(note, editorial_note)  # ed:note makes its head its first child
            number = note["number"]  # 0 when its lemma was not found: no number to show
            shown = nodes.inline("", str(number) if number else "", classes=["ed-note-number"])
            line: list[nodes.Node] = [
                addnodes.pending_xref(
                    "",
                    shown,
                    refdomain="ed",
                    reftype="apparatus",
                    reftarget=note["anchor"],
                    refexplicit=True,
                    refwarn=False,
                ),
                nodes.Text(" "),
            ]
            if head["category"]:
                classes = ["ed-cat", f"ed-colour-{head['colour']}"]
                line += [nodes.inline(text=head["category"], classes=classes), nodes.Text(" ")]
            if head["act"]:
                line += [nodes.inline(text=head["act"], classes=["ed-act"]), nodes.Text(" ")]
            made = nodes.paragraph("", "", *line, *head.children, classes=head["classes"])
            head.replace_self(made)


class ReadingSwitch(EditionPostTransform):
    """On a page with corrections, the control that switches between the two readings.

    It is hidden without scripts (the page then shows the text as printed, with its notes);
    when scripts run it is drawn with the page (``notes.css``) and ``notes.js`` drives it.
    """

    default_priority = 20
    builders = WEB_BUILDERS

    def run(self, **kwargs: Any) -> None:
        if not holds(self.document, correction):
            return
        acts = {node.get("act", "") for node in self.document.findall(correction)}
        if not acts:
            return
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None:
            return
        control = nodes.raw("", reading_switch(acts), format="html")
        title = next((i for i, c in enumerate(section.children) if isinstance(c, nodes.title)), -1)
        section.insert(title + 1, control)


def reading_switch(acts: set[str]) -> str:
    """The switch, its second reading named for what it holds: emendations of the text,
    historical corrections, or both."""
    if acts <= {EMENDATION}:
        # Translators: the reading of the text with its misprints set right (the other reading
        # is "As printed").
        corrected = _("Emended")
    elif EMENDATION in acts:
        corrected = _("Emended, with historical corrections")
    else:
        corrected = _("With historical corrections")
    # Translators: the legend of the switch between the text as printed and as corrected.
    legend = _("Reading")
    printed = _("As printed")
    return (
        f'<fieldset class="ed-reading" hidden="hidden"><legend>{escape(legend)}</legend>'
        '<label><input type="radio" name="ed-reading" value="printed" checked="checked"/> '
        f"{escape(printed)}</label> "
        '<label><input type="radio" name="ed-reading" value="corrected"/> '
        f"{escape(corrected)}</label>"
        "</fieldset>"
    )


class FootnoteNotes(EditionPostTransform):
    """In the PDF, each note becomes a footnote at its marker, numbered by LaTeX."""

    default_priority = 5
    builders = ("latex",)

    def run(self, **kwargs: Any) -> None:
        if not holds(self.document, editorial_note):
            return
        notes_by_anchor = {n["anchor"]: n for n in self.document.findall(editorial_note)}
        for marker in list(self.document.findall(note_ref)):
            found = notes_by_anchor.get(marker["anchor"])
            if found is None:
                continue
            found.parent.remove(found)
            for number in list(found.findall(addnodes.pending_xref)):
                if number.get("reftype") == "apparatus":
                    number.parent.remove(number)  # the footnote mark is the number
            title = _enclosing_title(marker)
            if title is None:
                marker.replace_self(found)
                continue
            # LaTeX cannot hold a footnote with paragraphs in a heading: the note on a word
            # of a heading is set at the start of the paragraph the heading leads into.
            marker.parent.remove(marker)
            paragraph = _paragraph_after(title)
            if paragraph is None:
                continue
            numbers = [
                i for i, c in enumerate(paragraph.children) if isinstance(c, paragraph_number)
            ]
            paragraph.insert(numbers[0] + 1 if numbers else 0, found)


class StaticNotes(EditionPostTransform):
    """In an EPUB, notes stand open after their paragraph: readers run no script."""

    default_priority = 20
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
        if not holds(self.document, editorial_note):
            return
        for item in self.document.findall(editorial_note):
            item["classes"].append("ed-note-static")


def _enclosing_title(node: nodes.Node) -> nodes.title | None:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.title):
            return parent
        parent = parent.parent
    return None


def _paragraph_after(title: nodes.title) -> nodes.paragraph | None:
    """The first paragraph of text after a section's title."""
    section = title.parent
    if section is None:
        return None
    for candidate in section.findall(nodes.paragraph):
        if _enclosing_title(candidate) is None:
            return candidate
    return None
