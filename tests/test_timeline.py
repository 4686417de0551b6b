"""The timeline's axis is scaled to the span of the edition's events."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import edit, warnings_of
from sphinx_edition.render.timeline_svg import MAX_TICKS, scale

MakeApp = Callable[..., SphinxTestApp]


@pytest.mark.parametrize(
    ("earliest", "latest", "unit", "first_label"),
    [
        (dt.date(1962, 10, 16), dt.date(1962, 10, 28), "day", "16 Oct"),
        (dt.date(1962, 5, 1), dt.date(1962, 11, 20), "month", "May 1962"),
        (dt.date(1945, 8, 15), dt.date(1969, 10, 20), "year", "1945"),
        (dt.date(1917, 11, 7), dt.date(1978, 1, 1), "decade", "1910"),
    ],
)
def test_the_unit_follows_the_span(
    earliest: dt.date, latest: dt.date, unit: str, first_label: str
) -> None:
    axis = scale(earliest, latest)
    assert axis.unit == unit
    assert axis.ticks[0][1] == first_label
    assert axis.first <= earliest
    assert latest <= axis.last
    assert 2 <= len(axis.ticks) <= MAX_TICKS + 1
    days = [day for day, _ in axis.ticks]
    assert days == sorted(days)


def axis_labels(app: SphinxTestApp) -> tuple[str, list[str]]:
    html = (Path(app.outdir) / "timeline.html").read_text(encoding="utf-8")
    axis = re.search(r'<g class="ed-tl-axis ed-tl-(\w+)" aria-hidden="true">(.*?)</g>', html, re.S)
    assert axis is not None
    labels = re.findall(
        r'<text x="[^"]+" y="\d+"(?: style="text-anchor:\w+")?>([^<]+)</text>', axis.group(2)
    )
    # The outer labels are anchored inside the drawing, so that none is cut at its edge.
    assert 'style="text-anchor:start"' in axis.group(2)
    return axis.group(1), labels[::2]  # each label stands at the top and at the foot


@pytest.mark.parametrize(
    ("span", "text_date", "unit", "labels"),
    [
        # Six months: the Zhenbao clashes of March 1969 and the airport meeting of September.
        (
            "1969-03-02/1969-03-15",
            "1969-03",
            "months",
            ["Mar 1969", "May", "Jul", "Sep"],
        ),
        # Sixty years: 1911 to 1969.
        ("1911/1920", "1915", "decades", ["1910", "1920", "1930", "1940", "1950", "1960", "1970"]),
    ],
)
def test_an_edition_is_drawn_in_the_unit_of_its_span(
    make_app: MakeApp,
    copy_root: Callable[[str], Path],
    span: str,
    text_date: str,
    unit: str,
    labels: list[str],
) -> None:
    srcdir = copy_root("registers")
    edit(srcdir / "events.md", ":date: 1958/1962~", f":date: {span}")
    edit(srcdir / "text.md", "<1958 @great-leap-forward>", f"<{text_date} @great-leap-forward>")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == []
    assert axis_labels(app) == (unit, labels)
