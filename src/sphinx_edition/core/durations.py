"""Claims of duration and order in the text, and how they are checked (pure: no Sphinx).

A duration claim ("Nearly 27 years later", "over three decades", "decade-long") names a
quantity, a unit, a qualifier and its anchors: two events or dates (the time between them) or
one event (its length).  The claim holds when the real interval, computed from the registers'
EDTF dates with their imprecision, can fall inside the window the qualifier allows.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass

DAYS = {
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 365.2425 / 12,
    "year": 365.2425,
    "decade": 3652.425,
}
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


@dataclass(frozen=True)
class Qualifier(ABC):
    """How far the real value may lie from the claimed one, as a window around the claim."""

    words: tuple[str, ...]
    meaning: str

    @abstractmethod
    def window(self, claimed: float) -> tuple[float, float]:
        """The least and greatest real values (in the claim's unit) that bear the claim out."""


class _About(Qualifier):
    def window(self, claimed: float) -> tuple[float, float]:
        return 0.9 * claimed - 0.5, 1.1 * claimed + 0.5


class _Exactly(Qualifier):
    def window(self, claimed: float) -> tuple[float, float]:
        return claimed - 0.5, claimed + 0.5


class _Nearly(Qualifier):
    def window(self, claimed: float) -> tuple[float, float]:
        return claimed - max(1.0, 0.1 * claimed), claimed


class _Over(Qualifier):
    def window(self, claimed: float) -> tuple[float, float]:
        return claimed, 1.25 * claimed + 1


class _AtLeast(Qualifier):
    def window(self, claimed: float) -> tuple[float, float]:
        return claimed, math.inf


class _Under(Qualifier):
    def window(self, claimed: float) -> tuple[float, float]:
        return 0.0, claimed


QUALIFIERS: dict[str, Qualifier] = {}
for _qualifier in (
    _About(
        ("about", "some", "approximately", "around", "roughly", "c."),
        "between 90 % and 110 % of the claim, give or take half a unit",
    ),
    _Exactly(("exactly",), "the claim, give or take half a unit (rounding to the unit)"),
    _Nearly(
        ("nearly", "almost"),
        "at most the claim, and at least the claim less a tenth (but at least one unit) less",
    ),
    _Over(("over", "more-than"), "more than the claim, up to a quarter more (plus one unit)"),
    _AtLeast(("at-least",), "the claim or more"),
    _Under(("under", "less-than", "at-most", "up-to"), "at most the claim"),
):
    for _word in _qualifier.words:
        QUALIFIERS[_word] = _qualifier
DEFAULT_QUALIFIER = "about"

RELATIONS = {
    "before": "the first began before the second began",
    "after": "the first began after the second began",
    "after-end": 'the first began after the second had ended ("following", "by then")',
    "during": "the first happened while the second was going on",
}

_CLAIM = re.compile(
    r"^\s*(?:(?P<qualifier>[a-z.]+(?:-[a-z]+)?)\s+)?(?P<quantity>[0-9]+(?:\.[0-9]+)?[½¼¾⅓⅔]?|"
    r"[½¼¾⅓⅔])\s*(?P<unit>[a-z]+?)s?\s*:\s*(?P<anchors>.+?)\s*$"
)


class ClaimError(ValueError):
    """A duration or sequence claim written so that it cannot be read; the message says why."""


@dataclass(frozen=True)
class DurationClaim:
    qualifier: str
    quantity: float
    unit: str
    anchors: tuple[str, ...]  # one event (its length), or two events or EDTF dates


def parse_duration(text: str) -> DurationClaim:
    """``[qualifier] QUANTITY UNIT: ANCHOR [.. ANCHOR]``, e.g. ``nearly 27 years: a .. b``."""
    match = _CLAIM.match(text)
    if match is None:
        raise ClaimError(
            f"{text!r} is not '[qualifier] quantity unit: anchor [.. anchor]' "
            "(e.g. 'nearly 27 years: founding-of-ussr .. founding-of-prc')"
        )
    qualifier = match["qualifier"] or DEFAULT_QUALIFIER
    if qualifier not in QUALIFIERS:
        raise ClaimError(
            f"unknown qualifier {qualifier!r} (one of {', '.join(sorted(QUALIFIERS))})"
        )
    unit = match["unit"]
    if unit not in DAYS:
        raise ClaimError(f"unknown unit {unit!r} (one of {', '.join(DAYS)})")
    number = match["quantity"]
    fraction = FRACTIONS.get(number[-1], 0.0)
    whole = number[:-1] if fraction else number
    quantity = (float(whole) if whole else 0.0) + fraction
    if quantity <= 0:
        raise ClaimError(f"the quantity in {text!r} must be more than nothing")
    anchors = tuple(a.strip() for a in match["anchors"].split(".."))
    if len(anchors) > 2 or any(not a for a in anchors):
        raise ClaimError(f"{match['anchors']!r}: give one event, or two anchors joined by '..'")
    return DurationClaim(qualifier, quantity, unit, anchors)


@dataclass(frozen=True)
class SequenceClaim:
    first: str
    relation: str
    second: str


def parse_sequence(text: str) -> SequenceClaim:
    """``FIRST RELATION SECOND``, e.g. ``withdrawal-of-soviet-advisers before khrushchev-visit``."""
    words = text.split()
    if len(words) != 3 or words[1] not in RELATIONS:
        raise ClaimError(
            f"{text!r} is not 'event relation event' with a relation among {', '.join(RELATIONS)}"
        )
    return SequenceClaim(words[0], words[1], words[2])


Range = tuple[dt.date | None, dt.date | None]


def interval_between(first: Range, second: Range) -> tuple[float, float]:
    """The least and greatest time, in days, from a moment in *first* to one in *second*.

    Each range runs from the start of its first day to the end of its last, so a single day
    can last anything up to 24 hours.
    """
    (a_lo, a_hi), (b_lo, b_hi) = first, second
    low = max(0.0, (b_lo - a_hi).days - 1.0) if b_lo and a_hi else 0.0
    high = float((b_hi - a_lo).days + 1) if b_hi and a_lo else math.inf
    return low, max(low, high)


def check_duration(claim: DurationClaim, days: tuple[float, float]) -> tuple[bool, str]:
    """Whether the claim can hold for an interval of *days* (least, greatest), and the
    interval said in the claim's unit."""
    unit = DAYS[claim.unit]
    low, high = days[0] / unit, days[1] / unit
    window_low, window_high = QUALIFIERS[claim.qualifier].window(claim.quantity)
    holds = low <= window_high and high >= window_low
    return holds, describe_days(days, claim.unit)


def describe_days(days: tuple[float, float], unit: str) -> str:
    """'26 years 9 months', or a range '1–2 years' when the dates are imprecise."""
    low, high = days
    if unit in {"year", "decade"}:

        def years(value: float) -> str:
            whole_months = round(value / DAYS["month"])
            y, m = divmod(whole_months, 12)
            return f"{y} year{'s' * (y != 1)}" + (f" {m} month{'s' * (m != 1)}" if m else "")

        if math.isinf(high):
            return f"at least {years(low)}"
        return years(low) if abs(high - low) < DAYS["month"] else f"{years(low)} to {years(high)}"
    size = DAYS[unit]
    if math.isinf(high):
        return f"at least {low / size:.3g} {unit}s"
    # The interval is a range whenever its ends are a day or more apart: its lower bound
    # alone ("0.714 weeks" for 5 to 7 days) would read as the whole of it.
    if high - low < 1:
        return f"{low / size:.3g} {unit}s"
    text = f"{low / size:.3g} to {high / size:.3g} {unit}s"
    if unit != "day" and high < 2 * size:
        text += f" ({low:g} to {high:g} days)"
    return text


HOLDS, FAILS, UNDECIDED = "holds", "fails", "undecided"


Moment = dt.datetime | None


def check_sequence(
    relation: str,
    first: tuple[Range, Range],
    second: tuple[Range, Range],
    moments: tuple[tuple[Moment, Moment], tuple[Moment, Moment]] = ((None, None), (None, None)),
) -> str:
    """Whether the order holds (HOLDS), cannot hold (FAILS), or cannot be decided from the
    dates' precision (UNDECIDED: two events of the same day, a month against a day in it),
    given each event's (start range, end range) and, for an event dated to a time of day,
    its (start, end) moments.

    Two moments are compared when both are given and comparable (both with a zone, or both
    without one): their times decide the order, so two events of one day are ordered by
    their times. A moment with a zone and one without cannot be compared, and the days decide.
    """
    (first_start, _), (second_start, second_end) = first, second
    (first_start_at, _), (second_start_at, second_end_at) = moments

    def can_precede(a: Range, b: Range) -> bool:
        return a[0] is None or b[1] is None or a[0] <= b[1]

    def must_precede(a: Range, b: Range) -> bool:
        return a[1] is not None and b[0] is not None and a[1] < b[0]

    def precedes(a: tuple[Range, Moment], b: tuple[Range, Moment]) -> str:
        (a_days, a_at), (b_days, b_at) = a, b
        if a_at is not None and b_at is not None and (a_at.tzinfo is None) == (b_at.tzinfo is None):
            return HOLDS if a_at < b_at else FAILS
        if must_precede(a_days, b_days):
            return HOLDS
        return UNDECIDED if can_precede(a_days, b_days) else FAILS

    def order(*pairs: tuple[tuple[Range, Moment], tuple[Range, Moment]]) -> str:
        outcomes = {precedes(a, b) for a, b in pairs}
        if FAILS in outcomes:
            return FAILS
        return UNDECIDED if UNDECIDED in outcomes else HOLDS

    starts = (first_start, first_start_at)
    others, ends = (second_start, second_start_at), (second_end, second_end_at)
    if relation == "before":
        return order((starts, others))
    if relation == "after":
        return order((others, starts))
    if relation == "after-end":
        return order((ends, starts))
    # during: the first began after the second began, and before it ended
    return order((others, starts), (starts, ends))
