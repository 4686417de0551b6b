"""The registers and the apparatus as CSV and JSON files (pure: no Sphinx imports).

Each register (people, events, places, organisations) and the apparatus (the notes) becomes
one CSV file, one row per record, multiple values joined by ``"; "``, for spreadsheets; and one
JSON file with the same records, nested, for programs.  Three more CSV files link them, one
row per link, so that a database can join them (the data package's foreign keys): the
paragraphs, the mentions of entries in the text, and the participants of events.  The rows
come from the ``ed`` domain's records only, so the files always say what the build's
registers and notes say.

A CSV cell that a spreadsheet would run as a formula (one that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return, and is not a plain number) gets a leading
apostrophe, as OWASP recommends ("CSV Injection"): the spreadsheet shows the text instead of
running it.  The JSON files keep every value as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from sphinx_edition.core import dates
from sphinx_edition.core.records import AltName, Entry, Mention, Note, Office
from sphinx_edition.core.vocabulary import COMMENTARY

Link = Callable[[str, str], str]
"""Gives the URL of an anchor in a document: ``link(docname, anchor)``."""

EXPORTS = (
    ("people", "person"),
    ("events", "event"),
    ("places", "place"),
    ("organisations", "org"),
)
"""The register files and the kind of entry each holds."""

NOTES_FILE = "notes"
PARAGRAPHS_FILE = "paragraphs"
MENTIONS_FILE = "mentions"
PARTICIPANTS_FILE = "participants"
LINK_FILES = (PARAGRAPHS_FILE, MENTIONS_FILE, PARTICIPANTS_FILE)
"""The CSV files that link the registers, the notes and the paragraphs (no JSON: the JSON
files nest the same links)."""
FILE_NAMES = (*(name for name, _ in EXPORTS), NOTES_FILE)
FILE_OF_KIND = {kind: name for name, kind in EXPORTS}

SEPARATOR = "; "

_COMMON = ("id", "name", "sort", "alternative_names", "summary")
_TAIL = ("wikidata", "viaf", "geonames", "sources", "glossary_term", "mentions", "paragraphs")
COLUMNS = {
    "person": (*_COMMON, "born", "died", "offices", *_TAIL, "url"),
    "event": (*_COMMON, "date", "participants", "places", *_TAIL, "url"),
    "place": (*_COMMON, "latitude", "longitude", *_TAIL, "url"),
    "org": (*_COMMON, "date", *_TAIL, "url"),
}
"""The CSV columns of each kind of entry, in order."""

NOTE_COLUMNS = (
    "number",
    "id",
    "paragraph",
    "category",
    "act",
    "lemma",
    "correction",
    "sources",
    "explanation",
    "url",
)

PARAGRAPH_COLUMNS = ("number", "page", "anchor", "url")
MENTION_COLUMNS = (
    "page",
    "anchor",
    "kind",
    "entry",
    *(name for name, _ in EXPORTS),
    "paragraph",
    "text",
    "note",
    "url",
)
"""A mention names its entry twice: ``entry`` (any kind) and the column of its kind's file,
which is what a foreign key can point from (a key names one table)."""
PARTICIPANT_COLUMNS = ("event", "participant", "kind", "people", "organisations", "places")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:e-?[0-9]+)?")


def neutral(cell: str) -> str:
    """*cell* as a spreadsheet will show it and not run it: an apostrophe before a cell that
    starts as a formula does (OWASP), unless it is a plain number such as ``-33.5``."""
    if cell.startswith(FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _no_link(docname: str, anchor: str) -> str:
    return ""


def sorted_entries(kind: str, entries: Iterable[Entry]) -> list[Entry]:
    """The entries of *kind* in a data file's order: events by date, others by ``:sort:``.

    Names compare by their lower-cased code points, not by the registers' collation, so that
    a file's order stays the same whatever collation table a later release reads.
    """
    chosen = [e for e in entries if e.kind == kind]
    if kind == "event":
        return sorted(chosen, key=lambda e: (_start(e.date("date")), e.sort.lower(), e.id))
    return sorted(chosen, key=lambda e: (e.sort.lower(), e.id))


def _start(value: str) -> date:
    try:
        span = dates.parse(value)
    except dates.DateError:
        return date.max
    return span.earliest or span.latest or date.max


def _alt_label(alt: AltName) -> str:
    details = "; ".join(part for part in (alt.label, alt.dates) if part)
    return f"{alt.name} [{details}]" if details else str(alt.name)


def _paragraphs(found: Sequence[Mention]) -> list[int]:
    return sorted({m.paragraph for m in found if m.paragraph})


def entry_item(record: Entry, mentions: Sequence[Mention], link: Link = _no_link) -> dict[str, Any]:
    """One entry as a JSON object, with every mention of it in the text."""
    item: dict[str, Any] = {
        "id": record.id,
        "kind": record.kind,
        "name": record.name,
        "sort": record.sort,
        "alternative_names": [
            {"name": a.name, "label": a.label, "dates": a.dates} for a in record.alt
        ],
        "summary": record.summary,
    }
    if record.kind == "person":
        item["born"] = record.date("born")
        item["died"] = record.date("died")
        item["offices"] = [
            {
                "title": o.title,
                "dates": o.dates,
                **({"aliases": list(o.aliases)} if o.aliases else {}),
            }
            for o in record.offices
        ]
    elif record.kind == "place":
        item["coordinates"] = (
            {"latitude": record.coords[0], "longitude": record.coords[1]} if record.coords else None
        )
    else:
        item["date"] = record.date("date")
    if record.kind == "event":
        item["participants"] = list(record.participants)
        item["places"] = list(record.places)
    item["authority"] = dict(record.authority)
    item["sources"] = list(record.sources)
    item["glossary_term"] = record.term
    item["mentions"] = [
        {
            "paragraph": m.paragraph or None,
            "text": m.text,
            "page": m.docname,
            "anchor": m.anchor,
            "url": link(m.docname, m.anchor),
        }
        for m in mentions
    ]
    item["page"] = record.docname
    item["anchor"] = record.anchor
    item["url"] = link(record.docname, record.anchor)
    return item


def entry_row(record: Entry, mentions: Sequence[Mention], link: Link = _no_link) -> dict[str, str]:
    """One entry as a CSV row: every value a string, multiple values joined by ``"; "``."""
    authority = dict(record.authority)
    row = {
        "id": record.id,
        "name": record.name,
        "sort": record.sort,
        "alternative_names": SEPARATOR.join(_alt_label(a) for a in record.alt),
        "summary": record.summary,
        "born": record.date("born"),
        "died": record.date("died"),
        "offices": SEPARATOR.join(
            f"{o.title} ({o.dates})" if o.dates else o.title for o in record.offices
        ),
        "date": record.date("date"),
        "participants": SEPARATOR.join(record.participants),
        "places": SEPARATOR.join(record.places),
        "latitude": f"{record.coords[0]:g}" if record.coords else "",
        "longitude": f"{record.coords[1]:g}" if record.coords else "",
        "wikidata": authority.get("wikidata", ""),
        "viaf": authority.get("viaf", ""),
        "geonames": authority.get("geonames", ""),
        "sources": SEPARATOR.join(record.sources),
        "glossary_term": record.term,
        "mentions": str(len(mentions)),
        "paragraphs": SEPARATOR.join(str(n) for n in _paragraphs(mentions)),
        "url": link(record.docname, record.anchor),
    }
    return {column: row[column] for column in COLUMNS[record.kind]}


def note_explanation(note: Note) -> str:
    """The explanation of a note, without its head (number, category, lemma, reading) or
    its list of sources, should the record's text include them."""
    text = note.text
    head = " ".join(str(p) for p in (note.number, note.category, note.lemma) if p) + "]"
    if text.startswith(head):
        text = text[len(head) :].lstrip()
        if note.corr and text.startswith(note.corr):
            text = text[len(note.corr) :].lstrip()
    tail = " Sources: " + ",".join(note.sources)
    if note.sources and text.endswith(tail):
        text = text[: -len(tail)]
    return text.strip()


def sorted_notes(notes: Iterable[Note]) -> list[Note]:
    return sorted(notes, key=lambda n: (n.docname, n.number, n.lineno))


def note_item(note: Note, link: Link = _no_link, explanation: str = "") -> dict[str, Any]:
    """One note as a JSON object; *explanation* replaces the record's plain text if given
    (the TEI writer's, with citations as printed)."""
    return {
        "number": note.number,
        "id": note.anchor,
        "paragraph": note.paragraph or None,
        "category": note.category,
        # emendation (of the text), correction (of the history) or commentary
        "act": note.act or COMMENTARY,
        "lemma": note.lemma,
        "correction": note.corr,
        "sources": list(note.sources),
        "explanation": explanation or note_explanation(note),
        "page": note.docname,
        "url": link(note.docname, note.anchor),
    }


def note_row(note: Note, link: Link = _no_link, explanation: str = "") -> dict[str, str]:
    item = note_item(note, link, explanation)
    row = {key: "" if value is None else str(value) for key, value in item.items()}
    row["sources"] = SEPARATOR.join(note.sources)
    return {column: row[column] for column in NOTE_COLUMNS}


def _office_item(office: Office) -> dict[str, Any]:
    item: dict[str, Any] = {"title": office.title, "dates": office.dates}
    if office.aliases:
        item["aliases"] = list(office.aliases)
    return item
