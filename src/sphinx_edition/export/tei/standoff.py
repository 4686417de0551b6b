"""The TEI ``<standOff>``: the registers and the bibliography, from the domain's records.

Each register entry becomes a ``<person>``, ``<event>``, ``<place>`` or ``<org>`` whose
``xml:id`` is the entry's anchor (``person-kosygin``), the same id its mentions in the text
point at (``<persName ref="#person-kosygin">``) and the same fragment as on the web page.
Bibliography entries (sphinxcontrib-bibtex's data) become ``<bibl xml:id="bibl-KEY">``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any

from sphinx_edition.core import dates
from sphinx_edition.core.edition import latex_text
from sphinx_edition.core.records import AltName, Entry
from sphinx_edition.core.vocabulary import AUTHORITIES, KIND
from sphinx_edition.export.tables import EXPORTS, sorted_entries
from sphinx_edition.export.tei.dates import date_attributes
from sphinx_edition.export.tei.xml import XML_ID, add_text, child, element, word
from sphinx_edition.markup.bibliography import person_name


def bibl_id(key: str) -> str:
    return f"bibl-{key}"


def safe_dates(value: str) -> dict[str, str]:
    """Dating attributes for a value already checked where it was written; {} if it is bad."""
    if not value:
        return {}
    try:
        return date_attributes(value, precision=False)
    except dates.DateError:
        return {}


def standoff(
    entries: Iterable[Entry],
    bibliography: dict[str, Any],
    labels: dict[str, str],
    terms: dict[str, str],
) -> ET.Element:
    """``<standOff>`` with a list for each kind of entry that has any, and the bibliography.

    *bibliography* holds the pybtex entries by key (from :mod:`sphinx_edition.markup.bibliography`),
    *labels* name them ("Lüthi 2008"); *terms* gives the xml:id of each glossary term (lower
    case), for the entries that point at one.
    """
    box = element("standOff")
    chosen = list(entries)
    anchors = {e.id: e.anchor for e in chosen}
    anchors.update({f"term:{term}": ident for term, ident in terms.items()})
    for _, kind in EXPORTS:
        records = sorted_entries(kind, chosen)
        if not records:
            continue
        listing = child(box, KIND[kind].tei_list)
        for record in records:
            listing.append(entry_element(record, labels, anchors))
    bibls = list(bibliography_elements(bibliography))
    if bibls:
        listing = child(box, "listBibl")
        listing.extend(bibls)
    return box


def entry_element(record: Entry, labels: dict[str, str], anchors: dict[str, str]) -> ET.Element:
    """One register entry in TEI, its parts in the order the TEI content models ask."""
    kind = record.kind
    tag = {"person": "person", "event": "event", "place": "place", "org": "org"}[kind]
    item = element(tag, **{XML_ID: record.anchor})
    if kind == "event":
        item.attrib.update(safe_dates(record.date("date")))
        where = " ".join(f"#{anchors[p]}" for p in record.places if p in anchors)
        if where:
            item.set("where", where)
        _idnos(item, record)
    names = [_name(kind, record.name, "main", {})]
    names += [_alt(kind, alt) for alt in record.alt]
    if kind == "org":
        names[0].attrib.update(safe_dates(record.date("date")))
    item.extend(names)
    if kind == "person":
        for role in ("born", "died"):
            if record.date(role):
                child(item, "birth" if role == "born" else "death", **safe_dates(record.date(role)))
        for office in record.offices:
            child(item, "occupation", office.title, **safe_dates(office.dates))
    if kind == "place" and record.coords:
        location = child(item, "location")
        child(location, "geo", f"{record.coords[0]:g} {record.coords[1]:g}")
    if kind != "event":
        _idnos(item, record)
    if record.summary:
        child(item, "note", record.summary, type="summary")
    for key in record.sources:
        bibl = child(item, "bibl")
        child(bibl, "ref", labels.get(key, key), target=f"#{bibl_id(key)}")
    # Participants that are no entry are reported where the event is defined.
    targets = " ".join(f"#{anchors[p]}" for p in record.participants if p in anchors)
    if targets:
        child(item, "ptr", type="participants", target=targets)
    glossary = anchors.get(f"term:{record.term.lower()}") if record.term else None
    if glossary:
        child(item, "ptr", type="glossary", target=f"#{glossary}")
    return item


def _name(kind: str, text: str, type_: str, when: dict[str, str]) -> ET.Element:
    return element(KIND[kind].tei_name, text, type=type_, **when)


def _alt(kind: str, alt: AltName) -> ET.Element:
    made = _name(kind, alt.name, "alt", safe_dates(alt.dates) if kind != "event" else {})
    if alt.label:
        made.set("subtype", word(alt.label))
    return made


def _idnos(item: ET.Element, record: Entry) -> None:
    for scheme, value in record.authority:
        idno = child(item, "idno", value, type=scheme)
        if scheme in AUTHORITIES:
            idno.set("corresp", AUTHORITIES[scheme].url.format(value))


# -- the bibliography ----------------------------------------------------------------------


def bibliography_elements(bibliography: dict[str, Any]) -> Iterable[ET.Element]:
    for key, entry in sorted(bibliography.items()):
        made = bibl(entry)
        made.set(XML_ID, bibl_id(key))
        yield made


def bibl(entry: Any) -> ET.Element:
    """One BibTeX entry as a TEI ``<bibl>`` with its parts tagged."""
    fields = {name.lower(): latex_text(value) for name, value in entry.fields.items()}
    kind = entry.type.lower()
    made = element("bibl", type=kind)
    for role, tag, extra in (
        ("author", "author", {}),
        ("editor", "editor", {}),
        ("translator", "editor", {"role": "translator"}),
    ):
        for person in entry.persons.get(role, []):
            _part(made, tag, person_name(person), **extra)
    _field(made, fields, "title", "title", level="a" if kind in _PARTS else "m")
    _field(made, fields, "journal", "title", level="j")
    _field(made, fields, "booktitle", "title", level="m")
    _field(made, fields, "series", "title", level="s")
    _field(made, fields, "volume", "biblScope", unit="volume")
    _field(made, fields, "number", "biblScope", unit="issue" if kind == "article" else "number")
    _field(made, fields, "pages", "biblScope", unit="page")
    _field(made, fields, "address", "pubPlace")
    _field(made, fields, "publisher", "publisher")
    _field(made, fields, "institution", "publisher")
    year = fields.get("year", "")
    if year:
        _part(made, "date", year, when=year if re.fullmatch(r"\d{4}", year) else "")
    for name in ("doi", "isbn"):
        _field(made, fields, name, "idno", type=name.upper())
    if fields.get("url"):
        _part(made, "ptr", "", target=fields["url"])
    for name in ("howpublished", "type", "note"):
        _field(made, fields, name, "note", type=name)
    return made


_PARTS = {"article", "incollection", "inbook", "inproceedings"}


def _field(made: ET.Element, fields: dict[str, str], name: str, tag: str, **attrs: str) -> None:
    if fields.get(name):
        _part(made, tag, fields[name], **attrs)


def _part(made: ET.Element, tag: str, text: str, **attrs: str) -> None:
    """A part of a bibl, after a space, so that the bibl's text reads as a reference."""
    if len(made):
        add_text(made, " ")
    child(made, tag, text, **attrs)
