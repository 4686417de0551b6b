"""Editor-defined note categories: declared in conf.py, followed by badges, apparatus and TEI."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import edit, warnings_of
from sphinx_edition.core.vocabulary import (
    CATEGORIES,
    COMMENTARY,
    declared_categories,
    default_categories,
)

MakeApp = Callable[..., SphinxTestApp]
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

OWN = """
edition_note_categories = {
    "typographical": {"meaning": "A misprint.", "act": "emendation", "sources": False},
    "attribution": {
        "meaning": "Who wrote the words the text reports.",
        "act": "commentary",
        "colour": "success",
        "label": "who said it",
        "tei": "attribution",
    },
}
"""


def test_the_default_set_is_the_ten_and_round_trips() -> None:
    categories, problems = declared_categories(None)
    assert (tuple(categories), problems) == (CATEGORIES, [])
    again, problems = declared_categories(default_categories())
    assert (again, problems) == (categories, [])


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({}, "must be a non-empty dict of category name to its declaration"),
        ({"Bad Name": {"meaning": "x"}}, "category 'Bad Name': a name is lower-case letters"),
        ({"x": "meaning"}, "category 'x': must be a dict"),
        ({"x": {"meaning": "m", "colur": "info"}}, "category 'x': unknown field 'colur'"),
        ({"x": {"act": "commentary"}}, "category 'x': 'meaning' must say what"),
        ({"x": {"meaning": "m", "act": "fix"}}, "category 'x': 'act' must be one of"),
        ({"x": {"meaning": "m", "sources": "yes"}}, "category 'x': 'sources' must be True"),
        ({"x": {"meaning": "m", "colour": "pink"}}, "category 'x': 'colour' must be one of"),
    ],
)
def test_a_malformed_declaration_says_what_is_wrong(value: object, problem: str) -> None:
    _, problems = declared_categories(value)
    assert problems, value
    assert problems[0].startswith(problem), problems


def test_declared_categories_drive_badges_apparatus_and_tei(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("notes")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(OWN)
    edit(srcdir / "text.md", ":category: chronological", ":category: attribution")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == []
    text = (Path(app.outdir) / "text.html").read_text(encoding="utf-8")
    assert '<span class="ed-cat ed-colour-success">who said it</span>' in text
    apparatus = (Path(app.outdir) / "apparatus.html").read_text(encoding="utf-8")
    assert "2 notes (1 emendation, 0 historical corrections, 1 commentary)" in apparatus
    assert "sd-bg-success" in apparatus
    assert ">who said it</span> 1" in apparatus

    tei = make_app("tei", srcdir=srcdir)
    tei.build()
    root = ET.parse(Path(tei.outdir) / "edition.tei.xml").getroot()
    taxonomy = [c.get(XML_ID) for c in root.iter(f"{TEI}category")]
    assert taxonomy == ["category-typographical", "category-attribution"]
    note = next(n for n in root.iter(f"{TEI}note") if n.get(XML_ID) == "note-lushun-date")
    assert (note.get("type"), note.get("ana")) == ("attribution", "#category-attribution")
    # A commentary note's reading is another form to compare, not a corrected statement.
    assert note.get("subtype") == COMMENTARY


def test_an_undeclared_category_and_a_bad_declaration_are_located_warnings(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("notes")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(OWN.replace('"colour": "success"', '"colour": "pink"'))
    app = make_app("html", srcdir=srcdir)
    app.build()
    lines = len((srcdir / "conf.py").read_text(encoding="utf-8").splitlines())
    first = lines - OWN.count("\n") + 2  # the line that sets edition_note_categories
    assert warnings_of(app) == [
        f"conf.py:{first}: WARNING: edition_note_categories: category "
        "'attribution': 'colour' must be one of primary, secondary, success, info, warning, "
        "danger, light, muted, dark, not 'pink' [edition.config]",
        "text.md:16: WARNING: ed:note: unknown category 'chronological' (one of "
        "typographical) [edition.note]",
    ]
