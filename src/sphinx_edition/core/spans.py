"""What a date means (pure): a :class:`Span` of days, and the errors of a date that cannot.

The base of :mod:`sphinx_edition.core.dates` (plain dates, calendars, words) and of
:mod:`sphinx_edition.core.edtf_dates` (what only the ``edtf`` package reads), which both make
spans; :mod:`~sphinx_edition.core.dates` gives these names too, and callers use them there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Every EDTF string is made of these characters; anything else fails at once, without a trip
# through the (slow, pyparsing-based) grammar: labels such as "Wade–Giles" are tried as dates.
EDTF_CHARACTERS = re.compile(r"[0-9XYEuS.\-/~?%^{}\[\],+ T:Z]+")


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
