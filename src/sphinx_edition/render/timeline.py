"""The timeline of events: SVG on the web, a table in PDF, EPUB and text."""

from __future__ import annotations

from datetime import date
from typing import Any

from docutils import nodes
from sphinx.util.nodes import make_refnode

from sphinx_edition.core import collation, dates
from sphinx_edition.core.records import Entry
from sphinx_edition.locale import _, cldr_locale, date_words
from sphinx_edition.markup.nodes import timeline as timeline_placeholder
from sphinx_edition.render import timeline_svg
from sphinx_edition.render.base import WEB_BUILDERS, EditionPostTransform
from sphinx_edition.render.survey import holds


class Timeline(EditionPostTransform):
    """Draw the timeline of events: SVG for web pages, a table for every other builder."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        if not holds(self.document, timeline_placeholder):
            return
        placeholders = list(self.document.findall(timeline_placeholder))
        if not placeholders:
            return
        events = [e for e in self.domain.all_entries() if e.kind == "event" and e.date("date")]
        spans = []
        for record in events:
            try:
                spans.append((record, dates.parse(record.date("date"))))
            except dates.DateError:
                continue  # reported where the entry is defined
        spans.sort(
            key=lambda pair: (
                pair[1].earliest or pair[1].latest or date.min,
                collation.key(pair[0].sort),
            )
        )
        for placeholder in placeholders:
            # EPUB readers get the table: inline SVG needs a manifest property Sphinx's EPUB
            # builder does not write.
            if self.builder.name in WEB_BUILDERS:
                replacement: nodes.Node = self._svg(spans)
            else:
                replacement = self._table(spans)
            placeholder.replace_self(replacement)

    def _href(self, record: Entry) -> str:
        uri = self.builder.get_relative_uri(self.env.docname, record.docname)
        return f"{uri}#{record.anchor}"

    def _svg(self, spans: list[tuple[Entry, dates.Span]]) -> nodes.Node:
        marks = [timeline_svg.Mark(self._href(r), r.name, r.date("date"), s) for r, s in spans]
        language = self.config.language
        drawing = timeline_svg.draw(
            marks,
            # Translators: the title of the timeline's drawing, for screen readers.
            title=_("Timeline of events"),
            words=date_words(language),
            locale=cldr_locale(language),
        )
        figure = nodes.container(classes=["ed-timeline"])
        figure += nodes.raw("", drawing, format="html")
        return figure

    def _table(self, spans: list[tuple[Entry, dates.Span]]) -> nodes.Node:
        # A long table, so that the PDF breaks it across pages.
        table = nodes.table(classes=["ed-timeline-table", "longtable", "colwidths-given"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (22, 30, 48):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        # Translators: the headings of the timeline's table (in the PDF and the EPUB).
        headings = (_("Date"), _("Event"), _("Summary"))
        head += nodes.row("", *(nodes.entry("", nodes.paragraph(text=t)) for t in headings))
        body = nodes.tbody()
        words = date_words(self.config.language)
        for record, _span in spans:
            # The reader's form says already whether the date is approximate or uncertain.
            shown = dates.display(record.date("date"), words)
            link = make_refnode(
                self.builder,
                self.env.docname,
                record.docname,
                record.anchor,
                nodes.inline(text=record.name),
                record.name,
            )
            body += nodes.row(
                "",
                nodes.entry("", nodes.paragraph(text=shown)),
                nodes.entry("", nodes.paragraph("", "", link)),
                nodes.entry("", nodes.paragraph(text=record.summary)),
            )
        group += head
        group += body
        return table
