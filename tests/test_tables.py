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
    # Every web page lays out a table with given widths by them alone, in its head's style.
    for page in ("index", "text", "people", "genindex", "search"):
        head = (app.outdir / f"{page}.html").read_text(encoding="utf-8").partition("</head>")[0]
        assert "table:has(>colgroup){table-layout:fixed;" in head, page
