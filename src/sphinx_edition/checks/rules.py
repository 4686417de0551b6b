"""The consistency rules over the whole edition (pure: no Sphinx imports).

:func:`check_all` runs every rule (:mod:`.findings` says what a rule returns): the ids and uses
here, the rules on time in :mod:`.chronology`.  The domain runs the rules once, in
``check_consistency()``; the report builder runs them again to write every finding down.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from urllib.parse import urlsplit

from sphinx_edition.checks.chronology import (
    dated_events,
    duration_claims,
    lifespans,
    offices,
    sequence_claims,
)
from sphinx_edition.checks.findings import OK, PROBLEM, Data, Finding
from sphinx_edition.checks.tagging import inconsistent_tagging, missed_mentions
from sphinx_edition.core.records import (
    DateMention,
    Entry,
    ExternalLink,
    Mention,
    TermDefinition,
    TermUse,
)
from sphinx_edition.core.subtypes import Subtype


def check_all(data: Data) -> list[Finding]:
    """Every rule, in a stable order."""
    findings = [
        *duplicates(data.entries),
        *unused_entries(data.entries, data.mentions, data.dates),
        *unused_terms(data.terms, data.term_uses),
        *duplicate_terms(data.terms),
        *participants(data.entries),
        *dated_events(data.entries, data.dates),
        *lifespans(data.entries),
        *offices(data.entries, data.mentions),
        *duration_claims(data.entries, data.durations),
        *sequence_claims(data.entries, data.sequences),
        *links(data.links),
        *missed_mentions(data.entries, data.segments, data.mentions, data.unmarked),
        *inconsistent_tagging(data.entries, data.mentions),
    ]
    return sorted(findings, key=lambda f: (f.docname, f.line, f.check, f.message))


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
    """Entries the text never refers to: by a mention in the transcription (one in a note or in
    another entry does not count), or by a date that dates the event."""
    used = {m.target for m in mentions if m.in_text} | {d.event for d in date_mentions if d.event}
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


def links(found: Sequence[ExternalLink]) -> Iterator[Finding]:
    """External links are well formed (whether they answer is for nox -s linkcheck)."""
    for link in found:
        where = (link.docname, link.lineno)
        fault = url_problem(link.uri)
        if fault:
            yield Finding(
                "links", PROBLEM, Subtype.URL, *where, f"malformed link {link.uri!r}: {fault}"
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
