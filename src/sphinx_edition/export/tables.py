"""The registers and the apparatus as CSV and JSON files (pure: no Sphinx imports).

Each register (people, events, places, organisations) and the apparatus (the notes) becomes
one CSV file, one row per record, multiple values joined by ``"; "``, for spreadsheets; and one
JSON file with the same records, nested, for programs.  The rows come from the ``ed`` domain's
records only, so the files always say what the build's registers and notes say.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
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
FILE_NAMES = (*(name for name, _ in EXPORTS), NOTES_FILE)

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


def _no_link(docname: str, anchor: str) -> str:
    return ""


def sorted_entries(kind: str, entries: Iterable[Entry]) -> list[Entry]:
    """The entries of *kind* as the register lists them: events by date, others by name."""
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


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write *data* with each of its ``items`` on a line of its own.

    Readable and easy to diff; and each line is made by json's C encoder, which ``indent=``
    would turn off (pure-Python encoding cost a second of every build at 200 articles).
    """
    head = [
        f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in data.items()
        if key != "items"
    ]
    items = ",\n".join(json.dumps(item, ensure_ascii=False) for item in data.get("items", ()))
    body = ", ".join([*head, f'"items": [\n{items}\n]' if items else '"items": []'])
    path.write_text("{" + body + "}\n", encoding="utf-8")


def write_exports(
    folder: Path,
    entries: Iterable[Entry],
    mentions: Iterable[Mention],
    notes: Iterable[Note],
    *,
    title: str,
    link: Link = _no_link,
    explanations: dict[str, str] | None = None,
    license: str = "",
) -> dict[str, int]:
    """Write ``<name>.csv`` and ``<name>.json`` for each register and the notes.

    *explanations* gives the notes' text by note id, where a better one than the record's
    plain text is known; *license* (the licence's address or name) is stated in every JSON
    file.  Returns the number of records in each file, by name (``people``,
    ``events``, …).
    """
    explained = explanations or {}
    folder.mkdir(parents=True, exist_ok=True)
    entries = list(entries)
    by_target: dict[str, list[Mention]] = {}
    for record in sorted(mentions, key=lambda m: (m.docname, m.paragraph, m.lineno, m.anchor)):
        by_target.setdefault(record.target, []).append(record)
    counts: dict[str, int] = {}
    for name, kind in EXPORTS:
        chosen = sorted_entries(kind, entries)
        write_csv(
            folder / f"{name}.csv",
            COLUMNS[kind],
            (entry_row(e, by_target.get(e.id, []), link) for e in chosen),
        )
        items = [entry_item(e, by_target.get(e.id, []), link) for e in chosen]
        write_json(
            folder / f"{name}.json",
            {"edition": title, "license": license, "kind": kind, "items": items},
        )
        counts[name] = len(chosen)
    chosen_notes = sorted_notes(notes)
    write_csv(
        folder / f"{NOTES_FILE}.csv",
        NOTE_COLUMNS,
        (note_row(n, link, explained.get(n.anchor, "")) for n in chosen_notes),
    )
    items = [note_item(n, link, explained.get(n.anchor, "")) for n in chosen_notes]
    write_json(
        folder / f"{NOTES_FILE}.json",
        {"edition": title, "license": license, "kind": "note", "items": items},
    )
    counts[NOTES_FILE] = len(chosen_notes)
    return counts


def _office_item(office: Office) -> dict[str, Any]:
    item: dict[str, Any] = {"title": office.title, "dates": office.dates}
    if office.aliases:
        item["aliases"] = list(office.aliases)
    return item
