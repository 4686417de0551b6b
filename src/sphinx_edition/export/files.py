"""Writing the data files: a CSV and a JSON file per register, for the notes and the links."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sphinx_edition.core.records import Entry, Mention, Note, Segment
from sphinx_edition.export.links import mention_rows, paragraph_rows, participant_rows
from sphinx_edition.export.tables import (
    COLUMNS,
    EXPORTS,
    MENTION_COLUMNS,
    MENTIONS_FILE,
    NOTE_COLUMNS,
    NOTES_FILE,
    PARAGRAPH_COLUMNS,
    PARAGRAPHS_FILE,
    PARTICIPANT_COLUMNS,
    PARTICIPANTS_FILE,
    Link,
    _no_link,
    entry_item,
    entry_row,
    neutral,
    note_item,
    note_row,
    sorted_entries,
    sorted_notes,
)


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, str]]) -> None:
    """Write *rows* as CSV, every cell :func:`neutral`."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows({key: neutral(value) for key, value in row.items()} for row in rows)


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
    segments: Iterable[Segment] = (),
    *,
    title: str,
    link: Link = _no_link,
    explanations: dict[str, str] | None = None,
    license: str = "",
) -> dict[str, int]:
    """Write ``<name>.csv`` and ``<name>.json`` for each register and the notes, and the
    CSV files that link them (paragraphs, mentions, participants).

    *explanations* gives the notes' text by note id, where a better one than the record's
    plain text is known; *license* (the licence's address or name) is stated in every JSON
    file.  Returns the number of records in each file, by name (``people``,
    ``events``, …).
    """
    explained = explanations or {}
    folder.mkdir(parents=True, exist_ok=True)
    entries = list(entries)
    ordered = sorted(mentions, key=lambda m: (m.docname, m.paragraph, m.lineno, m.anchor))
    by_target: dict[str, list[Mention]] = {}
    for record in ordered:
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
    kinds = {e.id: e.kind for e in entries}
    links = {
        PARAGRAPHS_FILE: (PARAGRAPH_COLUMNS, paragraph_rows(segments, link)),
        MENTIONS_FILE: (MENTION_COLUMNS, mention_rows(ordered, kinds, link)),
        PARTICIPANTS_FILE: (
            PARTICIPANT_COLUMNS,
            participant_rows(sorted_entries("event", entries), kinds),
        ),
    }
    for name, (columns, rows) in links.items():
        write_csv(folder / f"{name}.csv", columns, rows)
        counts[name] = len(rows)
    return counts
