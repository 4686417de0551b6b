"""EDTF dates as TEI P5 dating attributes (pure: no Sphinx imports).

TEI's ``att.datable`` attributes take W3C (XML Schema) dates: ``when`` for a point known to the
day, month or year; ``from``/``to`` for a period; ``notBefore``/``notAfter`` for a point known
only to lie within bounds.  EDTF says more than that, so the mapping is:

=============================  ==========================================================
EDTF                           TEI
=============================  ==========================================================
``1969-09-11``, ``1969-09``    ``when`` (as written)
``1969-08/1969-10``            ``from``, ``to``; an open end (``..``) or an unknown one
                               (empty) is left out
``1950-23`` (a season),        ``notBefore``/``notAfter``: the first and last day it can
``196X`` (unspecified digits)  mean; in an interval, the outer day of that end
``1953~`` (approximate)        ``notBefore``/``notAfter`` widened as the ``edtf`` package
                               widens approximate dates (as the edition's checks do), and
                               ``precision="low"`` on ``<date>``; in an interval, the
                               widened days as ``from``/``to``
``1959-03?`` (uncertain)       the date as if certain, and ``cert="medium"``
``%`` (both)                   both of the above
=============================  ==========================================================

A date the text gives in the Julian calendar (Old Style) keeps its own value in
``when-custom`` (or ``from-custom``/``to-custom``), with ``calendar`` and ``datingMethod``
pointing at the ``<calendar xml:id="julian">`` of the TEI header, while ``when``/``from``/``to``
give the Gregorian equivalent, computed by :func:`sphinx_edition.core.dates.julian_to_gregorian`.
"""

from __future__ import annotations

import datetime as dt
import re

from sphinx_edition.core import dates

W3C_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
"""The XML Schema forms TEI accepts and EDTF shares: gYear, gYearMonth, date (years 1000+)."""

QUALIFIERS = "~?%"
JULIAN = "julian"


def _plain(value: str) -> str:
    """An EDTF value without its qualifiers (``1953~`` → ``1953``)."""
    return value.strip().rstrip(QUALIFIERS).lstrip(QUALIFIERS)


def _open(end: str) -> bool:
    return end.strip() in {"", ".."}


def _qualified(value: str, marks: str) -> bool:
    return any(mark in value for mark in marks)


def date_attributes(
    value: str, calendar: str = "gregorian", *, precision: bool = True
) -> dict[str, str]:
    """The TEI attributes of ``<date>`` (or of any datable element) for an EDTF *value*.

    *calendar* is the calendar the value is written in (``gregorian`` or ``julian``).
    ``precision`` is an attribute of ``<date>`` only: leave it out (``precision=False``) for
    other datable elements (``<event>``, ``<birth>``, names).  Raises
    :class:`~sphinx_edition.core.dates.DateError` for a value that is not EDTF.
    """
    dates.parse(value)  # rejects what is not EDTF, with the message editors know
    if calendar == JULIAN:
        attributes = _custom(value)
        attributes.update(_gregorian(dates.julian_to_gregorian(value)))
        attributes["calendar"] = f"#{JULIAN}"
        attributes["datingMethod"] = f"#{JULIAN}"
    else:
        attributes = _gregorian(value)
    if not precision:
        attributes.pop("precision", None)
    return attributes


def _custom(value: str) -> dict[str, str]:
    """The value as written in its own calendar, where it has a W3C form."""
    if "/" not in value:
        plain = _plain(value)
        return {"when-custom": plain} if W3C_DATE.fullmatch(plain) else {}
    start, end = value.split("/", 1)
    attributes = {}
    for name, part in (("from-custom", start), ("to-custom", end)):
        plain = _plain(part)
        if not _open(part) and W3C_DATE.fullmatch(plain):
            attributes[name] = plain
    return attributes


def _gregorian(value: str) -> dict[str, str]:
    span = dates.parse(value)
    attributes: dict[str, str] = {}
    if span.interval:
        start, end = value.split("/", 1)
        first = _interval_end(start, span.fuzzy_earliest)
        last = _interval_end(end, span.fuzzy_latest)
        if first:
            attributes["from"] = first
        if last:
            attributes["to"] = last
    else:
        plain = _plain(value)
        approximate = _qualified(value, "~%")
        if (W3C_DATE.fullmatch(plain) or span.moment is not None) and not approximate:
            attributes["when"] = plain  # a date-time is an xs:dateTime, which @when takes
        else:
            # Seasons, unspecified digits and approximate dates: the days it can lie between.
            lower = span.fuzzy_earliest if approximate else span.earliest
            upper = span.fuzzy_latest if approximate else span.latest
            if lower is not None:
                attributes["notBefore"] = lower.isoformat()
            if upper is not None:
                attributes["notAfter"] = upper.isoformat()
    if _qualified(value, "~%"):
        attributes["precision"] = "low"
    if _qualified(value, "?%"):
        attributes["cert"] = "medium"
    return attributes


def _interval_end(part: str, fuzzy: dt.date | None) -> str:
    """``from`` or ``to`` for one end of an interval: as written, or the day it reaches."""
    if _open(part):
        return ""
    plain = _plain(part)
    if W3C_DATE.fullmatch(plain) and not _qualified(part, "~%"):
        return plain
    return fuzzy.isoformat() if fuzzy is not None else ""
