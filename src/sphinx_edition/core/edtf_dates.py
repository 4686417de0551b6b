"""EDTF dates the ``edtf`` package parses (pure): what plain dates cannot say.

:func:`sphinx_edition.core.dates.parse` reads plain dates and intervals of them itself and
comes here for the rest (approximate ``~``, uncertain ``?``, seasons, unspecified digits).
The package builds its grammar when it is imported, a tenth of a second, so it is imported on
the first date that needs it, and the spans it gave are kept by text: an edition keeps them
between builds (:mod:`sphinx_edition.domain.memo`), so that a rebuild whose dates were all
seen before never imports it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from sphinx_edition.core.results import PackageResults
from sphinx_edition.core.spans import EDTF_CHARACTERS, DateError, Span, moment


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


# The spans the edtf package gave, by text; kept between builds by the edition
# (:mod:`sphinx_edition.domain.memo`), so that a rebuild whose dates were all seen before
# never imports the package (its grammar takes a tenth of a second to build).
_EDTF_SPANS = PackageResults("edtf", Span)


def memo() -> tuple[str, dict[str, Span]]:
    """The spans the edtf package has given so far, with its version (the live dictionary)."""
    return _EDTF_SPANS.memo()


def learn(held: object) -> None:
    """Take the spans of a :func:`memo` made earlier (ignored if made with another
    version of the package, or not a memo at all)."""
    _EDTF_SPANS.learn(held)


def parse(text: str, check_end: Callable[[str], object]) -> Span:
    """Parse an EDTF string with the ``edtf`` package, or give the span it gave before."""
    value = text.strip()
    known = _EDTF_SPANS.found.get(value)
    if known is not None:
        return known
    span = _parse_with_edtf(value, check_end)
    _EDTF_SPANS.found[value] = span
    return span


def _parse_with_edtf(value: str, check_end: Callable[[str], object]) -> Span:
    if not value:
        raise DateError("an empty date")
    if not EDTF_CHARACTERS.fullmatch(value):
        raise DateError(
            f"{value!r} is not an EDTF date (e.g. 1969-09-11, 1969-08/1969-10, "
            "1953~, 1959-03?, 1922/..)"
        )
    from edtf import parse_edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

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
                check_end(side)  # says what is wrong with that end
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
