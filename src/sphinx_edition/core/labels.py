"""How an entry's dates and sort order read (pure): "1904–1980", "11 September 1969"."""

from __future__ import annotations

from sphinx_edition.core import collation, dates
from sphinx_edition.core.records import Entry


def dates_label(record: Entry, words: dates.DateWords = dates.ENGLISH) -> str:
    """The entry's dates as a reader sees them: '1904–1980', '11 September 1969'."""
    if record.kind == "person":
        born, died = record.date("born"), record.date("died")
        if not born and not died:
            return ""
        return f"{_year_of(born) or '?'}–{_year_of(died) or ''}"
    value = record.date("date")
    return display_date(value, words) if value else ""


def display_date(value: str, words: dates.DateWords = dates.ENGLISH) -> str:
    """An EDTF value as a reader reads it; the value itself when it does not parse."""
    try:
        dates.parse(value)
    except dates.DateError:
        return value
    return dates.display(value, words)


def sort_key(record: Entry) -> tuple[str, collation.Key]:
    """Where the entry stands in its register: events by date, then all by ``:sort:`` (the
    name unless given) in the order of the Unicode Collation Algorithm."""
    if record.kind == "event":
        try:
            span = dates.parse(record.date("date"))
            first = span.earliest or span.latest
        except dates.DateError:
            first = None
        return (first.isoformat() if first else "9999", collation.key(record.sort))
    return ("", collation.key(record.sort))


def _year_of(value: str) -> str:
    try:
        span = dates.parse(value)
    except dates.DateError:
        return ""
    day = span.earliest or span.latest
    return "" if day is None else f"{day.year}{'?' if span.uncertain else ''}"
