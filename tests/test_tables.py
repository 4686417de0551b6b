"""A table keeps the column widths an editor gives it, and a web page lays such a table out
by them alone (so that it is not laid out again as its later rows arrive: the browser test
``test_layout_shift.py`` reads the pages as a slow network brings them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import assets, edit, warnings_of

MakeApp = Callable[..., SphinxTestApp]


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
    # Only pages with a table load the style sheet (and the register indexes, which are one).
    assert "tables.css" in assets(app, "index")
    assert "tables.css" in assets(app, "ed-person")
    assert "tables.css" not in assets(app, "text")
    assert "tables.css" not in assets(app, "people")


def test_an_e_book_keeps_its_tables_as_they_were(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    # Its reader does not draw a page as it arrives, and may not scroll a wide table sideways:
    # the table keeps its widths, but not the web pages' fixed layout and minimum width.
    srcdir = copy_root("registers")
    edit(srcdir / "index.md", "# Registers test\n", TABLES)
    app = make_app(
        "epub", srcdir=srcdir, freshenv=True, confoverrides={"copyright": "2026", "version": "1"}
    )
    app.build(force_all=True)
    assert warnings_of(app) == []
    html = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert '<col style="width: 25.0%" />' in html
    pages = sorted(app.outdir.glob("*.xhtml"))
    assert len(pages) > 3
    for page in pages:
        assert "tables.css" not in page.read_text(encoding="utf-8"), page.name
