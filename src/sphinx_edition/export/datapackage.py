"""``data/datapackage.json``: the edition's data files described as a Frictionless Data Package
(pure: no Sphinx imports).

A library, a repository or a program that harvests ``data/`` reads here what each file is:
every CSV file's fields with their types, its primary key and its foreign keys (a mention to
its entry, paragraph and note; a participant to its event and entry; a note to its
paragraph), the JSON files and the TEI document, the licence of the data and the edition's
citation.  ``frictionless validate data/datapackage.json`` checks the files against it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sphinx_edition.core.edition import Edition
from sphinx_edition.export.tables import (
    COLUMNS,
    EXPORTS,
    FILE_OF_KIND,
    MENTION_COLUMNS,
    MENTIONS_FILE,
    NOTE_COLUMNS,
    NOTES_FILE,
    PARAGRAPH_COLUMNS,
    PARAGRAPHS_FILE,
    PARTICIPANT_COLUMNS,
    PARTICIPANTS_FILE,
    SEPARATOR,
)

PACKAGE_FILE = "datapackage.json"

_LIST = f"(several joined by {SEPARATOR!r})"
_EDTF = "an EDTF date or interval (https://www.loc.gov/standards/datetime/)"

FIELDS: dict[str, tuple[str, str]] = {
    "id": ("string", "The entry's id, as in its web address"),
    "name": ("string", "The name the register gives"),
    "sort": ("string", "The form the register is sorted by"),
    "alternative_names": ("string", f"Other names, each with its label and dates {_LIST}"),
    "summary": ("string", "What the register says of it, in a sentence"),
    "born": ("string", f"Date of birth: {_EDTF}"),
    "died": ("string", f"Date of death: {_EDTF}"),
    "offices": ("string", f"Offices held, each with its dates {_LIST}"),
    "date": ("string", f"When: {_EDTF}"),
    "participants": ("string", f"Ids of the people and organisations taking part {_LIST}"),
    "places": ("string", f"Ids of the places where it happened {_LIST}"),
    "latitude": ("number", "Latitude, in degrees (WGS 84)"),
    "longitude": ("number", "Longitude, in degrees (WGS 84)"),
    "wikidata": ("string", "Wikidata item id (Q…)"),
    "viaf": ("string", "VIAF cluster id"),
    "geonames": ("string", "GeoNames id"),
    "sources": ("string", f"Bibliography keys of the sources {_LIST}"),
    "glossary_term": ("string", "The glossary term that explains it"),
    "mentions": ("integer", "How many times the text mentions it"),
    "paragraphs": ("string", f"The paragraphs that mention it {_LIST}"),
    "url": ("string", "Its address on the web"),
    "page": ("string", "The page (Sphinx docname) that holds it"),
    "anchor": ("string", "Its id in the page"),
    "kind": ("string", "The kind of entry: person, event, place or org"),
    "entry": ("string", "The id of the entry it names"),
    "text": ("string", "The words of the text"),
    "note": ("string", "The id of the note whose lemma holds it"),
    "event": ("string", "The id of the event"),
    "participant": ("string", "The id of the participant"),
    "lemma": ("string", "The words of the text the note concerns, as printed"),
    "category": ("string", "The note's category"),
    "act": ("string", "The editorial act: emendation, correction (historical) or commentary"),
    "correction": ("string", "The corrected reading"),
    "explanation": ("string", "The note's text"),
}
"""Each CSV column's type and meaning (a column name means the same in every file)."""

_OVERRIDES: dict[tuple[str, str], tuple[str, str]] = {
    (NOTES_FILE, "number"): ("integer", "The note's number"),
    (NOTES_FILE, "id"): ("string", "The note's id, as in its web address"),
    (NOTES_FILE, "paragraph"): ("integer", "The paragraph it annotates"),
    (PARAGRAPHS_FILE, "number"): ("integer", "The paragraph's number (¶)"),
    (MENTIONS_FILE, "paragraph"): ("integer", "The paragraph it stands in"),
    **{
        (file, name): ("string", f"The id of the entry, if it is in {name}.csv")
        for file in (MENTIONS_FILE, PARTICIPANTS_FILE)
        for name, _ in EXPORTS
    },
}

NEUTRALISED = (
    "A cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a "
    "carriage return, and not a number) starts with an apostrophe, which is not part of the "
    "value (OWASP, CSV Injection); the JSON files give every value as it is."
)


def _schema(
    file: str,
    columns: Sequence[str],
    primary: Sequence[str],
    foreign: Sequence[tuple[str, str, str]] = (),
) -> dict[str, Any]:
    fields = []
    for column in columns:
        kind, description = _OVERRIDES.get((file, column)) or FIELDS[column]
        field: dict[str, Any] = {"name": column, "type": kind, "description": description}
        if column in primary and len(primary) == 1:
            field["constraints"] = {"required": True, "unique": True}
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": list(primary)}
    if foreign:
        schema["foreignKeys"] = [
            {"fields": column, "reference": {"resource": resource, "fields": target}}
            for column, resource, target in foreign
        ]
    return schema


def _table(name: str, title: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "type": "table",
        "path": f"{name}.csv",
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": title,
        "description": NEUTRALISED,
        "schema": schema,
    }


def _file(name: str, path: str, kind: str, mediatype: str, title: str) -> dict[str, Any]:
    return {
        "name": name,
        "type": kind,
        "path": path,
        "scheme": "file",
        "format": path.rsplit(".", 1)[1],
        "mediatype": mediatype,
        "encoding": "utf-8",
        "title": title,
    }


def citation(info: Edition) -> str:
    """The edition's citation, as text."""
    editors = ", ".join(info.editors)
    parts = [f"{editors} (eds.)" if editors else "", info.title]
    if info.version:
        parts.append(f"version {info.version}")
    cited = ", ".join(p for p in parts if p)
    year = f" ({info.year})" if info.year else ""
    return f"{cited}{year}" + (f", {info.url}" if info.url else "") + "."


def descriptor(
    info: Edition, license_id: str, plurals: dict[str, str], tei: str = ""
) -> dict[str, Any]:
    """The data package: every file of ``data/`` (the TEI document named *tei*, if any).

    *plurals* names each kind of entry in the plural ("people"), for the titles.
    """
    registers = []
    for name, kind in EXPORTS:
        registers.append(
            _table(name, f"The register of {plurals[kind]}", _schema(name, COLUMNS[kind], ["id"]))
        )
    to_paragraph = (("paragraph", PARAGRAPHS_FILE, "number"),)
    notes = _table(
        NOTES_FILE,
        "The apparatus: the editorial notes",
        _schema(NOTES_FILE, NOTE_COLUMNS, ["id"], to_paragraph),
    )
    paragraphs = _table(
        PARAGRAPHS_FILE,
        "The paragraphs of the text, with their addresses",
        _schema(PARAGRAPHS_FILE, PARAGRAPH_COLUMNS, ["number"]),
    )
    to_entries = tuple((name, name, "id") for name in FILE_OF_KIND.values())
    mentions = _table(
        MENTIONS_FILE,
        "Every mention of a register entry in the edition",
        _schema(
            MENTIONS_FILE,
            MENTION_COLUMNS,
            ["page", "anchor"],
            (*to_entries, *to_paragraph, ("note", NOTES_FILE, "id")),
        ),
    )
    participants = _table(
        PARTICIPANTS_FILE,
        "The participants of each event",
        _schema(
            PARTICIPANTS_FILE,
            PARTICIPANT_COLUMNS,
            ["event", "participant"],
            (("event", FILE_OF_KIND["event"], "id"), *(t for t in to_entries if t[0] != "events")),
        ),
    )
    json_files = [
        _file(
            f"{name}-json",
            f"{name}.json",
            "json",
            "application/json",
            f"The register of {plurals[kind]}, nested, with every mention",
        )
        for name, kind in EXPORTS
    ]
    json_files.append(
        _file(
            f"{NOTES_FILE}-json",
            f"{NOTES_FILE}.json",
            "json",
            "application/json",
            "The apparatus, as JSON",
        )
    )
    resources = [*registers, notes, paragraphs, mentions, participants, *json_files]
    if tei:
        resources.append(
            _file(
                "edition-tei",
                tei,
                "text",
                "application/tei+xml",
                "The whole edition as one TEI P5 document",
            )
        )
    package: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "edition-data",
        "title": info.title,
        "description": f"The registers, the notes and the text of {info.title}.",
        "version": info.version,
        "homepage": info.url,
        "citation": citation(info),
        "contributors": [{"title": editor, "roles": ["editor"]} for editor in info.editors],
        "resources": resources,
    }
    if license_id:
        # The licence's own address where it is known (core.vocabulary.LICENSES), else SPDX's.
        known = info.license_url if info.license == license_id else ""
        package["licenses"] = [
            {
                "name": license_id,
                "path": known or f"https://spdx.org/licenses/{license_id}.html",
                "title": info.license_name or license_id,
            }
        ]
    if not info.url:
        del package["homepage"]
    return package


def write_package(folder: Path, package: dict[str, Any]) -> None:
    (folder / PACKAGE_FILE).write_text(
        json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
