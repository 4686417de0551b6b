"""The consistency rules over the whole edition (pure: no Sphinx imports).

Each rule takes the domain's records and returns :class:`Finding` values: what was checked,
where, and whether it held.  A finding that does not hold is a *problem* (a warning), unless
the place it concerns is the lemma of an editorial note: then the apparatus answers it and it
is *acknowledged*.  The domain runs the rules once, in ``check_consistency()``; the report
builder runs them again to write every finding down.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple
from urllib.parse import urlsplit

from sphinx_edition.core import dates, durations
from sphinx_edition.core.records import (
    DateMention,
    Duration,
    Entry,
    ExternalLink,
    Mention,
    TermDefinition,
    TermUse,
)
from sphinx_edition.core.records import Sequence as SequenceRecord
from sphinx_edition.core.subtypes import Subtype

OK, PROBLEM, ACKNOWLEDGED = "ok", "problem", "acknowledged"


class Finding(NamedTuple):
    """One check of one thing: what, where, and whether it held."""

    check: str
    status: str  # ok, problem or acknowledged
    subtype: Subtype
    docname: str
    line: int
    message: str
    note: str = ""  # the anchor of the note that acknowledges it


class Data(NamedTuple):
    """The records the rules read (the domain's data, typed).

    Each id's definitions in *entries* are in document order: the first is the one that links
    and checks use, the others are duplicates.
    """

    entries: Mapping[str, Sequence[Entry]]
    mentions: Sequence[Mention]
    dates: Sequence[DateMention]
    durations: Sequence[Duration]
    sequences: Sequence[SequenceRecord]
    terms: Sequence[TermDefinition]
    term_uses: Sequence[TermUse]
    links: Sequence[ExternalLink]


def did_you_mean(target: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'a' or 'b'?)' for the closest candidates, or ''."""
    close = difflib.get_close_matches(target, sorted(set(candidates)), n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""


def check_all(data: Data) -> list[Finding]:
    """Every rule, in a stable order."""
    findings = [
        *duplicates(data.entries),
        *unused_entries(data.entries, data.mentions, data.dates),
        *unused_terms(data.terms, data.term_uses),
        *duplicate_terms(data.terms),
        *dated_events(data.entries, data.dates),
        *lifespans(data.entries),
        *participants(data.entries),
        *offices(data.entries, data.mentions),
        *duration_claims(data.entries, data.durations),
        *sequence_claims(data.entries, data.sequences),
        *links(data.links),
    ]
    return sorted(findings, key=lambda f: (f.docname, f.line, f.check, f.message))


def _problem(
    check: str, subtype: Subtype, docname: str, line: int, message: str, note: str = ""
) -> Finding:
    """A check that failed: acknowledged when a note answers the place, else a problem."""
    if note:
        return Finding(check, ACKNOWLEDGED, subtype, docname, line, message, note)
    return Finding(check, PROBLEM, subtype, docname, line, message)


def duplicates(entries: Mapping[str, Sequence[Entry]]) -> Iterator[Finding]:
    for records in entries.values():
        first, *others = records
        for record in others:
            yield Finding(
                "ids",
                PROBLEM,
                Subtype.DUPLICATE,
                record.docname,
                record.lineno,
                f"ed:{record.kind} {record.id} is defined twice; links go to its first "
                f"definition, as ed:{first.kind} in {first.docname}, line {first.lineno}",
            )


def unused_entries(
    entries: Mapping[str, Sequence[Entry]],
    mentions: Sequence[Mention],
    date_mentions: Sequence[DateMention] = (),
) -> Iterator[Finding]:
    """Entries the text never refers to: by a mention, or by a date that dates the event."""
    used = {m.target for m in mentions} | {d.event for d in date_mentions if d.event}
    for entry_id, records in entries.items():
        if entry_id not in used:
            record = records[0]
            yield Finding(
                "mentioned",
                PROBLEM,
                Subtype.UNUSED,
                record.docname,
                record.lineno,
                f"ed:{record.kind} {entry_id} is never mentioned in the text",
            )


def unused_terms(
    terms: Sequence[TermDefinition], term_uses: Sequence[TermUse]
) -> Iterator[Finding]:
    used = {use.term for use in term_uses}
    for term in terms:
        if term.term not in used:
            yield Finding(
                "terms",
                PROBLEM,
                Subtype.UNUSED,
                term.docname,
                term.lineno,
                f"glossary term {term.display!r} is never used (link it with {{term}})",
            )


def duplicate_terms(terms: Sequence[TermDefinition]) -> Iterator[Finding]:
    """A glossary term defined twice (in any glossary of the project): links go to the first."""
    first: dict[str, TermDefinition] = {}
    for term in sorted(terms, key=lambda t: (t.docname, t.lineno)):
        if term.term in first:
            earlier = first[term.term]
            yield Finding(
                "ids",
                PROBLEM,
                Subtype.DUPLICATE,
                term.docname,
                term.lineno,
                f"glossary term {term.display!r} is defined twice (first in {earlier.docname}, "
                f"line {earlier.lineno})",
            )
        else:
            first[term.term] = term


def _span(value: str) -> dates.Span | None:
    try:
        return dates.parse(value)
    except dates.DateError:
        return None  # reported where the value is written


def _entry_span(entries: Mapping[str, Sequence[Entry]], entry_id: str) -> dates.Span | None:
    records = entries.get(entry_id)
    if not records:
        return None
    record = records[0]
    return _span(record.date("date")) if record.date("date") else None


def gregorian_value(mention: DateMention) -> str:
    """The mention's date in the Gregorian calendar (Old Style dates converted)."""
    if mention.calendar == "julian" and mention.value:
        return dates.julian_to_gregorian(mention.value)
    return mention.value


def dated_events(
    entries: Mapping[str, Sequence[Entry]], date_mentions: Sequence[DateMention]
) -> Iterator[Finding]:
    """A date that names an event must name an event, and fall within its dates."""
    events = [i for i, records in entries.items() if records[0].kind == "event"]
    for mention in date_mentions:
        if not mention.value:
            continue
        where = (mention.docname, mention.lineno)
        if not mention.event:
            yield Finding("dates", OK, Subtype.DATE, *where, f"{mention.text!r} is valid EDTF")
            continue
        records = entries.get(mention.event)
        if not records or records[0].kind != "event":
            yield Finding(
                "dates",
                PROBLEM,
                Subtype.XREF,
                *where,
                f"ed:date: unknown event {mention.event!r}{did_you_mean(mention.event, events)}",
            )
            continue
        event, value = records[0], gregorian_value(mention)
        said, known = _span(value), _span(event.date("date"))
        if said is None or known is None:
            continue
        text = f"ed:date {mention.text!r} ({_shown(mention)})"
        if said.overlaps(known):
            yield Finding(
                "dates",
                OK,
                Subtype.CHRONOLOGY,
                *where,
                f"{text} is within the dates of {event.name}",
            )
        else:
            yield _problem(
                "dates",
                Subtype.CHRONOLOGY,
                *where,
                f"{text} is not within the dates of {event.name} "
                f"({dates.display(event.date('date'))})",
                mention.acknowledged,
            )


def _shown(mention: DateMention) -> str:
    if mention.calendar == "julian":
        return (
            f"{dates.display(mention.value)} Old Style = {dates.display(gregorian_value(mention))}"
        )
    return dates.display(mention.value)


def lifespans(entries: Mapping[str, Sequence[Entry]]) -> Iterator[Finding]:
    """The people who take part in an event were alive while it happened."""
    for records in entries.values():
        event = records[0]
        if event.kind != "event" or not event.participants:
            continue
        span = _span(event.date("date"))
        if span is None:
            continue
        for person_id in event.participants:
            person = entries.get(person_id, [None])[0]
            if person is None or person.kind != "person":
                continue  # unknown ids are reported by the cross-reference check
            born, died = _span(person.date("born")), _span(person.date("died"))
            alive = dates.Span(
                text="",
                earliest=None,
                latest=None,
                fuzzy_earliest=born.fuzzy_earliest if born else None,
                fuzzy_latest=died.fuzzy_latest if died else None,
                approximate=False,
                uncertain=False,
                interval=True,
            )
            where = (event.docname, event.lineno)
            if alive.overlaps(span):
                yield Finding(
                    "lifespans",
                    OK,
                    Subtype.LIFESPAN,
                    *where,
                    f"{person.name} was alive during {event.name}",
                )
            else:
                life = f"{_year(born)}–{_year(died)}"
                yield Finding(
                    "lifespans",
                    PROBLEM,
                    Subtype.LIFESPAN,
                    *where,
                    f"ed:event {event.id}: {person.name} ({life}) was not alive during it "
                    f"({dates.display(event.date('date'))})",
                )


def participants(entries: Mapping[str, Sequence[Entry]]) -> Iterator[Finding]:
    """An event's participants are people and organisations, not places or other events."""
    for records in entries.values():
        event = records[0]
        if event.kind != "event":
            continue
        for entry_id in event.participants:
            other = entries.get(entry_id, [None])[0]
            if other is not None and other.kind not in {"person", "org"}:
                yield Finding(
                    "participants",
                    PROBLEM,
                    Subtype.XREF,
                    event.docname,
                    event.lineno,
                    f"ed:event {event.id}: the participant {entry_id!r} is an ed:{other.kind}; "
                    "participants are people and organisations",
                )


def _year(span: dates.Span | None) -> str:
    day = span and (span.earliest or span.latest)
    return str(day.year) if day else "?"


def offices(
    entries: Mapping[str, Sequence[Entry]], mentions: Sequence[Mention]
) -> Iterator[Finding]:
    """A person the text gives an office held an office of that name at that date."""
    for mention in mentions:
        if not mention.office:
            continue
        where = (mention.docname, mention.lineno)
        person = entries.get(mention.target, [None])[0]
        when = _span(mention.when)
        if person is None or when is None:
            continue
        wanted = mention.office.casefold()
        matching = [o for o in person.offices if wanted in o.title.casefold()]
        if not matching:
            yield Finding(
                "offices",
                PROBLEM,
                Subtype.OFFICE,
                *where,
                f"{person.name} has no office matching {mention.office!r} in the register",
            )
            continue
        held = [o for o in matching if (s := _span(o.dates)) is not None and s.overlaps(when)]
        if held:
            yield Finding(
                "offices",
                OK,
                Subtype.OFFICE,
                *where,
                f"{person.name} was {held[0].title} in {dates.display(mention.when)}",
            )
        else:
            known = "; ".join(f"{o.title}: {dates.display(o.dates)}" for o in matching)
            yield _problem(
                "offices",
                Subtype.OFFICE,
                *where,
                f"{person.name} held no office matching {mention.office!r} in "
                f"{dates.display(mention.when)} ({known})",
                mention.acknowledged,
            )


def _anchor_range(
    entries: Mapping[str, Sequence[Entry]], anchor: str
) -> tuple[str, tuple[durations.Range, durations.Range]] | str:
    """An anchor's name and (start, end) ranges, or the reason it cannot be used."""
    entry_id, _, part = anchor.partition(".")
    if entry_id in entries:
        record = entries[entry_id][0]
        span = _entry_span(entries, entry_id)
        if span is None:
            return f"{record.name} has no date"
        if part == "end":
            return record.name, (span.end, span.end)
        if part == "start":
            return record.name, (span.start, span.start)
        return record.name, (span.start, span.end)
    span = _span(anchor)
    if span is None:
        known = [i for i, r in entries.items() if r[0].kind == "event"]
        return f"{anchor!r} is neither an event nor an EDTF date{did_you_mean(anchor, known)}"
    return dates.display(anchor), (span.start, span.end)


def duration_claims(
    entries: Mapping[str, Sequence[Entry]], claims: Sequence[Duration]
) -> Iterator[Finding]:
    for record in claims:
        where = (record.docname, record.lineno)
        try:
            claim = durations.parse_duration(record.claim)
        except durations.ClaimError:
            continue  # reported where it is written
        anchors = [_anchor_range(entries, a) for a in claim.anchors]
        failed = [a for a in anchors if isinstance(a, str)]
        if failed:
            yield Finding(
                "durations",
                PROBLEM,
                Subtype.XREF,
                *where,
                f"ed:duration {record.text!r}: {failed[0]}",
            )
            continue
        resolved = [a for a in anchors if not isinstance(a, str)]
        if len(resolved) == 1:
            (start, end) = resolved[0][1]
            days = durations.interval_between(start, end)
            between = f"the length of {resolved[0][0]}"
        else:
            days = durations.interval_between(resolved[0][1][0], resolved[1][1][0])
            between = f"from {resolved[0][0]} to {resolved[1][0]}"
        holds, computed = durations.check_duration(claim, days)
        low, high = durations.QUALIFIERS[claim.qualifier].window(claim.quantity)
        allowed = f"{max(low, 0):.3g} to {high:.3g} {claim.unit}s"
        text = f"ed:duration {record.text!r}: '{record.claim.split(':')[0].strip()}'"
        if holds:
            yield Finding(
                "durations", OK, Subtype.DURATION, *where, f"{text} holds: {between} is {computed}"
            )
        else:
            yield _problem(
                "durations",
                Subtype.DURATION,
                *where,
                f"{text} does not hold: {between} is {computed} (allowed: {allowed})",
                record.acknowledged,
            )


def sequence_claims(
    entries: Mapping[str, Sequence[Entry]], claims: Sequence[SequenceRecord]
) -> Iterator[Finding]:
    for record in claims:
        where = (record.docname, record.lineno)
        try:
            claim = durations.parse_sequence(record.claim)
        except durations.ClaimError:
            continue  # reported where it is written
        first = _anchor_range(entries, claim.first)
        second = _anchor_range(entries, claim.second)
        if isinstance(first, str) or isinstance(second, str):
            reason = first if isinstance(first, str) else second
            yield Finding(
                "sequences", PROBLEM, Subtype.XREF, *where, f"ed:sequence {record.text!r}: {reason}"
            )
            continue
        text = f"ed:sequence {record.text!r}: '{first[0]} {claim.relation} {second[0]}'"
        if durations.check_sequence(claim.relation, first[1], second[1]):
            yield Finding("sequences", OK, Subtype.CHRONOLOGY, *where, f"{text} holds")
        else:
            yield _problem(
                "sequences",
                Subtype.CHRONOLOGY,
                *where,
                f"{text} does not hold: {first[0]} {_when(entries, claim.first)}, "
                f"{second[0]} {_when(entries, claim.second)}",
                record.acknowledged,
            )


def _when(entries: Mapping[str, Sequence[Entry]], anchor: str) -> str:
    entry_id = anchor.partition(".")[0]
    if entry_id in entries:
        return dates.display(entries[entry_id][0].date("date"))
    return dates.display(anchor)


def links(found: Sequence[ExternalLink]) -> Iterator[Finding]:
    """External links are well formed (whether they answer is for nox -s linkcheck)."""
    for link in found:
        where = (link.docname, link.lineno)
        problem = url_problem(link.uri)
        if problem:
            yield Finding(
                "links", PROBLEM, Subtype.URL, *where, f"malformed link {link.uri!r}: {problem}"
            )
        else:
            yield Finding("links", OK, Subtype.URL, *where, f"{link.uri} is well formed")


def url_problem(uri: str) -> str:
    """What is wrong with an external URL's form, or ''."""
    if any(c.isspace() for c in uri):
        return "it contains white space"
    parts = urlsplit(uri)
    if parts.scheme == "mailto":
        return "" if "@" in parts.path else "no address after mailto:"
    if parts.scheme not in {"http", "https", "ftp"}:
        return f"unknown scheme {parts.scheme!r}" if parts.scheme else "no scheme"
    if not parts.hostname or ("." not in parts.hostname and parts.hostname != "localhost"):
        return "no host name"
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return "a malformed port"
    return ""
