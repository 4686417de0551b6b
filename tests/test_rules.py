"""The consistency rules, tested directly on records (no Sphinx build: fast).

The whole-build tests (``test_checks.py``) prove that a finding becomes one located warning;
these prove what each rule finds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_edition.checks.chronology import (
    dated_events,
    duration_claims,
    lifespans,
    offices,
    sequence_claims,
)
from sphinx_edition.checks.findings import ACKNOWLEDGED, OK, PROBLEM, Data, Finding
from sphinx_edition.checks.rules import check_all, duplicates, links, unused_entries
from sphinx_edition.core.durations import describe_days
from sphinx_edition.core.records import (
    DateMention,
    Duration,
    Entry,
    ExternalLink,
    Mention,
    Office,
    Sequence,
)
from sphinx_edition.core.subtypes import Subtype

MakeApp = Callable[..., SphinxTestApp]
R = TypeVar("R", Mention, DateMention, Duration, Sequence)


def entry(
    kind: str, ident: str, name: str, docname: str = "reg", line: int = 1, **kw: object
) -> Entry:
    values: dict[str, object] = {
        "docname": docname,
        "lineno": line,
        "kind": kind,
        "id": ident,
        "name": name,
        "sort": name,
        "alt": (),
        "summary": "",
        "dates": (),
        "offices": (),
        "participants": (),
        "coords": None,
        "authority": (),
        "sources": (),
        "term": "",
    }
    values.update(kw)
    return Entry(**values)  # type: ignore[arg-type]


KHRUSHCHEV = entry(
    "person",
    "khrushchev",
    "Nikita Khrushchev",
    dates=(("born", "1894-04-15"), ("died", "1971-09-11")),
    offices=(Office("First Secretary of the CPSU", "1953-09-07/1964-10-14"),),
)
STALIN = entry(
    "person", "stalin", "Joseph Stalin", dates=(("born", "1878-12-18"), ("died", "1953-03-05"))
)
VISIT = entry("event", "visit", "Khrushchev's visit", dates=(("date", "1959-09-15/1959-09-27"),))
WITHDRAWAL = entry(
    "event", "withdrawal", "Withdrawal of advisers", dates=(("date", "1960-07/1960-08"),)
)
USSR = entry("event", "ussr", "Founding of the USSR", dates=(("date", "1922-12-30"),))
PRC = entry("event", "prc", "Founding of the PRC", dates=(("date", "1949-10-01"),))
ENTRIES = {e.id: [e] for e in (KHRUSHCHEV, STALIN, VISIT, WITHDRAWAL, USSR, PRC)}


def date(
    value: str, event: str, calendar: str = "gregorian", acknowledged: str = ""
) -> DateMention:
    return DateMention("text", 4, "the date", value, calendar, event, 1, "d1", acknowledged)


def statuses(found: list[Finding]) -> list[tuple[str, Subtype]]:
    return [(f.status, f.subtype) for f in found]


def test_a_date_inside_its_event_holds_and_one_outside_is_a_problem() -> None:
    assert statuses(list(dated_events(ENTRIES, [date("1949-10", "prc")]))) == [
        (OK, Subtype.CHRONOLOGY)
    ]
    [outside] = dated_events(ENTRIES, [date("1950-10", "prc")])
    assert (outside.status, outside.docname, outside.line) == (PROBLEM, "text", 4)
    assert outside.message == (
        "ed:date 'the date' (October 1950) is not within the dates of Founding of the PRC "
        "(1 October 1949)"
    )


def test_an_answered_date_is_acknowledged_and_names_the_note() -> None:
    [found] = dated_events(ENTRIES, [date("1950-10", "prc", acknowledged="note-x")])
    assert (found.status, found.note) == (ACKNOWLEDGED, "note-x")


def test_old_style_dates_are_converted_before_comparing() -> None:
    # 17 December 1922 Old Style is 30 December New Style, the day the USSR was founded.
    [julian] = dated_events(ENTRIES, [date("1922-12-17", "ussr", calendar="julian")])
    assert julian.status == OK
    [gregorian] = dated_events(ENTRIES, [date("1922-12-17", "ussr")])
    assert gregorian.status == PROBLEM


def test_a_date_naming_an_unknown_event_suggests_the_close_ones() -> None:
    [found] = dated_events(ENTRIES, [date("1949", "pcr")])
    assert (found.status, found.subtype) == (PROBLEM, Subtype.XREF)
    assert found.message == "ed:date: unknown event 'pcr' (did you mean 'prc'?)"


def test_participants_must_be_alive() -> None:
    split = entry(
        "event",
        "split",
        "The split",
        line=9,
        dates=(("date", "1956/1966"),),
        participants=("khrushchev", "stalin"),
    )
    found = list(lifespans({**ENTRIES, "split": [split]}))
    assert statuses(found) == [(OK, Subtype.LIFESPAN), (PROBLEM, Subtype.LIFESPAN)]
    assert found[1].message.startswith("ed:event split: Joseph Stalin (1878–1953) was not alive")
    assert (found[1].docname, found[1].line) == ("reg", 9)


def test_an_office_is_checked_at_the_date_the_text_gives_it() -> None:
    def mention(when: str) -> Mention:
        return Mention("text", 8, "person", "khrushchev", "K", 1, "m1", "", "First Secretary", when)

    assert [f.status for f in offices(ENTRIES, [mention("1954")])] == [OK]
    [early] = offices(ENTRIES, [mention("1953-03")])
    assert early.status == PROBLEM
    assert "held no office matching 'First Secretary' in March 1953" in early.message


def test_duration_claims_hold_within_their_qualifier() -> None:
    def claim(text: str) -> Duration:
        return Duration("text", 4, "Nearly 27 years later", text, 1, "u1")

    [near] = duration_claims(ENTRIES, [claim("nearly 27 years: ussr .. prc")])
    assert near.status == OK
    assert "26 years 9 months" in near.message
    [far] = duration_claims(ENTRIES, [claim("nearly 30 years: ussr .. prc")])
    assert far.status == PROBLEM
    assert far.message.endswith("(allowed: 27 to 30 years)")


def test_sequence_claims_follow_the_dates() -> None:
    def claim(text: str) -> Sequence:
        return Sequence("text", 12, "then", text, 1, "s1")

    assert [f.status for f in sequence_claims(ENTRIES, [claim("visit before withdrawal")])] == [OK]
    [wrong] = sequence_claims(ENTRIES, [claim("visit after withdrawal.start")])
    assert wrong.status == PROBLEM
    [unknown] = sequence_claims(ENTRIES, [claim("visit after nothing")])
    assert unknown.subtype == Subtype.XREF


def test_duplicates_warn_at_every_definition_but_the_first_given() -> None:
    first = entry("person", "kosygin", "Kosygin", docname="people", line=17)
    second = entry("org", "kosygin", "Not a person", docname="orgs", line=13)
    [found] = duplicates({"kosygin": [first, second]})
    assert (found.docname, found.line, found.subtype) == ("orgs", 13, Subtype.DUPLICATE)
    assert "links go to its first definition, as ed:person in people, line 17" in found.message


def test_unused_entries_are_reported_where_they_are_defined() -> None:
    mention = Mention("text", 2, "event", "prc", "PRC", 1, "m1", "", in_text=True)
    unused = {
        f.docname + ":" + f.message
        for f in unused_entries({"prc": [PRC], "ussr": [USSR]}, [mention])
    }
    assert len(unused) == 1
    assert next(iter(unused)).startswith("reg:")


@pytest.mark.parametrize(
    ("uri", "fault"),
    [
        ("https://example.org/a", ""),
        ("https://example/press", "no host name"),
        ("htps//example.org", "no scheme"),
        ("https://example.org/a b", "it contains white space"),
        ("mailto:someone", "no address after mailto:"),
    ],
)
def test_links_are_checked_for_form(uri: str, fault: str) -> None:
    [found] = links([ExternalLink("page", 3, uri)])
    assert found.status == (PROBLEM if fault else OK)
    if fault:
        assert found.message == f"malformed link {uri!r}: {fault}"


def unanswered(records: Iterable[R], note: str) -> list[R]:
    """*records* as if the note *note* had not been written."""
    return [r._replace(acknowledged="") if r.acknowledged == note else r for r in records]


def test_removing_any_acknowledging_note_makes_its_finding_a_problem_at_its_line(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """On the real edition's records: every acknowledged finding becomes a problem, at the
    same place and with the same message, when the note that answers it is taken away."""
    from conftest import DOCS

    app = make_app("edition-check", srcdir=DOCS, builddir=tmp_path / "build")
    app.build()
    data: Data = app.env.domains["ed"].rule_data()  # type: ignore[attr-defined]
    acknowledged = [f for f in check_all(data) if f.status == ACKNOWLEDGED]
    assert acknowledged, "the edition's notes answer discrepancies the registers detect"
    report = json.loads((Path(app.outdir) / "report.json").read_text(encoding="utf-8"))
    assert len(report["acknowledged"]) == len(acknowledged)
    for finding in acknowledged:
        without = data._replace(
            mentions=unanswered(data.mentions, finding.note),
            dates=unanswered(data.dates, finding.note),
            durations=unanswered(data.durations, finding.note),
            sequences=unanswered(data.sequences, finding.note),
        )
        now = [
            f
            for f in check_all(without)
            if (f.docname, f.line, f.message) == (finding.docname, finding.line, finding.message)
        ]
        assert [f.status for f in now] == [PROBLEM], finding


@pytest.mark.parametrize(
    ("days", "unit", "said"),
    [
        # 16 to 22 October: between 5 and 7 days, never "0.714 weeks" as if that were all.
        ((5.0, 7.0), "week", "0.714 to 1 weeks (5 to 7 days)"),
        ((5.0, 7.0), "day", "5 to 7 days"),
        ((14.0, 14.5), "week", "2 weeks"),
        ((9700.0, 9790.0), "year", "26 years 7 months to 26 years 10 months"),
    ],
)
def test_a_duration_is_reported_as_the_interval_it_is(
    days: tuple[float, float], unit: str, said: str
) -> None:
    assert describe_days(days, unit) == said


def test_a_week_claim_on_days_reports_the_whole_interval() -> None:
    start = entry("event", "start", "The blockade", dates=(("date", "1962-10-16"),))
    end = entry("event", "end", "The settlement", dates=(("date", "1962-10-22"),))
    claim = Duration("text", 4, "a week later", "about 1 week: start .. end", 1, "u1")
    [found] = duration_claims({"start": [start], "end": [end]}, [claim])
    assert found.status == OK
    assert found.message.endswith("is 0.714 to 1 weeks (5 to 7 days)")


def test_offices_are_matched_on_words_and_declared_aliases() -> None:
    envoy = entry(
        "person",
        "yudin",
        "Pavel Yudin",
        dates=(("born", "1899"), ("died", "1968")),
        offices=(Office("Ambassador of the USSR to China", "1953/1959"),),
    )

    def said(title: str, person: Entry = envoy) -> str:
        mention = Mention("text", 3, "person", person.id, "Yudin", 1, "m1", "", title, "1955")
        [found] = offices({person.id: [person]}, [mention])
        return found.status

    assert said("ambassador") == OK
    assert said("Ambassador to China") == OK
    # Words, not substrings: "Soviet" is no word of the title, "Amb" no word at all.
    assert said("Soviet ambassador") == PROBLEM
    assert said("Amb") == PROBLEM
    aliased = envoy._replace(
        offices=(Office("Ambassador of the USSR to China", "1953/1959", ("Soviet ambassador",)),)
    )
    assert said("Soviet ambassador", aliased) == OK


def test_an_office_alias_is_read_from_the_register_option() -> None:
    from sphinx_edition.core.fields import offices as parse_offices

    [office] = parse_offices(
        "Chairman of the Council of Ministers of the USSR [Soviet Premier; Premier] (1964/1980)"
    )
    assert office == Office(
        "Chairman of the Council of Ministers of the USSR",
        "1964/1980",
        ("Soviet Premier", "Premier"),
    )


def test_a_mention_outside_the_text_does_not_make_an_entry_used() -> None:
    # Named only in another entry's description (or in a note): never in the text.
    elsewhere = Mention("events", 30, "event", "prc", "the PRC", 0, "m2", "", in_text=False)
    [unused] = unused_entries({"prc": [PRC]}, [elsewhere])
    assert unused.message == "ed:event prc is never mentioned in the text"


@pytest.mark.parametrize(
    ("relation", "first", "second", "outcome"),
    [
        ("before", "1962-10-16", "1962-10-22", "holds"),
        ("before", "1962-10-22", "1962-10-16", "fails"),
        # The same day: either order fits, so the claim is neither confirmed nor refuted.
        ("before", "1962-10-27", "1962-10-27", "undecided"),
        ("after", "1962-10", "1962-10-27", "undecided"),
        ("after", "1962-11", "1962-10-27", "holds"),
        # Times of day order two events of one day (EDTF level 0 date-times).
        ("before", "1962-10-27T10:00:00", "1962-10-27T19:45:00", "holds"),
        ("before", "1962-10-27T19:45:00", "1962-10-27T10:00:00", "fails"),
        ("after", "1962-10-27T19:45:00", "1962-10-27T10:00:00", "holds"),
        ("before", "1962-10-27T19:45:00", "1962-10-27T19:45:00", "fails"),
        # With zones, the moments are compared: 19:45 in Moscow is 16:45 UTC.
        ("before", "1962-10-27T19:45:00+03:00", "1962-10-27T17:00:00Z", "holds"),
        ("after", "1962-10-28T01:00:00+09:00", "1962-10-27T17:00:00Z", "fails"),
        # A time with a zone and one without cannot be compared: the days decide.
        ("before", "1962-10-27T10:00:00Z", "1962-10-27T19:45:00", "undecided"),
        # A time of day against a day alone: the same day, either order fits.
        ("before", "1962-10-27T10:00:00", "1962-10-27", "undecided"),
        ("during", "1962-10-27T10:00:00", "1962-10-16/1962-10-28", "holds"),
        ("during", "1962-10-29T10:00:00", "1962-10-16/1962-10-28", "fails"),
    ],
)
def test_an_order_is_confirmed_refuted_or_undecided(
    relation: str, first: str, second: str, outcome: str
) -> None:
    a = entry("event", "a", "A", dates=(("date", first),))
    b = entry("event", "b", "B", dates=(("date", second),))
    claim = Sequence("text", 5, "then", f"a {relation} b", 1, "s1")
    [found] = sequence_claims({"a": [a], "b": [b]}, [claim])
    expected = {"holds": (OK, Subtype.CHRONOLOGY), "fails": (PROBLEM, Subtype.CHRONOLOGY)}
    assert (found.status, found.subtype) == expected.get(outcome, (PROBLEM, Subtype.UNDECIDED))
