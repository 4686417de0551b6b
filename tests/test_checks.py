"""The checker: dates, durations, order, offices, lifespans and links against the registers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from conftest import edit, sphinx_build, warnings_of

MakeApp = Callable[..., SphinxTestApp]


def build(make_app: MakeApp, srcdir: Path, **kwargs: object) -> SphinxTestApp:
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    return app


def test_consistent_edition_builds_clean_and_says_what_it_checked(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = build(make_app, copy_root("checks"))
    assert warnings_of(app) == []
    status = strip_escape_sequences(app.status.getvalue())
    assert (
        "edition check: 8 entries, 8 mentions, 2 dates, 2 durations, 1 sequences checked; "
        "0 problems, 0 acknowledged by notes"
    ) in status


# Each case breaks one thing in a consistent edition and expects exactly one located warning.
CASES = {
    "date outside its event": (
        "text.md",
        "<1949-10 @prc>",
        "<1950-10 @prc>",
        "text.md:4: WARNING: ed:date 'October 1949' (October 1950) is not within the dates of "
        "Founding of the PRC (1 October 1949) [edition.chronology]",
    ),
    "duration that does not hold": (
        "text.md",
        "<nearly 27 years: ussr .. prc>",
        "<nearly 30 years: ussr .. prc>",
        "text.md:4: WARNING: ed:duration 'Nearly 27 years later': 'nearly 30 years' does not "
        "hold: from Founding of the USSR to Founding of the PRC is 26 years 9 months "
        "(allowed: 27 to 30 years) [edition.duration]",
    ),
    "length of an event": (
        "text.md",
        "<about 1 decade: split>",
        "<about 2 decades: split>",
        "text.md:8: WARNING: ed:duration 'decade-long': 'about 2 decades' does not hold: the "
        "length of Sino-Soviet split is 9 years to 11 years (allowed: 1.3 to 2.7 decades) "
        "[edition.duration]",
    ),
    "order the dates contradict": (
        "text.md",
        "<visit before withdrawal.start>",
        "<visit after withdrawal.start>",
        "text.md:12: WARNING: ed:sequence 'then': 'Khrushchev's visit to the United States "
        "after Withdrawal of Soviet advisers' does not hold: Khrushchev's visit to the United "
        "States 15 September 1959 – 27 September 1959, Withdrawal of Soviet advisers July 1960 – "
        "August 1960 [edition.chronology]",
    ),
    "order the dates cannot decide": (
        "events.md",
        ":date: 1959-09-15/1959-09-27",
        ":date: 1960-07-20/1960-07-27",
        "text.md:12: WARNING: ed:sequence 'then': 'Khrushchev's visit to the United States "
        "before Withdrawal of Soviet advisers' cannot be decided: Khrushchev's visit to the "
        "United States 20 July 1960 – 27 July 1960, Withdrawal of Soviet advisers July 1960 – "
        "August 1960; the dates are too coarse to order them (give the registers' dates more "
        "precisely, to the time of day if need be) [edition.undecided]",
    ),
    "order the times of one day contradict": (
        "events.md",
        ":date: 1959-09-15/1959-09-27\n:participants: khrushchev\n:::\n\n"
        ":::{ed:event} withdrawal\n:name: Withdrawal of Soviet advisers\n:date: 1960-07/1960-08",
        ":date: 1960-07-20T15:00:00\n:participants: khrushchev\n:::\n\n"
        ":::{ed:event} withdrawal\n:name: Withdrawal of Soviet advisers\n"
        ":date: 1960-07-20T09:30:00",
        "text.md:12: WARNING: ed:sequence 'then': 'Khrushchev's visit to the United States "
        "before Withdrawal of Soviet advisers' does not hold: Khrushchev's visit to the United "
        "States 20 July 1960, 15:00, Withdrawal of Soviet advisers 20 July 1960, 09:30 "
        "[edition.chronology]",
    ),
    "office not yet held": (
        "text.md",
        "<khrushchev | First Secretary | 1954>",
        "<khrushchev | First Secretary | 1953-03>",
        "text.md:8: WARNING: Nikita Khrushchev held no office matching 'First Secretary' in "
        "March 1953 (First Secretary: September 1953 – 14 October 1964) [edition.office]",
    ),
    "participant not alive": (
        "events.md",
        ":participants: khrushchev\n:::\n\n:::{ed:event} split",
        ":participants: khrushchev\n:::\n\n:::{ed:event} split",
        "",
    ),
    "malformed link": (
        "text.md",
        "(https://example.org/press)",
        "(https://example/press)",
        "text.md:12: WARNING: malformed link 'https://example/press': no host name [edition.url]",
    ),
}
CASES["participant not alive"] = (
    "events.md",
    ":date: 1956/1966\n:participants: khrushchev",
    ":date: 1956/1966\n:participants: khrushchev, stalin",
    "events.md:34: WARNING: ed:event split: Joseph Stalin (1878–1953) was not alive during "
    "it (1956 – 1966) [edition.lifespan]",
)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_inconsistency_is_one_located_warning(
    make_app: MakeApp, copy_root: Callable[[str], Path], case: str
) -> None:
    path, old, new, expected = CASES[case]
    srcdir = copy_root("checks")
    edit(srcdir / path, old, new)
    assert warnings_of(build(make_app, srcdir)) == [expected]


@pytest.mark.parametrize("case", sorted(CASES))
def test_suppress_warnings_silences_each_check(
    make_app: MakeApp, copy_root: Callable[[str], Path], case: str
) -> None:
    path, old, new, expected = CASES[case]
    subtype = expected.rsplit("[", 1)[1].rstrip("]")
    srcdir = copy_root("checks")
    edit(srcdir / path, old, new)
    app = build(make_app, srcdir, confoverrides={"suppress_warnings": [subtype]})
    assert warnings_of(app) == []


@pytest.mark.parametrize(
    ("visit", "withdrawal"),
    [
        ("1960-07-20T09:30:00", "1960-07-20T15:00:00"),
        # 15:00 in Moscow is 12:00 UTC: before 13:00 UTC, though its clock says later.
        ("1960-07-20T15:00:00+03:00", "1960-07-20T13:00:00Z"),
    ],
)
def test_two_events_of_one_day_are_ordered_by_their_times(
    make_app: MakeApp, copy_root: Callable[[str], Path], visit: str, withdrawal: str
) -> None:
    srcdir = copy_root("checks")
    edit(srcdir / "events.md", ":date: 1959-09-15/1959-09-27", f":date: {visit}")
    edit(srcdir / "events.md", ":date: 1960-07/1960-08", f":date: {withdrawal}")
    app = build(make_app, srcdir)
    assert warnings_of(app) == []
    assert "1 sequences checked; 0 problems" in strip_escape_sequences(app.status.getvalue())


def _acknowledge(srcdir: Path) -> None:
    """Break the date in ¶1 and answer it with a correction note on those words."""
    edit(srcdir / "text.md", "<1949-10 @prc>", "<1950-10 @prc>")
    edit(
        srcdir / "text.md",
        "the {ed:event}`PRC <prc>` was founded.\n:::",
        "the {ed:event}`PRC <prc>` was founded.\n\n"
        "::::{ed:note} wrong-year\n:lemma: October 1949\n:category: chronological\n"
        ":corr: October 1949\n:sources: none2000\n\nThe PRC was proclaimed in 1949.\n::::\n:::",
    )
    edit(srcdir / "text.md", ":::{ed:paragraph} 1", "::::::{ed:paragraph} 1")
    edit(srcdir / "text.md", "was founded.\n\n::::{ed:note}", "was founded.\n\n:::{ed:note}")
    edit(srcdir / "text.md", "in 1949.\n::::\n:::", "in 1949.\n:::\n::::::")


def test_a_discrepancy_answered_by_a_note_is_acknowledged_not_warned(
    make_app: MakeApp, copy_root: Callable[[str], Path], tmp_path: Path
) -> None:
    srcdir = copy_root("checks")
    _acknowledge(srcdir)
    app = build(make_app, srcdir)
    assert warnings_of(app) == []
    assert "0 problems, 1 acknowledged by notes" in strip_escape_sequences(app.status.getvalue())
    result = sphinx_build("-b", "edition-check", srcdir, tmp_path / "report")
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["problems"] == 0
    (acknowledged,) = report["acknowledged"]
    assert acknowledged["location"] == "text.md:4"
    assert acknowledged["subtype"] == "edition.chronology"
    assert acknowledged["note"] == {
        "anchor": "note-wrong-year",
        "number": 1,
        "category": "chronological",
        "lemma": "October 1949",
        "correction": "October 1949",
    }
    text = (tmp_path / "report" / "report.txt").read_text(encoding="utf-8")
    assert "answered by note 1 (chronological) on 'October 1949'" in text


def test_report_lists_every_check_with_counts(
    make_app: MakeApp, copy_root: Callable[[str], Path], tmp_path: Path
) -> None:
    srcdir = copy_root("checks")
    result = sphinx_build("-b", "edition-check", srcdir, tmp_path / "report")
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["checks"] == {
        "dates": 2,
        "durations": 2,
        "lifespans": 5,
        "links": 1,
        "offices": 1,
        "sequences": 1,
    }
    assert report["counts"]["entries"] == {"person": 2, "event": 6, "place": 0, "org": 0}
    assert len(report["checked"]) == 12
    assert {item["check"] for item in report["checked"]} == set(report["counts"]["checks"])


def test_the_real_edition_checks_clean_with_every_claim_accounted_for(tmp_path: Path) -> None:
    from conftest import DOCS

    result = sphinx_build("-b", "edition-check", "-W", DOCS, tmp_path / "report")
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    counts = report["counts"]
    assert counts["problems"] == 0
    assert report["witness"]["problems"] == []
    # Every date, duration and sequence in the text was checked: each is consistent or
    # acknowledged by the note that answers it.
    checked = report["checked"] + report["acknowledged"]
    for kind, check in (("dates", "dates"), ("durations", "durations"), ("sequences", "sequences")):
        assert sum(1 for item in checked if item["check"] == check) == counts[kind]
    assert counts["acknowledged"] >= 5


def test_old_style_dates_are_compared_in_the_gregorian_calendar(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    # 20 February 1953 in the Julian calendar is 5 March 1953 in the Gregorian one.
    srcdir = copy_root("checks")
    edit(srcdir / "text.md", "<1953-03 @stalin-death>", "<1953-02-20 julian @stalin-death>")
    app = build(make_app, srcdir)
    assert warnings_of(app) == []
    html = (app.outdir / "text.html").read_text(encoding="utf-8")
    assert 'title="20 February 1953 (Old Style) = 5 March 1953 (New Style)"' in html
    # Read as New Style, the same date falls outside the event: the calendar was what mattered.
    edit(srcdir / "text.md", "<1953-02-20 julian @stalin-death>", "<1953-02-20 @stalin-death>")
    app.warning.seek(0)
    app.warning.truncate()
    app.build()  # incremental
    assert warnings_of(app) == [
        "text.md:8: WARNING: ed:date 'March 1953' (20 February 1953) is not within the dates "
        "of Death of Stalin (5 March 1953) [edition.chronology]"
    ]
