"""The data package's link tables: paragraphs, mentions and participants, one row a link.

A foreign key points from one single-valued column (Frictionless), so the many-to-many links
of the registers (an entry's mentions, an event's participants) get tables of their own.
"""

from __future__ import annotations

from collections.abc import Iterable

from sphinx_edition.core.records import Entry, Mention, Segment
from sphinx_edition.export.tables import (
    FILE_OF_KIND,
    MENTION_COLUMNS,
    PARTICIPANT_COLUMNS,
    Link,
    _no_link,
)


def paragraph_rows(segments: Iterable[Segment], link: Link = _no_link) -> list[dict[str, str]]:
    """One row per paragraph of the transcription, in order."""
    found = {s.paragraph: s for s in segments if s.kind == "paragraph"}
    return [
        {
            "number": str(n),
            "page": found[n].docname,
            "anchor": f"p{n}",
            "url": link(found[n].docname, f"p{n}"),
        }
        for n in sorted(found)
    ]


def mention_rows(
    mentions: Iterable[Mention], kinds: dict[str, str], link: Link = _no_link
) -> list[dict[str, str]]:
    """One row per mention of a known entry (*kinds* gives each entry's kind)."""
    rows = []
    for m in mentions:
        kind = kinds.get(m.target)
        if kind is None or not m.anchor:
            continue  # an unknown entry is an edition.xref warning; nothing to join it to
        row = dict.fromkeys(MENTION_COLUMNS, "")
        row.update(
            page=m.docname,
            anchor=m.anchor,
            kind=kind,
            entry=m.target,
            paragraph=str(m.paragraph) if m.paragraph else "",
            text=m.text,
            note=m.acknowledged,
            url=link(m.docname, m.anchor),
        )
        row[FILE_OF_KIND[kind]] = m.target
        rows.append(row)
    return rows


def participant_rows(entries: Iterable[Entry], kinds: dict[str, str]) -> list[dict[str, str]]:
    """One row per participant of each event, with its kind; an unknown one has no kind."""
    rows = []
    for event in entries:
        for participant in event.participants if event.kind == "event" else ():
            kind = kinds.get(participant, "")
            row = dict.fromkeys(PARTICIPANT_COLUMNS, "")
            row.update(event=event.id, participant=participant, kind=kind)
            column = FILE_OF_KIND.get(kind, "")
            if column in row:
                row[column] = participant
            rows.append(row)
    return rows
