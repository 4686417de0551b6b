"""EDTF dates and calendars (pure: no Sphinx imports).

Dates are written as EDTF strings (ISO 8601-2, as the Library of Congress profiles it).  Plain
dates are read here; the rest is parsed with the ``edtf`` package
(:mod:`sphinx_edition.core.edtf_dates`), imported only when a date needs it.  Julian (Old
Style) dates are converted with ``convertdate``.
A parsed date is a :class:`Span`: the first and last day it can mean, strictly and allowing for
its approximation or uncertainty, so that checks can respect ``~`` and ``?``.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

# The span a date means and its errors are the base (spans), given here for every caller.
from sphinx_edition.core.spans import EDTF_CHARACTERS as EDTF_CHARACTERS
from sphinx_edition.core.spans import DateError as DateError
from sphinx_edition.core.spans import Span as Span
from sphinx_edition.core.spans import moment as moment
from sphinx_edition.core.words import N_

MONTHS = tuple(_calendar.month_name)
SEASONS = {21: N_("spring"), 22: N_("summer"), 23: N_("autumn"), 24: N_("winter")}
CALENDARS = ("gregorian", "julian")


_PLAIN = re.compile(r"([1-9][0-9]{3})(?:-(0[1-9]|1[0-2])(?:-([0-3][0-9]))?)?")


def _plain_days(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a plain ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD), or None.

    Plain dates are most of an edition's dates, and the edtf grammar (pyparsing) takes 5 to 20
    milliseconds to read each; their meaning is simple enough to compute directly.  The
    equivalence with ``edtf`` is tested over the whole range (tests/test_dates.py).
    """
    match = _PLAIN.fullmatch(text)
    if match is None:
        return None
    year = int(match[1])
    if match[2] is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(match[2])
    last_day = _calendar.monthrange(year, month)[1]
    if match[3] is None:
        return dt.date(year, month, 1), dt.date(year, month, last_day)
    day = int(match[3])
    if not 1 <= day <= last_day:
        return None  # let edtf say what is wrong
    return dt.date(year, month, day), dt.date(year, month, day)


def _plain_span(value: str) -> Span | None:
    """The span of a plain date or of an interval of plain dates (ends may be open: '..')."""
    if "/" not in value:
        days = _plain_days(value)
        if days is None:
            return None
        return Span(
            value, days[0], days[1], days[0], days[1], False, False, False, start=days, end=days
        )
    first_text, last_text = value.split("/", 1)
    first = None if first_text == ".." else _plain_days(first_text)
    last = None if last_text == ".." else _plain_days(last_text)
    if (first is None and first_text != "..") or (last is None and last_text != ".."):
        return None
    if first is None and last is None:
        return None
    earliest = first[0] if first else None
    latest = last[1] if last else None
    if earliest is not None and latest is not None and latest < earliest:
        raise DateError(f"{value!r} runs backwards: it ends before it starts")
    return Span(
        value,
        earliest,
        latest,
        earliest,
        latest,
        False,
        False,
        True,
        start=first or (None, None),
        end=last or (None, None),
    )


@lru_cache(maxsize=4096)
def parse(text: str) -> Span:
    """Parse an EDTF string, or raise :class:`DateError` saying what is wrong with it."""
    value = text.strip()
    plain = _plain_span(value)
    if plain is not None:
        return plain
    return parse_with_edtf(value)


def parse_with_edtf(text: str) -> Span:
    """Parse an EDTF string with the ``edtf`` package (every form the standard allows).

    The package is imported by :mod:`sphinx_edition.core.edtf_dates` only when a date it has
    not seen needs it.
    """
    from sphinx_edition.core import edtf_dates

    return edtf_dates.parse(text, check_end=parse)


def julian_to_gregorian(text: str) -> str:
    """An EDTF date or interval read in the Julian calendar, given in the Gregorian one.

    Day-precision dates are converted day for day; a month or a year becomes the interval of
    Gregorian days it covered (Julian October 1917 is 1917-10-14/1917-11-13).
    """
    # Imported here: the package imports every calendar it has (and pymeeus for some), a
    # fiftieth of a second of every build that reads no Julian date.
    from convertdate import julian

    plain = _PLAIN.fullmatch(text.rstrip("~?%"))
    if plain is not None and plain[3] is not None:
        # A day of the Julian calendar, which may not exist in the Gregorian (1900-02-29).
        year, month, dayno = int(plain[1]), int(plain[2]), int(plain[3])
        try:
            julian.legal_date(year, month, dayno)  # raises, or returns True
        except ValueError:
            raise DateError(f"{text!r} is not a day of the Julian calendar") from None
        qualifier = text[len(plain[0]) :]
        return dt.date(*julian.to_gregorian(year, month, dayno)).isoformat() + qualifier
    if "/" in text:
        start, end = text.split("/", 1)
        first = julian_to_gregorian(start).split("/")[0] if start not in {"", ".."} else start
        last = julian_to_gregorian(end).split("/")[-1] if end not in {"", ".."} else end
        return f"{first}/{last}"
    span = parse(text)
    if span.earliest is None or span.latest is None:
        return text
    qualifier = text[-1] if text[-1] in "~?%" else ""
    first_day = _julian_day(span.earliest)
    last_day = _julian_day(span.latest)
    if first_day == last_day:
        return first_day.isoformat() + qualifier
    return f"{first_day.isoformat()}{qualifier}/{last_day.isoformat()}{qualifier}"


def _julian_day(day: dt.date) -> dt.date:
    """The Gregorian date of the Julian calendar's *day* (read as year, month, day)."""
    from convertdate import julian

    year, month, dayno = julian.to_gregorian(day.year, day.month, day.day)
    try:
        return dt.date(year, month, dayno)
    except ValueError as err:  # Julian 9999-12-31 is Gregorian 10000-01-13
        raise DateError(f"{day.isoformat()} (Julian) is past the last Gregorian date") from err


class DateWords(NamedTuple):
    """How dates read in one language: a CLDR locale for the calendar's words, and templates.

    ``locale`` None keeps the edition's English forms ("11 September 1969", from the
    Gregorian month names); otherwise the days, months and years are written by Babel from
    CLDR's data for that locale ("11. September 1969", "1969年9月11日").  The templates and
    the seasons are the translated words around a date; each template holds one ``{date}``
    (``range`` a ``{start}`` and an ``{end}``, ``season`` a ``{season}`` and a ``{year}``).
    """

    locale: str | None = None
    circa: str = "c. {date}"
    uncertain: str = "{date} (?)"
    until: str = "until {date}"
    onwards: str = "{date} onwards"
    unknown: str = "unknown"
    range: str = "{start} – {end}"
    season: str = "{season} {year}"
    seasons: tuple[str, str, str, str] = ("spring", "summer", "autumn", "winter")


ENGLISH = DateWords()
"""The edition's English forms."""


def display(text: str, words: DateWords = ENGLISH) -> str:
    """A reader's form of an EDTF string: '11 September 1969', 'autumn 1950', 'c. 1953'.

    *words* gives the language (see :class:`DateWords`); the EDTF value itself never changes.
    """
    value = text.strip()
    if "/" in value:
        start, end = value.split("/", 1)
        if start in {"", ".."}:
            if end in {"", ".."}:
                return words.unknown
            return words.until.format(date=display(end, words))
        if end in {"", ".."}:
            return words.onwards.format(date=display(start, words))
        return words.range.format(start=display(start, words), end=display(end, words))
    exact = moment(value)
    if exact is not None:
        zone = value[19:]
        when = f"{_words(value[:10].split('-'), words)}, {exact:%H:%M}"
        if exact.second:
            when += f":{exact:%S}"
        return when + (" UTC" if zone == "Z" else f" (UTC{zone})" if zone else "")
    qualifier = ""
    while value and value[-1] in "~?%":
        qualifier = value[-1] + qualifier
        value = value[:-1]
    parts = value.split("-")
    shown = _words(parts, words) if all(p.lstrip("-").isdigit() for p in parts if p) else value
    if "~" in qualifier or "%" in qualifier:
        shown = words.circa.format(date=shown)
    if "?" in qualifier or "%" in qualifier:
        shown = words.uncertain.format(date=shown)
    return shown


def _words(parts: list[str], words: DateWords) -> str:
    year = parts[0]
    if len(parts) == 1:
        return _cldr("y", int(year), 1, 1, words) or year
    month = int(parts[1])
    if month in SEASONS:
        return words.season.format(season=words.seasons[month - 21], year=year)
    if not 1 <= month <= 12:
        return "-".join(parts)
    if len(parts) == 2:
        return _cldr("yMMMM", int(year), month, 1, words) or f"{MONTHS[month]} {year}"
    day = int(parts[2])
    return _cldr("yMMMMd", int(year), month, day, words) or f"{day} {MONTHS[month]} {year}"


def _cldr(skeleton: str, year: int, month: int, day: int, words: DateWords) -> str:
    """The date in CLDR's form for the locale; empty for English or a year Python cannot hold."""
    if words.locale is None or not 1 <= year <= 9999:
        return ""
    # Imported here: an English edition never formats a date through Babel.
    from babel.dates import format_skeleton

    try:
        return format_skeleton(skeleton, dt.date(year, month, day), locale=words.locale)
    except ValueError:  # a day the month does not have: shown as written, not corrected
        return ""


def years_between(start: dt.date, end: dt.date) -> float:
    """The time from *start* to *end* in years (of 365.2425 days)."""
    return (end - start).days / 365.2425
