"""The apparatus page: counts by category, the emendations of the text apart, and a table of
the commentary (historical corrections and explanations), each linked both ways."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from docutils import nodes
from sphinx.util.nodes import make_refnode

from sphinx_edition.config import note_categories
from sphinx_edition.core.records import Note
from sphinx_edition.core.vocabulary import (
    COMMENTARY,
    CORRECTION,
    EMENDATION,
)
from sphinx_edition.core.words import NP_
from sphinx_edition.locale import _, ngettext
from sphinx_edition.markup import bibliography
from sphinx_edition.markup.nodes import apparatus
from sphinx_edition.markup.notes import category_badge
from sphinx_edition.markup.tables import GIVEN_WIDTHS
from sphinx_edition.render.base import EditionPostTransform
from sphinx_edition.render.survey import holds
from sphinx_edition.render.words import sentence

# How many notes of each editorial act there are: one, and more than one (or none).
ACT_COUNTS = {
    EMENDATION: NP_("{count} emendation", "{count} emendations"),
    CORRECTION: NP_("{count} historical correction", "{count} historical corrections"),
    # Translators: a number of notes of commentary: "12 commentary".
    COMMENTARY: NP_("{count} commentary", "{count} commentary"),
}


class ApparatusTable(EditionPostTransform):
    """Fill the apparatus: counts, the list of emendations, the table of the commentary."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        if not holds(self.document, apparatus):
            return
        placeholders = list(self.document.findall(apparatus))
        if not placeholders:
            return
        records = sorted(self.domain.notes, key=lambda n: (n.docname, n.number))
        for placeholder in placeholders:
            emendations = [r for r in records if _act(r) == EMENDATION]
            commentary = [r for r in records if _act(r) != EMENDATION]
            box = nodes.container(classes=["ed-apparatus"])
            box += self._counts(records)
            if emendations:
                box += nodes.rubric(
                    text=_("Emendations of the text ({count})").format(count=len(emendations))
                )
                box += nodes.paragraph(
                    text=_("Errors of the printed text, set right as it should read."),
                    classes=["ed-apparatus-intro"],
                )
                box += self._emendations(emendations)
            if commentary:
                box += nodes.rubric(
                    text=_("Historical corrections and commentary ({count})").format(
                        count=len(commentary)
                    )
                )
                box += nodes.paragraph(
                    text=_("What the author wrote is kept as printed; the notes answer it."),
                    classes=["ed-apparatus-intro"],
                )
                box += self._table(commentary)
            placeholder.replace_self(box)

    def _to_note(self, record: Note, text: str) -> nodes.Element:
        """A link from the apparatus to the note in the text."""
        return make_refnode(
            self.builder,
            self.env.docname,
            record.docname,
            record.anchor,
            nodes.inline(text=text),
            # Translators: the title of a link from the apparatus to note {number}.
            _("note {number}, in the text").format(number=record.number),
        )

    def _emendations(self, records: list[Note]) -> nodes.bullet_list:
        listing = nodes.bullet_list(classes=["ed-emendations"])
        for record in records:
            number = self._to_note(record, _("note {number}").format(number=record.number))
            item = nodes.paragraph(ids=[f"a-{record.anchor}"])
            item += sentence(
                # Translators: an emendation in the apparatus: "¶12 fomr] read form (note 3)";
                # {lemma} is the printed words, {reading} the emended ones, {note} a link.
                _("¶{paragraph} {lemma}] read {reading} ({note})"),
                paragraph=str(record.paragraph),
                lemma=nodes.emphasis(text=record.lemma),
                reading=nodes.strong(text=record.corr or "—"),
                note=number,
            )
            listing += nodes.list_item("", item)
        return listing

    def _counts(self, records: list[Note]) -> nodes.paragraph:
        counts: dict[str, int] = defaultdict(int)
        for record in records:
            counts[record.category] += 1
        paragraph = nodes.paragraph(classes=["ed-apparatus-counts"])
        acts: dict[str, int] = defaultdict(int)
        for record in records:
            acts[_act(record)] += 1
        by_act = ", ".join(
            ngettext(*ACT_COUNTS[a], acts[a]).format(count=acts[a])
            for a in (EMENDATION, CORRECTION, COMMENTARY)
        )
        categories = note_categories(self.config)
        # Declared categories first, in their order; then any a note names but none declares.
        names = [*categories, *sorted(set(counts) - set(categories))]
        badges: list[nodes.Node] = []
        for index, category in enumerate(c for c in names if counts.get(c)):
            if index:
                badges.append(nodes.Text(", "))
            badges.append(category_badge(categories.get(category), category))
            badges.append(nodes.Text(f" {counts[category]}"))
        paragraph += sentence(
            # Translators: the apparatus's count of the notes: "48 notes (3 emendations,
            # 20 historical corrections, 25 commentary): " and then the count of each category.
            ngettext(
                "{count} note ({acts}): {categories}",
                "{count} notes ({acts}): {categories}",
                len(records),
            ),
            count=str(len(records)),
            acts=by_act,
            categories=badges,
        )
        return paragraph

    def _table(self, records: list[Note]) -> nodes.table:
        table = nodes.table(
            classes=["ed-apparatus-table", "longtable", "colwidths-given", GIVEN_WIDTHS]
        )
        group = nodes.tgroup(cols=6)
        table += group
        for width in (7, 6, 24, 17, 25, 21):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += nodes.row(
            "",
            *(
                nodes.entry("", nodes.paragraph(text=t))
                for t in (
                    # Translators: the heading of the apparatus's column of note numbers.
                    _("No."),
                    "¶",
                    _("Lemma"),
                    _("Category"),
                    _("Correction"),
                    _("Sources"),
                )
            ),
        )
        body = nodes.tbody()
        authors = bibliography.labels(self.env)
        categories = note_categories(self.config)
        for record in records:
            number = self._to_note(record, str(record.number))
            row = nodes.row("", ids=[f"a-{record.anchor}"])
            row += nodes.entry("", nodes.paragraph("", "", number))
            row += nodes.entry("", nodes.paragraph(text=f"¶{record.paragraph}"))
            row += nodes.entry("", nodes.paragraph(text=record.lemma))
            badge = category_badge(categories.get(record.category), record.category)
            row += nodes.entry("", nodes.paragraph("", "", badge))
            row += nodes.entry("", nodes.paragraph(text=record.corr or "—"))
            row += nodes.entry(
                "",
                nodes.paragraph(text="; ".join(authors.get(k, k) for k in record.sources) or "—"),
            )
            body += row
        group += head
        group += body
        return table


def _act(record: Note) -> str:
    return record.act or COMMENTARY
