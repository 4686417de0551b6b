"""The timeline of events, drawn as an inline SVG that needs no JavaScript.

One row per event, in chronological order: its label (date and name, a link to its entry) and,
beneath it, a time axis with a point for a dated day or a bar for an interval.  The axis is
scaled to the span of the events (:func:`scale`): days for a few weeks, months for a year or
two, years for a few decades, decades beyond.  Approximate or
uncertain dates are drawn hollow and dashed; open ends fade out to the edge.  The drawing is
360 units wide, so at phone width its text is full size; wider screens scale it up to a limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import NamedTuple

from babel.dates import format_skeleton

from sphinx_edition.core import collation, dates

WIDTH = 360
MARGIN = 12
LINE = 15  # height of one line of a label
BAR = 16  # height of the band that holds a mark
TOP = 34
LABEL_SIZE = 12
LABEL_CHARS = 44  # a label wraps after this many characters, to stay inside the drawing


class Mark(NamedTuple):
    """An event to draw: where it links, its label, and its span."""

    href: str
    name: str
    value: str
    span: dates.Span


def _x(day: dt.date, first: dt.date, last: dt.date) -> float:
    total = (last - first).days or 1
    return MARGIN + (WIDTH - 2 * MARGIN) * (day - first).days / total


class Scale(NamedTuple):
    """The axis: its first and last day, the unit it is marked in, and its ticks."""

    first: dt.date
    last: dt.date
    unit: str  # "day", "month", "year" or "decade"
    ticks: tuple[tuple[dt.date, str], ...]


MAX_TICKS = 8  # labels of about 40 units each across 360
# The English edition's abbreviations; other languages have CLDR's, through Babel.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day_label(day: dt.date, locale: str | None) -> str:
    """A tick of the day axis: "16 Oct"."""
    if locale is None:
        return f"{day.day} {_MONTHS[day.month - 1]}"
    return format_skeleton("MMMd", day, locale=locale)


def _month_label(day: dt.date, with_year: bool, locale: str | None) -> str:
    """A tick of the month axis: "Oct", or "Oct 1962" for the first and each January."""
    if locale is None:
        month = _MONTHS[day.month - 1]
        return f"{month} {day.year}" if with_year else month
    return format_skeleton("yMMM" if with_year else "MMM", day, locale=locale)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def scale(earliest: dt.date, latest: dt.date, locale: str | None = None) -> Scale:
    """The axis for events from *earliest* to *latest*, in the unit that suits their span;
    months are named in the CLDR *locale* (None: the English edition's abbreviations)."""
    span = (latest - earliest).days
    if span <= 90:
        step = next(s for s in (1, 2, 7, 14, 28) if (span + 1) / s <= MAX_TICKS)
        first, last = earliest, latest + dt.timedelta(days=1)
        count = (last - first).days // step
        days = [first + dt.timedelta(days=i * step) for i in range(count + 1)]
        ticks = tuple((d, _day_label(d, locale)) for d in days)
        return Scale(first, last, "day", ticks)
    if span <= 3 * 366:
        first = dt.date(earliest.year, earliest.month, 1)
        last = _add_months(dt.date(latest.year, latest.month, 1), 1)
        months = (last.year - first.year) * 12 + last.month - first.month
        # Fewer marks than the other units: the first label also names the year ("Mar 1969").
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= MAX_TICKS - 2)
        marks = [_add_months(first, i) for i in range(0, months + 1, step)]
        return Scale(
            first,
            last,
            "month",
            tuple(
                (d, _month_label(d, d.month == 1 or i == 0, locale)) for i, d in enumerate(marks)
            ),
        )
    years = latest.year - earliest.year + 1
    if years <= 40:
        step = next(s for s in (1, 2, 5, 10) if years / s <= MAX_TICKS)
        first = dt.date(earliest.year // step * step, 1, 1)
        last = dt.date((latest.year // step + 1) * step, 1, 1)
        unit = "year"
    else:
        first = dt.date(earliest.year // 10 * 10, 1, 1)
        last = dt.date(latest.year // 10 * 10 + 10, 1, 1)
        step = next(
            s for s in (10, 20, 50, 100, 200, 500) if (last.year - first.year) / s <= MAX_TICKS
        )
        unit = "decade"
    ticks = tuple(
        (dt.date(year, 1, 1), str(year)) for year in range(first.year, last.year + 1, step)
    )
    return Scale(first, last, unit, ticks)


def _label_lines(mark: Mark, words: dates.DateWords) -> list[str]:
    """The label, wrapped to lines that fit the drawing's width."""
    lines: list[str] = []
    for word in f"{dates.display(mark.value, words)} · {mark.name}".split():
        if lines and len(lines[-1]) + 1 + len(word) <= LABEL_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _row_height(mark: Mark, words: dates.DateWords) -> int:
    return LINE * len(_label_lines(mark, words)) + BAR + 8


def draw(
    marks: Sequence[Mark],
    title: str = "Timeline of events",
    words: dates.DateWords = dates.ENGLISH,
    locale: str | None = None,
) -> str:
    """The SVG markup of a timeline of *marks* (which must have at least one known bound),
    its dates in *words* and its axis's months in the CLDR *locale* (see :func:`scale`)."""
    placed = [m for m in marks if m.span.earliest or m.span.latest]
    placed.sort(
        key=lambda m: (m.span.earliest or m.span.latest or dt.date.min, collation.key(m.name))
    )
    if not placed:
        return ""
    days = [d for m in placed for d in (m.span.earliest, m.span.latest) if d is not None]
    axis = scale(min(days), max(days), locale)
    first, last = axis.first, axis.last
    height = TOP + sum(_row_height(m, words) for m in placed) + 24
    out = [
        f'<svg class="ed-timeline-svg" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="ed-timeline-title">',
        f'<title id="ed-timeline-title">{escape(title)}</title>',
    ]
    out += _axis(axis, height)
    y = TOP
    for mark in placed:
        out += _row(mark, y, first, last, words)
        y += _row_height(mark, words)
    out.append("</svg>")
    return "\n".join(out)


def _axis(axis: Scale, height: int) -> list[str]:
    parts = [f'<g class="ed-tl-axis ed-tl-{axis.unit}s" aria-hidden="true">']
    last = len(axis.ticks) - 1
    for index, (day, label) in enumerate(axis.ticks):
        x = _x(day, axis.first, axis.last)
        # The outer labels stand inside the drawing ("Mar 1969" at the left edge is not cut).
        anchor = ' style="text-anchor:start"' if index == 0 else ""
        anchor = ' style="text-anchor:end"' if index == last and index else anchor
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 12}" x2="{x:.1f}" y2="{height - 18}"/>')
        parts.append(f'<text x="{x:.1f}" y="{TOP - 18}"{anchor}>{escape(label)}</text>')
        parts.append(f'<text x="{x:.1f}" y="{height - 4}"{anchor}>{escape(label)}</text>')
    parts.append("</g>")
    return parts


def _row(mark: Mark, y: int, first: dt.date, last: dt.date, words: dates.DateWords) -> list[str]:
    span = mark.span
    fuzzy = span.approximate or span.uncertain
    classes = ["ed-tl-mark"]
    if span.approximate:
        classes.append("ed-tl-approximate")
    if span.uncertain:
        classes.append("ed-tl-uncertain")
    start = span.earliest or first
    end = span.latest or last
    x1, x2 = _x(start, first, last), _x(end, first, last)
    lines = _label_lines(mark, words)
    spans = "".join(
        f'<tspan x="{MARGIN}" dy="{LINE if i else 0}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    parts = [
        f'<a href="{escape(mark.href)}" class="{" ".join(classes)}">',
        f"<title>{escape(' '.join(lines))}</title>",
        f'<text class="ed-tl-label" x="{MARGIN}" y="{y + LABEL_SIZE}" '
        f'font-size="{LABEL_SIZE}">{spans}</text>',
    ]
    y += LINE * (len(lines) - 1)
    parts.append(
        f'<line class="ed-tl-track" x1="{MARGIN}" y1="{y + 22}" x2="{WIDTH - MARGIN}" '
        f'y2="{y + 22}" aria-hidden="true"/>'
    )
    dash = ' stroke-dasharray="3 2"' if fuzzy else ""
    if x2 - x1 < 4:
        parts.append(
            f'<circle class="ed-tl-point" cx="{(x1 + x2) / 2:.1f}" cy="{y + 22}" r="4"{dash}/>'
        )
    else:
        parts.append(
            f'<rect class="ed-tl-bar" x="{x1:.1f}" y="{y + 18}" width="{x2 - x1:.1f}" '
            f'height="8" rx="3"{dash}/>'
        )
        if span.earliest is None:
            parts.append(f'<text class="ed-tl-open" x="{x1:.1f}" y="{y + 34}">…</text>')
        if span.latest is None:
            parts.append(f'<text class="ed-tl-open" x="{x2 - 8:.1f}" y="{y + 34}">…</text>')
    parts.append("</a>")
    return parts
