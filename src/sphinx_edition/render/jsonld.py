"""schema.org JSON-LD for the entries of a register page."""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes

from sphinx_edition.core import dates
from sphinx_edition.core.records import Entry
from sphinx_edition.core.vocabulary import AUTHORITIES, KIND
from sphinx_edition.markup.nodes import register
from sphinx_edition.render.base import WEB_BUILDERS, EditionPostTransform
from sphinx_edition.render.survey import holds


class JsonLd(EditionPostTransform):
    """Describe the entries of a register page in schema.org JSON-LD."""

    default_priority = 20
    builders = WEB_BUILDERS

    def run(self, **kwargs: Any) -> None:
        if not holds(self.document, register):
            return
        kinds = {node["kind"] for node in self.document.findall(register)}
        if not kinds:
            return
        domain = self.domain
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
        "@type": KIND[record.kind].schema_type,
        "@id": f"#{record.anchor}",
        "name": record.name,
    }
    if record.alt:
        item["alternateName"] = [alt.name for alt in record.alt]
    if record.summary:
        item["description"] = record.summary
    same_as = [AUTHORITIES[scheme].url.format(value) for scheme, value in record.authority]
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
