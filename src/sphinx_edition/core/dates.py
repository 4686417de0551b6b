"""EDTF dates and calendars (pure: no Sphinx imports).

Dates are written as EDTF strings (ISO 8601-2, as the Library of Congress profiles it) and
parsed with the ``edtf`` package; Julian (Old Style) dates are converted with ``convertdate``.
A parsed date is a :class:`Span`: the first and last day it can mean, strictly and allowing for
its approximation or uncertainty, so that checks can respect ``~`` and ``?``.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from convertdate import julian
from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from sphinx_edition.core.words import N_

MONTHS = tuple(_calendar.month_name)
SEASONS = {21: N_("spring"), 22: N_("summer"), 23: N_("autumn"), 24: N_("winter")}
CALENDARS = ("gregorian", "julian")


# Every EDTF string is made of these characters; anything else fails at once, without a trip
# through the (slow, pyparsing-based) grammar: labels such as "Wade–Giles" are tried as dates.
_EDTF_CHARACTERS = re.compile(r"[0-9XYEuS.\-/~?%^{}\[\],+ T:Z]+")


class DateError(ValueError):
    """An EDTF string that cannot be used; the message says what is wrong with it."""


@dataclass(frozen=True)
class Span:
    """What an EDTF string means, as days of the Gregorian calendar.

    ``earliest``/``latest`` are the strict bounds (None for an open or unknown end);
    ``fuzzy_earliest``/``fuzzy_latest`` widen them for approximate or uncertain dates.
    """

    text: str
    earliest: dt.date | None
    latest: dt.date | None
    fuzzy_earliest: dt.date | None
    fuzzy_latest: dt.date | None
    approximate: bool
    uncertain: bool
    interval: bool
    # When it began and ended, each as a range of days (an interval's ends, or the whole of a
    # single date), allowing for approximation: what the order and duration checks compare.
    start: tuple[dt.date | None, dt.date | None] = (None, None)
    end: tuple[dt.date | None, dt.date | None] = (None, None)
    # The moment a date-time names (EDTF level 0, "1962-10-27T19:45:00", with its zone when
    # written: "Z" or "+03:00"); None for a date without a time of day.
    moment: dt.datetime | None = None

    def overlaps(self, other: Span) -> bool:
        """Whether the two can be the same time, allowing for approximation and uncertainty."""
        return _before_or_same(self.fuzzy_earliest, other.fuzzy_latest) and _before_or_same(
            other.fuzzy_earliest, self.fuzzy_latest
        )

    def within(self, other: Span) -> bool:
        """Whether all of this can lie inside *other*, allowing for approximation."""
        return _before_or_same(other.fuzzy_earliest, self.fuzzy_latest) and _before_or_same(
            self.fuzzy_earliest, other.fuzzy_latest
        )

    @property
    def midpoint(self) -> dt.date | None:
        if self.earliest is None or self.latest is None:
            return self.earliest or self.latest
        return self.earliest + (self.latest - self.earliest) / 2


# EDTF level 0 date-and-time: a calendar date, "T", hours, minutes and seconds, and an optional
# zone (Z, or an offset of hours or hours and minutes).
_DATE_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + (int(digits[2:]) if digits[2:] else 0)
    return dt.timezone(sign * dt.timedelta(minutes=minutes))


def moment(text: str) -> dt.datetime | None:
    """The moment an EDTF date-time names (aware when it gives its zone), or None."""
    match = _DATE_TIME.fullmatch(text.strip())
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=_zone(match[7]))
    except ValueError:
        return None  # edtf says what is wrong with it


def _before_or_same(a: dt.date | None, b: dt.date | None) -> bool:
    return a is None or b is None or a <= b


def _day(value: time.struct_time) -> dt.date:
    return dt.date(value.tm_year, value.tm_mon, value.tm_mday)


def _bounds(obj: object, which: str) -> dt.date | None:
    """A bound of an edtf object; None for an open ('..') or unknown ('') end."""
    if type(obj).__name__ in {"UnspecifiedIntervalSection", "UncertainOrApproximate"} and (
        str(obj) in {"..", ""}
    ):
        return None
    try:
        return _day(getattr(obj, which)())
    except (TypeError, AttributeError, ValueError):
        return None


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
    """Parse an EDTF string with the ``edtf`` package (every form the standard allows)."""
    value = text.strip()
    if not value:
        raise DateError("an empty date")
    if not _EDTF_CHARACTERS.fullmatch(value):
        raise DateError(
            f"{value!r} is not an EDTF date (e.g. 1969-09-11, 1969-08/1969-10, "
            "1953~, 1959-03?, 1922/..)"
        )
    try:
        obj = parse_edtf(value)
    except EDTFParseException:
        raise DateError(
            f"{value!r} is not an EDTF date (e.g. 1969-09-11, 1969-08/1969-10, "
            "1953~, 1959-03?, 1922/..)"
        ) from None
    except Exception as err:  # the edtf parser raises assorted errors on odd input
        raise DateError(f"{value!r} is not an EDTF date ({err})") from None
    interval = type(obj).__name__ == "Interval" or "/" in value
    if interval:
        lower, upper = getattr(obj, "lower", None), getattr(obj, "upper", None)
        earliest, latest = _bounds(lower, "lower_strict"), _bounds(upper, "upper_strict")
        fuzzy_earliest, fuzzy_latest = _bounds(lower, "lower_fuzzy"), _bounds(upper, "upper_fuzzy")
        start = (fuzzy_earliest, _bounds(lower, "upper_fuzzy"))
        end = (_bounds(upper, "lower_fuzzy"), fuzzy_latest)
        if earliest is None and latest is None and str(lower) != ".." and str(upper) != "..":
            raise DateError(f"{value!r} is an interval with no usable end")
        # An end that is written but means no day (1969-02-29) is not an open end.
        for side, bound in zip(value.split("/", 1), (earliest, latest), strict=False):
            if bound is None and side.strip() not in {"", ".."}:
                parse(side)
    else:
        earliest, latest = _bounds(obj, "lower_strict"), _bounds(obj, "upper_strict")
        fuzzy_earliest, fuzzy_latest = _bounds(obj, "lower_fuzzy"), _bounds(obj, "upper_fuzzy")
        start = end = (fuzzy_earliest, fuzzy_latest)
        if earliest is None or latest is None:
            raise DateError(f"{value!r} is not a date that can be placed in time")
    if earliest is not None and latest is not None and latest < earliest:
        raise DateError(f"{value!r} runs backwards: it ends before it starts")
    return Span(
        text=value,
        earliest=earliest,
        latest=latest,
        fuzzy_earliest=fuzzy_earliest if fuzzy_earliest is not None else earliest,
        fuzzy_latest=fuzzy_latest if fuzzy_latest is not None else latest,
        approximate="~" in value or "%" in value,
        uncertain="?" in value or "%" in value,
        interval=interval,
        start=start,
        end=end,
        moment=None if interval else moment(value),
    )


def julian_to_gregorian(text: str) -> str:
    """An EDTF date or interval read in the Julian calendar, given in the Gregorian one.

    Day-precision dates are converted day for day; a month or a year becomes the interval of
    Gregorian days it covered (Julian October 1917 is 1917-10-14/1917-11-13).
    """
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
