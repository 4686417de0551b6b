"""The consistency rules over the whole edition (pure: no Sphinx imports).

Each rule takes the domain's records and yields :class:`Problem` values; the domain turns them
into located warnings in ``check_consistency()``, once, after a parallel build has merged.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from . import dates
from .records import DateMention, Entry, Mention, TermDefinition, TermUse
from .subtypes import Subtype


class Problem(NamedTuple):
    subtype: Subtype
    docname: str
    line: int
    message: str


def did_you_mean(target: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'a' or 'b'?)' for the closest candidates, or ''."""
    close = difflib.get_close_matches(target, sorted(set(candidates)), n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""


def check_entries(
    entries: Mapping[str, Sequence[Entry]],
    mentions: Sequence[Mention],
    date_mentions: Sequence[DateMention],
    terms: Sequence[TermDefinition],
    term_uses: Sequence[TermUse],
) -> list[Problem]:
    problems = [
        *duplicates(entries),
        *unused_entries(entries, mentions, date_mentions),
        *unused_terms(terms, term_uses),
        *dated_events(entries, date_mentions),
    ]
    return sorted(problems, key=lambda p: (p.docname, p.line, p.message))


def duplicates(entries: Mapping[str, Sequence[Entry]]) -> Iterator[Problem]:
    for unordered in entries.values():
        # Ordered by place, not by reading order, so that parallel builds agree.
        first, *others = sorted(unordered, key=lambda r: (r.docname, r.lineno))
        for record in others:
            yield Problem(
                Subtype.DUPLICATE,
                record.docname,
                record.lineno,
                f"ed:{record.kind} {record.id} is defined twice (first as ed:{first.kind} in "
                f"{first.docname}, line {first.lineno})",
            )


def unused_entries(
    entries: Mapping[str, Sequence[Entry]],
    mentions: Sequence[Mention],
    date_mentions: Sequence[DateMention] = (),
) -> Iterator[Problem]:
    """Entries the text never refers to: by a mention, or by a date that dates the event."""
    used = {m.target for m in mentions} | {d.event for d in date_mentions if d.event}
    for entry_id, records in entries.items():
        if entry_id not in used:
            record = records[0]
            yield Problem(
                Subtype.UNUSED,
                record.docname,
                record.lineno,
                f"ed:{record.kind} {entry_id} is never mentioned in the text",
            )


def unused_terms(
    terms: Sequence[TermDefinition], term_uses: Sequence[TermUse]
) -> Iterator[Problem]:
    used = {use.term for use in term_uses}
    for term in terms:
        if term.term not in used:
            yield Problem(
                Subtype.UNUSED,
                term.docname,
                term.lineno,
                f"glossary term {term.display!r} is never used (link it with {{term}})",
            )


def dated_events(
    entries: Mapping[str, Sequence[Entry]], date_mentions: Sequence[DateMention]
) -> Iterator[Problem]:
    """A date that names an event must name an event that exists."""
    events = [i for i, records in entries.items() if records[0].kind == "event"]
    for mention in date_mentions:
        if not mention.event:
            continue
        records = entries.get(mention.event)
        if not records or records[0].kind != "event":
            yield Problem(
                Subtype.XREF,
                mention.docname,
                mention.lineno,
                f"ed:date: unknown event {mention.event!r}{did_you_mean(mention.event, events)}",
            )


def gregorian_value(mention: DateMention) -> str:
    """The mention's date in the Gregorian calendar (Old Style dates converted)."""
    if mention.calendar == "julian" and mention.value:
        return dates.julian_to_gregorian(mention.value)
    return mention.value
