"""The timeline of events, drawn as an inline SVG that needs no JavaScript.

One row per event, in chronological order: its label (date and name, a link to its entry) and,
beneath it, a time axis with a point for a dated day or a bar for an interval.  Approximate or
uncertain dates are drawn hollow and dashed; open ends fade out to the edge.  The drawing is
360 units wide, so at phone width its text is full size; wider screens scale it up to a limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import NamedTuple

from sphinx_edition.core import dates

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


def _label_lines(mark: Mark) -> list[str]:
    """The label, wrapped to lines that fit the drawing's width."""
    words = f"{dates.display(mark.value)} · {mark.name}".split()
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= LABEL_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _row_height(mark: Mark) -> int:
    return LINE * len(_label_lines(mark)) + BAR + 8


def draw(marks: Sequence[Mark], title: str = "Timeline of events") -> str:
    """The SVG markup of a timeline of *marks* (which must have at least one known bound)."""
    placed = [m for m in marks if m.span.earliest or m.span.latest]
    placed.sort(key=lambda m: ((m.span.earliest or m.span.latest or dt.date.min), m.name))
    if not placed:
        return ""
    days = [d for m in placed for d in (m.span.earliest, m.span.latest) if d is not None]
    first = dt.date(min(days).year // 10 * 10, 1, 1)
    last = dt.date(max(days).year // 10 * 10 + 10, 1, 1)
    height = TOP + sum(_row_height(m) for m in placed) + 24
    out = [
        f'<svg class="ed-timeline-svg" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="ed-timeline-title">',
        f'<title id="ed-timeline-title">{escape(title)}</title>',
    ]
    out += _axis(first, last, height)
    y = TOP
    for mark in placed:
        out += _row(mark, y, first, last)
        y += _row_height(mark)
    out.append("</svg>")
    return "\n".join(out)


def _axis(first: dt.date, last: dt.date, height: int) -> list[str]:
    parts = ['<g class="ed-tl-axis" aria-hidden="true">']
    step = 10 if last.year - first.year <= 80 else 20
    for year in range(first.year, last.year + 1, step):
        x = _x(dt.date(year, 1, 1), first, last)
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 12}" x2="{x:.1f}" y2="{height - 18}"/>')
        parts.append(f'<text x="{x:.1f}" y="{TOP - 18}">{year}</text>')
        parts.append(f'<text x="{x:.1f}" y="{height - 4}">{year}</text>')
    parts.append("</g>")
    return parts


def _row(mark: Mark, y: int, first: dt.date, last: dt.date) -> list[str]:
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
    lines = _label_lines(mark)
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
