"""Post-transforms: what is filled in once every document has been read.

Back-references and the timeline are drawn for every builder (the timeline as SVG on the web,
as a table in PDF, EPUB and text); hover cards and JSON-LD are for web pages only.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from . import dates, timeline
from .citation import WEB_BUILDERS
from .nodes import (
    apparatus,
    backrefs,
    correction,
    editorial_note,
    note_ref,
    paragraph_number,
    register,
)
from .notes import category_badge
from .records import CATEGORIES, Entry, Mention, Note

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from .domain import EditionDomain

# Cards and JSON-LD serve web pages; an EPUB reader runs no script and has no use for them.
SCHEMA_TYPES = {"person": "Person", "event": "Event", "place": "Place", "org": "Organization"}


def _builder(transform: SphinxPostTransform) -> Builder:
    """The current builder (``SphinxTransform.app`` is deprecated from Sphinx 9)."""
    app = getattr(transform.env, "_app", None)
    return (app if app is not None else transform.app).builder


def _domain(transform: SphinxPostTransform) -> EditionDomain:
    domain: Any = transform.env.domains["ed"]
    return domain  # type: ignore[no-any-return]


class BackReferences(SphinxPostTransform):
    """Fill each entry's list of the places in the text that mention it."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        placeholders = list(self.document.findall(backrefs))
        if not placeholders:
            return
        by_target: dict[str, list[Mention]] = defaultdict(list)
        for record in _domain(self).mentions:
            by_target[record.target].append(record)
        for placeholder in placeholders:
            found = sorted(
                by_target.get(placeholder["target"], ()),
                key=lambda m: (m.docname, m.paragraph, m.lineno, m.anchor),
            )
            placeholder.replace_self(self._render(found))

    def _render(self, found: list[Mention]) -> nodes.Element:
        box = nodes.container(classes=["ed-backrefs"])
        if not found:
            box += nodes.paragraph(text="Not mentioned in the text.")
            return box
        count = len(found)
        box += nodes.paragraph(
            text=f"Mentioned {count} time{'s' * (count != 1)} in the text:",
            classes=["ed-backrefs-title"],
        )
        items = nodes.bullet_list(classes=["ed-backrefs-list"])
        for record in found:
            where = f"¶{record.paragraph}" if record.paragraph else record.docname
            link = make_refnode(
                _builder(self),
                self.env.docname,
                record.docname,
                record.anchor,
                nodes.inline(text=where),
                f"{where}: {record.text}",
            )
            paragraph = nodes.paragraph(
                "",
                "",
                link,
                nodes.Text(" "),
                nodes.inline(text=record.snippet, classes=["ed-snippet"]),
            )
            items += nodes.list_item("", paragraph)
        box += items
        return box


class Timeline(SphinxPostTransform):
    """Draw the timeline of events: SVG for HTML and EPUB, a table for other builders."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        from .nodes import timeline as timeline_node

        placeholders = list(self.document.findall(timeline_node))
        if not placeholders:
            return
        events = [e for e in _domain(self).all_entries() if e.kind == "event" and e.date("date")]
        spans = []
        for record in events:
            try:
                spans.append((record, dates.parse(record.date("date"))))
            except dates.DateError:
                continue  # reported where the entry is defined
        spans.sort(key=lambda pair: (pair[1].earliest or pair[1].latest or date.min, pair[0].name))
        for placeholder in placeholders:
            # EPUB readers get the table: inline SVG needs a manifest property Sphinx's EPUB
            # builder does not write.
            if _builder(self).name in WEB_BUILDERS:
                replacement: nodes.Node = self._svg(spans)
            else:
                replacement = self._table(spans)
            placeholder.replace_self(replacement)

    def _href(self, record: Entry) -> str:
        uri = _builder(self).get_relative_uri(self.env.docname, record.docname)
        return f"{uri}#{record.anchor}"

    def _svg(self, spans: list[tuple[Entry, dates.Span]]) -> nodes.Node:
        marks = [timeline.Mark(self._href(r), r.name, r.date("date"), s) for r, s in spans]
        figure = nodes.container(classes=["ed-timeline"])
        figure += nodes.raw("", timeline.draw(marks), format="html")
        return figure

    def _table(self, spans: list[tuple[Entry, dates.Span]]) -> nodes.Node:
        # A long table, so that the PDF breaks it across pages.
        table = nodes.table(classes=["ed-timeline-table", "longtable", "colwidths-given"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (22, 30, 48):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += nodes.row(
            "", *(nodes.entry("", nodes.paragraph(text=t)) for t in ("Date", "Event", "Summary"))
        )
        body = nodes.tbody()
        for record, span in spans:
            marker = " (c.)" if span.approximate else ""
            marker += " (?)" if span.uncertain else ""
            link = make_refnode(
                _builder(self),
                self.env.docname,
                record.docname,
                record.anchor,
                nodes.inline(text=record.name),
                record.name,
            )
            body += nodes.row(
                "",
                nodes.entry("", nodes.paragraph(text=dates.display(record.date("date")) + marker)),
                nodes.entry("", nodes.paragraph("", "", link)),
                nodes.entry("", nodes.paragraph(text=record.summary)),
            )
        group += head
        group += body
        return table


class JsonLd(SphinxPostTransform):
    """Describe the entries of a register page in schema.org JSON-LD."""

    default_priority = 20
    builders = WEB_BUILDERS

    def run(self, **kwargs: Any) -> None:
        kinds = {node["kind"] for node in self.document.findall(register)}
        if not kinds:
            return
        domain = _domain(self)
        items = [
            _schema(record)
            for record in sorted(domain.all_entries(), key=lambda r: (r.kind, r.sort))
            if record.kind in kinds and record.docname == self.env.docname
        ]
        if not items:
            return
        data = {"@context": "https://schema.org", "@graph": items}
        # No "<" at all inside the script element: neither "</script>" nor "<!--" can end or
        # confuse it, whatever the register's fields say.
        text = json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")
        self.document += nodes.raw(
            "", f'<script type="application/ld+json">\n{text}\n</script>', format="html"
        )


def _iso(value: str, upper: bool = False) -> str | None:
    """An ISO 8601 form of an EDTF value's start (or end) for schema.org, or None."""
    if not value:
        return None
    try:
        span = dates.parse(value)
    except dates.DateError:
        return None
    head = value.split("/")[-1 if upper else 0].rstrip("~?%")
    if not span.interval and head.replace("-", "").isdigit():
        return head
    day = span.latest if upper else span.earliest
    return day.isoformat() if day else None


def _schema(record: Entry) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@type": SCHEMA_TYPES[record.kind],
        "@id": f"#{record.anchor}",
        "name": record.name,
    }
    if record.alt:
        item["alternateName"] = [alt.name for alt in record.alt]
    if record.summary:
        item["description"] = record.summary
    same_as = [
        {
            "wikidata": "https://www.wikidata.org/wiki/{}",
            "viaf": "https://viaf.org/viaf/{}",
            "geonames": "https://www.geonames.org/{}",
        }[scheme].format(value)
        for scheme, value in record.authority
    ]
    if same_as:
        item["sameAs"] = same_as
    if record.kind == "person":
        for key, role in (("birthDate", "born"), ("deathDate", "died")):
            if iso := _iso(record.date(role)):
                item[key] = iso
    elif record.kind in {"event", "org"}:
        start, end = _iso(record.date("date")), _iso(record.date("date"), upper=True)
        keys = (
            ("startDate", "endDate")
            if record.kind == "event"
            else ("foundingDate", "dissolutionDate")
        )
        if start:
            item[keys[0]] = start
        if end and end != start:
            item[keys[1]] = end
    elif record.coords:
        item["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": record.coords[0],
            "longitude": record.coords[1],
        }
    return item


class ApparatusTable(SphinxPostTransform):
    """Fill the apparatus: counts by category and a table of every note, linked both ways."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        placeholders = list(self.document.findall(apparatus))
        if not placeholders:
            return
        records = sorted(_domain(self).notes, key=lambda n: (n.docname, n.number))
        for placeholder in placeholders:
            box = nodes.container(classes=["ed-apparatus"])
            box += self._counts(records)
            box += self._table(records)
            placeholder.replace_self(box)

    def _counts(self, records: list[Note]) -> nodes.paragraph:
        counts: dict[str, int] = defaultdict(int)
        for record in records:
            counts[record.category] += 1
        paragraph = nodes.paragraph(classes=["ed-apparatus-counts"])
        paragraph += nodes.Text(f"{len(records)} notes: ")
        for index, category in enumerate(c for c in CATEGORIES if counts.get(c)):
            if index:
                paragraph += nodes.Text(", ")
            paragraph += category_badge(category)
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
        authors = _source_labels(self.env)
        for record in records:
            number = make_refnode(
                _builder(self),
                self.env.docname,
                record.docname,
                record.anchor,
                nodes.inline(text=str(record.number)),
                f"note {record.number}, in the text",
            )
            row = nodes.row("", ids=[f"a-{record.anchor}"])
            row += nodes.entry("", nodes.paragraph("", "", number))
            row += nodes.entry("", nodes.paragraph(text=f"¶{record.paragraph}"))
            row += nodes.entry("", nodes.paragraph(text=record.lemma))
            row += nodes.entry("", nodes.paragraph("", "", category_badge(record.category)))
            row += nodes.entry("", nodes.paragraph(text=record.corr or "—"))
            row += nodes.entry(
                "",
                nodes.paragraph(text="; ".join(authors.get(k, k) for k in record.sources) or "—"),
            )
            body += row
        group += head
        group += body
        return table


def _source_labels(env: Any) -> dict[str, str]:
    """'Lüthi 2008' for each bibliography key, from sphinxcontrib-bibtex's data if loaded."""
    if "cite" not in env.domains:
        return {}
    entries = getattr(getattr(env.domains["cite"], "bibdata", None), "data", None)
    if entries is None:
        return {}
    labels = {}
    for key, entry in entries.entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        names = [" ".join(p.last_names) for p in people[:2]]
        who = " and ".join(names) + (" et al." if len(people) > 2 else "")
        who = who.replace("{", "").replace("}", "") or entry.fields.get("key", key)
        labels[key] = f"{who} {entry.fields.get('year', 'n.d.')}"
    return labels


class ReadingSwitch(SphinxPostTransform):
    """On a page with corrections, the control that switches between the two readings.

    It is hidden until ``sphinx-edition.js`` shows it: without JavaScript the page shows the
    text as printed, with its notes.
    """

    default_priority = 20
    builders = WEB_BUILDERS

    def run(self, **kwargs: Any) -> None:
        if not any(True for _ in self.document.findall(correction)):
            return
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None:
            return
        control = nodes.raw("", READING_SWITCH, format="html")
        title = next((i for i, c in enumerate(section.children) if isinstance(c, nodes.title)), -1)
        section.insert(title + 1, control)


READING_SWITCH = (
    '<fieldset class="ed-reading" hidden="hidden"><legend>Reading</legend>'
    '<label><input type="radio" name="ed-reading" value="printed" checked="checked"/> '
    "As printed</label> "
    '<label><input type="radio" name="ed-reading" value="corrected"/> Corrected</label>'
    "</fieldset>"
)


class FootnoteNotes(SphinxPostTransform):
    """In the PDF, each note becomes a footnote at its marker, numbered by LaTeX."""

    default_priority = 5
    builders = ("latex",)

    def run(self, **kwargs: Any) -> None:
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


class StaticNotes(SphinxPostTransform):
    """In an EPUB, notes stand open after their paragraph: readers run no script."""

    default_priority = 20
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
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
