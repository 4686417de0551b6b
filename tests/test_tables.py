"""A table keeps the column widths an editor gives it, and a web page lays such a table out
by them alone (so that it is not laid out again as its later rows arrive: the browser test
``test_layout_shift.py`` reads the pages as a slow network brings them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import edit, warnings_of

MakeApp = Callable[..., SphinxTestApp]


def stylesheets(app: SphinxTestApp, page: str) -> list[str]:
    """The style sheets *page* loads, by file name."""
    html = (app.outdir / f"{page}.html").read_text(encoding="utf-8")
    return [
        p.rsplit("/", 1)[-1] for p in re.findall(r'<link rel="stylesheet"[^>]*href="([^"?]+)', html)
    ]


TABLES = """# Registers test

:::{table}
:widths: 1 3

| given | widths |
|---|---|
| 1 | 2 |
:::

| automatic | widths |
|---|---|
| 1 | 2 |
"""


def test_a_markdown_table_keeps_the_widths_its_table_directive_gives(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    edit(srcdir / "index.md", "# Registers test\n", TABLES)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build(force_all=True)
    assert warnings_of(app) == []
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    given, automatic = re.findall(r"<table.*?</table>", html, re.DOTALL)
    # MyST marks every Markdown table "colwidths-auto", which made the HTML writer drop the
    # widths the directive gave (MyST-Parser issue #793).
    assert '<col style="width: 25.0%" />' in given
    assert '<col style="width: 75.0%" />' in given
    assert "<colgroup>" not in automatic
    # The page lays out the table by its widths alone (tables.css), and the other not.
    assert given.startswith('<table class="ed-given-widths ')
    assert "ed-given-widths" not in automatic
    rules = (app.outdir / "_static" / "tables.css").read_text(encoding="utf-8")
    assert (
        "table.ed-given-widths,table.domainindex-table,table.ed-downloads{table-layout:fixed;"
        in rules
    )
    # Only pages with a table load the style sheet (and the register indexes, which are one).
    assert "tables.css" in stylesheets(app, "index")
    assert "tables.css" in stylesheets(app, "ed-person")
    assert "tables.css" not in stylesheets(app, "text")
    assert "tables.css" not in stylesheets(app, "people")
