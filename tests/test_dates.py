"""EDTF dates: the plain-date shortcut means exactly what the edtf package says."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_edition.core import dates

plain_dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)).flatmap(
    lambda day: st.sampled_from([f"{day.year}", f"{day.year}-{day.month:02d}", day.isoformat()])
)


@settings(max_examples=150, deadline=None)
@given(plain_dates)
def test_plain_dates_mean_what_edtf_says(text: str) -> None:
    assert dates.parse(text) == dates.parse_with_edtf(text)


@settings(max_examples=150, deadline=None)
@given(plain_dates, plain_dates)
def test_plain_intervals_mean_what_edtf_says(first: str, last: str) -> None:
    text = f"{first}/{last}"
    try:
        expected = dates.parse_with_edtf(text)
    except dates.DateError:
        with pytest.raises(dates.DateError):
            dates.parse.__wrapped__(text)
        return
    assert dates.parse.__wrapped__(text) == expected


@pytest.mark.parametrize("text", ["1922/..", "../1949", "1969-02/1969-03-15"])
def test_open_and_mixed_intervals_mean_what_edtf_says(text: str) -> None:
    assert dates.parse.__wrapped__(text) == dates.parse_with_edtf(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1969-09-11", "11 September 1969"),
        ("1950-23", "autumn 1950"),
        ("1953~", "c. 1953"),
        ("1959-03?", "March 1959 (?)"),
        ("1922/..", "1922 onwards"),
        ("../1949", "until 1949"),
        ("1964-10-15/1980-10-23", "15 October 1964 – 23 October 1980"),
        ("1962-10-27T19:45:00", "27 October 1962, 19:45"),
        ("1962-10-27T19:45:30Z", "27 October 1962, 19:45:30 UTC"),
        ("1962-10-27T19:45:00+03:00", "27 October 1962, 19:45 (UTC+03:00)"),
    ],
)
def test_readers_see_dates_in_words(text: str, shown: str) -> None:
    assert dates.display(text) == shown


def test_old_style_dates_are_converted_with_convertdate() -> None:
    # 25 October 1917 Old Style, the October Revolution, is 7 November New Style.
    assert dates.julian_to_gregorian("1917-10-25") == "1917-11-07"
    assert dates.julian_to_gregorian("1917-10") == "1917-10-14/1917-11-13"


def test_a_date_time_is_its_day_and_its_moment() -> None:
    span = dates.parse("1962-10-27T19:45:00+03:00")
    assert (span.earliest, span.latest) == (dt.date(1962, 10, 27), dt.date(1962, 10, 27))
    assert span.moment == dt.datetime(1962, 10, 27, 16, 45, tzinfo=dt.UTC)
    assert dates.parse("1962-10-27").moment is None
    assert dates.parse("1962-10-27T19:45:00").moment == dt.datetime(1962, 10, 27, 19, 45)
