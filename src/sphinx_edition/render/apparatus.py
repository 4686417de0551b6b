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
    ACT_LABELS,
    COMMENTARY,
    CORRECTION,
    EMENDATION,
)
from sphinx_edition.markup import bibliography
from sphinx_edition.markup.nodes import apparatus
from sphinx_edition.markup.notes import category_badge
from sphinx_edition.render.base import EditionPostTransform


class ApparatusTable(EditionPostTransform):
    """Fill the apparatus: counts, the list of emendations, the table of the commentary."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
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
                box += nodes.rubric(text=f"Emendations of the text ({len(emendations)})")
                box += nodes.paragraph(
                    text="Errors of the printed text, set right as it should read.",
                    classes=["ed-apparatus-intro"],
                )
                box += self._emendations(emendations)
            if commentary:
                box += nodes.rubric(
                    text=f"Historical corrections and commentary ({len(commentary)})"
                )
                box += nodes.paragraph(
                    text="What the author wrote is kept as printed; the notes answer it.",
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
            f"note {record.number}, in the text",
        )

    def _emendations(self, records: list[Note]) -> nodes.bullet_list:
        listing = nodes.bullet_list(classes=["ed-emendations"])
        for record in records:
            number = self._to_note(record, f"note {record.number}")
            item = nodes.paragraph(ids=[f"a-{record.anchor}"])
            item += nodes.Text(f"¶{record.paragraph} ")
            item += nodes.emphasis(text=record.lemma)
            item += nodes.Text("] read ")
            item += nodes.strong(text=record.corr or "—")
            item += nodes.Text(" (")
            item += number
            item += nodes.Text(")")
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
        paragraph += nodes.Text(
            f"{len(records)} notes ("
            + ", ".join(
                f"{acts[a]} {ACT_LABELS[a]}{'s' if acts[a] != 1 and a != COMMENTARY else ''}"
                for a in (EMENDATION, CORRECTION, COMMENTARY)
            )
            + "): "
        )
        categories = note_categories(self.config)
        # Declared categories first, in their order; then any a note names but none declares.
        names = [*categories, *sorted(set(counts) - set(categories))]
        for index, category in enumerate(c for c in names if counts.get(c)):
            if index:
                paragraph += nodes.Text(", ")
            paragraph += category_badge(categories.get(category), category)
            paragraph += nodes.Text(f" {counts[category]}")
        return paragraph

    def _table(self, records: list[Note]) -> nodes.table:
        table = nodes.table(classes=["ed-apparatus-table", "longtable", "colwidths-given"])
        group = nodes.tgroup(cols=6)
        table += group
        for width in (6, 6, 26, 14, 26, 22):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += nodes.row(
            "",
            *(
                nodes.entry("", nodes.paragraph(text=t))
                for t in ("No.", "¶", "Lemma", "Category", "Correction", "Sources")
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
