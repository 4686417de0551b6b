"""``ed:note``: an editorial note, its category, lemma, corrected reading and sources.

The lemma is placed in the text after parsing, by :mod:`.lemmas`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx_design.badges_buttons import create_bdg_classes

from sphinx_edition.config import note_categories
from sphinx_edition.core import fields
from sphinx_edition.core.vocabulary import ACT_LABELS, COMMENTARY, CORRECTION_WORDS, Category
from sphinx_edition.locale import _
from sphinx_edition.markup import bibliography
from sphinx_edition.markup.base import EditionDirective, Options, whole_number
from sphinx_edition.markup.nodes import (
    editorial_note,
    note_body,
    note_head,
)
from sphinx_edition.warnings import Subtype


def category_badge(category: Category | None, name: str) -> nodes.inline:
    """A sphinx-design badge naming a note's category (*name*, when it is not declared)."""
    colour = category.colour if category is not None else "secondary"
    text = _(category.shown) if category is not None else name
    return nodes.inline(text=text, classes=[*create_bdg_classes(colour, False), "ed-cat"])


class NoteDirective(EditionDirective):
    """``ed:note [ID]``: an editorial note on the words ``:lemma:`` of the enclosing paragraph.

    Options: ``:lemma:`` (required), ``:occurrence:`` (which occurrence of the lemma, from 1),
    ``:category:`` (required, one of the edition's categories, ``edition_note_categories``),
    ``:corr:``
    (the corrected reading), ``:sources:`` (bibliography keys; required except for
    typographical notes).  The content is the explanation, in MyST, with citations.
    """

    optional_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = Options(
        lemma=directives.unchanged,
        occurrence=directives.unchanged,
        category=directives.unchanged,
        corr=directives.unchanged,
        sources=directives.unchanged,
    )

    def run(self) -> list[nodes.Node]:
        serial = self.env.new_serialno("ed-note") + 1
        # A note without an id gets one from its page and place, unique in the whole edition
        # (the TEI export holds every page in one document).
        automatic = f"note-{re.sub(r'[^a-z0-9]+', '-', self.env.docname.lower())}-{serial}"
        anchor = f"note-{self.arguments[0].strip()}" if self.arguments else automatic
        if self.arguments:
            try:
                fields.entry_id(self.arguments[0])
            except fields.FieldError as err:
                self.warn(Subtype.OPTION, f"ed:note: {err}")
                anchor = automatic
        # An id given twice in one page would be two elements with one id; the second note
        # keeps its content under an id of its own (across pages, the domain reports it).
        seen: dict[str, int] = self.env.temp_data.setdefault("ed-note-ids", {})  # type: ignore[assignment]
        if anchor in seen:
            self.warn(
                Subtype.DUPLICATE,
                f"ed:note {anchor.removeprefix('note-')} is given twice in this page (first "
                f"at line {seen[anchor]}); this one is {automatic!r}",
            )
            anchor = automatic
        seen[anchor] = self.lineno
        categories = note_categories(self.config)
        category = " ".join((self.options.get("category") or "").split()).lower()
        declared = categories.get(category)
        if not category:
            self.warn(Subtype.NOTE, f"ed:note: no :category: (one of {', '.join(categories)})")
        elif declared is None:
            self.warn(
                Subtype.NOTE,
                f"ed:note: unknown category {category!r} (one of {', '.join(categories)})",
                "category",
            )
        sources = self._sources()
        given = bool((self.options.get("sources") or "").strip())  # unknown keys: reported
        if not given and declared is not None and declared.sources_required:
            self.warn(
                Subtype.NOTE,
                f"ed:note: no :sources: (a {category} note must name its sources)",
            )
        lemma_text = " ".join((self.options.get("lemma") or "").split())
        if not lemma_text:
            self.warn(Subtype.NOTE, "ed:note: no :lemma: (the words of the text it concerns)")
        occurrence = 1
        if "occurrence" in self.options:
            raw = self.options["occurrence"].strip()
            number = whole_number(raw)
            if number is not None:
                occurrence = number
            else:
                self.warn(
                    Subtype.OPTION,
                    f"ed:note: :occurrence: must be a whole number from 1 up, not {raw!r}",
                    "occurrence",
                )
        corr = " ".join((self.options.get("corr") or "").split())
        act = declared.act if declared is not None else COMMENTARY

        node = editorial_note(
            lemma_line=self.option_line("lemma"),
            anchor=anchor,
            number=0,
            category=category,
            lemma=lemma_text,
            occurrence=occurrence,
            corr=corr,
            act=act,
            sources=sources,
            ids=[anchor],
            classes=["ed-note", f"ed-act-{act}"],
        )
        self.set_source_info(node)
        # Only what smart quotes may educate is made as nodes now; NoteHeads adds the rest.
        head = note_head(classes=["ed-note-head"], category="", colour="", act="")
        if category:
            # Coloured by its ed-colour-* class: the text page needs no sphinx-design.
            head["colour"] = declared.colour if declared is not None else "secondary"
            head["category"] = _(declared.shown) if declared is not None else category
        if act != COMMENTARY:
            # What the editors do with the words: set a misprint right (an emendation of the
            # text), or answer what the author got wrong (a correction of the history).
            head["act"] = _(ACT_LABELS[act])
        head += nodes.emphasis(text=lemma_text)
        head += nodes.Text("]")
        if corr:
            head += nodes.Text(f" {_(CORRECTION_WORDS[act])} ")
            head += nodes.strong(text=corr)
        node += head
        body = note_body(classes=["ed-note-body"])
        self.parse_content(body)
        bibliography.check_cites(self.env, body)
        node += body
        # The sources stay in the note's record (the apparatus table and the exports list them
        # all); the note itself names those its explanation does not already cite.
        cited = bibliography.cited_keys(body)
        uncited = tuple(k for k in sources if k not in cited)
        if uncited:
            # Translators: before the sources a note's explanation does not cite itself.
            label = _("Also: ") if len(uncited) < len(sources) else _("Sources: ")
            node += nodes.paragraph(
                "", label, *bibliography.cite_nodes(self, uncited), classes=["ed-note-sources"]
            )
        return [node]

    def _sources(self) -> tuple[str, ...]:
        text = self.options.get("sources")
        if not text:
            return ()
        try:
            keys = fields.key_list(text)
        except fields.FieldError as err:
            self.warn(Subtype.OPTION, f"ed:note: :sources: {err}", "sources")
            return ()
        known = bibliography.keys(self.env)
        if known is None:
            return keys
        for key in keys:
            if key not in known:
                self.warn(Subtype.CITATION, f"ed:note: unknown bibliography key {key!r}", "sources")
        return tuple(k for k in keys if k in known)
