"""The rules on time (pure): dates within events, lifespans, offices, durations, order.

Dates in the text are compared with the registers' dates in the Gregorian calendar; intervals
are compared as the ranges of days they allow, so an imprecise date holds when it can.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from sphinx_edition.checks.findings import OK, PROBLEM, Finding, did_you_mean, problem
from sphinx_edition.core import dates, durations
from sphinx_edition.core.records import (
    DateMention,
    Duration,
    Entry,
    Mention,
    Office,
)
from sphinx_edition.core.records import Sequence as SequenceRecord
from sphinx_edition.core.subtypes import Subtype


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
            yield problem(
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
        matching = [o for o in person.offices if office_matches(mention.office, o)]
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
            yield problem(
                "offices",
                Subtype.OFFICE,
                *where,
                f"{person.name} held no office matching {mention.office!r} "
                f"{_at(mention.when)} ({known})",
                mention.acknowledged,
            )


_FILLERS = frozenset({"a", "an", "the", "of", "for", "and"})


def title_words(title: str) -> frozenset[str]:
    """The words of an office's title that say what it is ("of", "the" left out)."""
    return frozenset(re.findall(r"\w+", title.casefold())) - _FILLERS


def office_matches(said: str, office: Office) -> bool:
    """Whether the title the text gives (*said*) names *office*: every word of it is a word
    of the office's title or of one of its aliases ("Premier" names "Chairman of the Council
    of Ministers (Soviet Premier)"; "Soviet ambassador" needs the alias to name "Ambassador of
    the USSR")."""
    wanted = title_words(said)
    return bool(wanted) and any(
        wanted <= title_words(name) for name in (office.title, *office.aliases)
    )


def _at(value: str) -> str:
    """'on 27 October 1962', 'in October 1962', 'in 1962': a date as a sentence puts it."""
    shown = dates.display(value)
    return f"on {shown}" if shown[:1].isdigit() and not shown[:4].isdigit() else f"in {shown}"


def _anchor_range(
    entries: Mapping[str, Sequence[Entry]], anchor: str
) -> tuple[str, tuple[durations.Range, durations.Range]] | str:
    """An anchor's name and (start, end) ranges, or the reason it cannot be used."""
    found = _anchor(entries, anchor)
    return found if isinstance(found, str) else (found[0], _ranges(found))


def _ranges(found: tuple[str, dates.Span, str]) -> tuple[durations.Range, durations.Range]:
    """The (start, end) ranges of days of an anchor's span, or of the part it names."""
    _, span, part = found
    if part == "end":
        return span.end, span.end
    if part == "start":
        return span.start, span.start
    return span.start, span.end


def _anchor(
    entries: Mapping[str, Sequence[Entry]], anchor: str
) -> tuple[str, dates.Span, str] | str:
    """An anchor's name, its date's span and the part named ('start', 'end' or ''), or the
    reason it cannot be used."""
    entry_id, _, part = anchor.partition(".")
    if entry_id in entries:
        record = entries[entry_id][0]
        span = _entry_span(entries, entry_id)
        if span is None:
            return f"{record.name} has no date"
        return record.name, span, part
    span = _span(anchor)
    if span is None:
        known = [i for i, r in entries.items() if r[0].kind == "event"]
        return f"{anchor!r} is neither an event nor an EDTF date{did_you_mean(anchor, known)}"
    return dates.display(anchor), span, ""


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
            yield problem(
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
        first = _anchor(entries, claim.first)
        second = _anchor(entries, claim.second)
        if isinstance(first, str) or isinstance(second, str):
            reason = first if isinstance(first, str) else second
            yield Finding(
                "sequences", PROBLEM, Subtype.XREF, *where, f"ed:sequence {record.text!r}: {reason}"
            )
            continue
        text = f"ed:sequence {record.text!r}: '{first[0]} {claim.relation} {second[0]}'"
        # An event dated to a time of day is one moment, its start and its end alike: two
        # events of the same day are ordered by their times.
        moments = ((first[1].moment,) * 2, (second[1].moment,) * 2)
        outcome = durations.check_sequence(claim.relation, _ranges(first), _ranges(second), moments)
        if outcome == durations.HOLDS:
            yield Finding("sequences", OK, Subtype.CHRONOLOGY, *where, f"{text} holds")
        elif outcome == durations.UNDECIDED:
            yield problem(
                "sequences",
                Subtype.UNDECIDED,
                *where,
                f"{text} cannot be decided: {first[0]} {_when(entries, claim.first)}, "
                f"{second[0]} {_when(entries, claim.second)}; the dates are too coarse to "
                "order them (give the registers' dates more precisely, to the time of day if "
                "need be)",
                record.acknowledged,
            )
        else:
            yield problem(
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
