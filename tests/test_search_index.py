"""The HTML search index finds every register entry under every one of its names, after a clean
build and after an incremental one that does not write the register pages again (Sphinx alone
loses them then: sphinx-doc/sphinx#12599)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

MakeApp = Callable[..., SphinxTestApp]

# Names (each an index entry of the entry's anchor) that the registers of test-registers give.
NAMES = {
    "zhou enlai (person)": "person-zhou-enlai",
    "chou en-lai": "person-zhou-enlai",
    "周恩来": "person-zhou-enlai",
    "алексей косыгин": "person-kosygin",
    "mao tse-tung": "person-mao",
    "peking airport": "place-beijing-airport",
}


def index_entries(outdir: Path) -> dict[str, list[list[object]]]:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    found: dict[str, list[list[object]]] = data["indexentries"]
    return found


def anchors(entries: dict[str, list[list[object]]], name: str) -> set[object]:
    return {target for _, target, _ in entries.get(name, [])}


def test_clean_and_incremental_builds_index_every_name(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    app = make_app("html", srcdir=srcdir)
    app.build()
    clean = index_entries(app.outdir)
    for name, anchor in NAMES.items():
        assert anchor in anchors(clean, name), name
    people_written = (app.outdir / "people.html").stat().st_mtime_ns

    text = srcdir / "text.md"
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    # A new run, as sphinx-build or sphinx-autobuild starts it: the saved environment is read.
    again = make_app("html", srcdir=srcdir)
    again.build()  # incremental: only the text page is read and written
    assert (again.outdir / "people.html").stat().st_mtime_ns == people_written
    assert index_entries(again.outdir) == clean

    make_app("html", srcdir=srcdir).build()  # nothing changed at all
    assert index_entries(again.outdir) == clean


def test_a_removed_alternative_name_leaves_the_index(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    app = make_app("html", srcdir=srcdir)
    app.build()
    people = srcdir / "people.md"
    source = people.read_text(encoding="utf-8")
    people.write_text(source.replace("; 周恩来 [Chinese]", ""), encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    entries = index_entries(app.outdir)
    assert "周恩来" not in entries
    assert "person-zhou-enlai" in anchors(entries, "chou en-lai")
