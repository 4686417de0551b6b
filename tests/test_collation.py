"""Registers, indexes and glossaries in the order of the Unicode Collation Algorithm (issue 21)."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import warnings_of
from sphinx_edition.core.collation import initial, key
from sphinx_edition.core.labels import sort_key
from sphinx_edition.core.records import Entry

MakeApp = Callable[..., SphinxTestApp]

PLACES = ["place-lodz", "place-lyon", "place-oslo", "place-osterreich", "place-urumqi"]
PLACES += ["place-zagreb"]
PEOPLE = ["person-dvorak", "person-godel", "person-goldfinger", "person-walesa"]
# Code points would put "Gödel" after "Goldfinger" (ö > o) and "Łódź" after "Zagreb".
PLACE_INDEX = ["#A", "Austria", "#L", "Lodz", "Łódź", "Lyon", "#O", "Oslo", "Österreich"]
PLACE_INDEX += ["#U", "Ürümqi", "#Z", "Zagreb", "#乌", "乌鲁木齐"]
PERSON_INDEX = ["#D", "Dvořák, Antonín", "#G", "Gödel, Kurt", "Goldfinger, Ernő"]
PERSON_INDEX += ["#W", "Wałęsa, Lech"]


def entry(kind: str, ident: str, name: str, sort: str = "", **dates: str) -> Entry:
    return Entry(
        "reg", 1, kind, ident, name, sort or name, (), "", tuple(dates.items()), (), (), None,
        (), (), "",
    )  # fmt: skip


def test_letters_with_diacritics_stand_among_their_base_letters() -> None:
    names = ["Zagreb", "Ürümqi", "Ulm", "Paris", "Österreich", "Oslo", "Lyon", "Lublin", "Łódź"]
    assert sorted(names, key=key) == [
        "Łódź", "Lublin", "Lyon", "Oslo", "Österreich", "Paris", "Ulm", "Ürümqi", "Zagreb",
    ]  # fmt: skip
    # The plain letter first when the letters are otherwise the same (the second level).
    assert key("Lodz") < key("Łódź") < key("Lodza")


def test_case_decides_only_between_otherwise_equal_names() -> None:
    assert sorted(["c", "B", "a", "C", "b", "A"], key=key) == ["a", "A", "b", "B", "c", "C"]
    assert key("apple") < key("Banana") < key("cherry")


def test_the_order_is_total_and_deterministic() -> None:
    # "é" composed and decomposed weigh the same: the case-folded text and then the text
    # itself still tell them apart, so that no two names compare equal.
    names = ["\u00e9t\u00e9", "e\u0301te\u0301", "STRASSE", "Straße", "strasse", "Oslo", "oslo"]
    assert len({key(n) for n in names}) == len(names)
    orders = {tuple(sorted(p, key=key)) for p in itertools.permutations(names[:5])}
    assert len(orders) == 1


@pytest.mark.parametrize(
    ("name", "letter"),
    [
        ("Łódź", "L"),  # no decomposition: Ł has L's primary weight in DUCET
        ("Österreich", "O"),
        ("Ørsted", "O"),
        ("Ürümqi", "U"),
        ("lyon", "L"),
        ("Ёлка", "\u0415"),  # Cyrillic IE: the letter without its diaeresis
        ("Йошкар-Ола", "Й"),  # a letter of its own in DUCET, as in Russian
        ("Þingvellir", "Þ"),
        ("北京", "北"),
        ("한국", "한"),  # not its first jamo
        ("1969 war scare", None),
        ("“Three years”", None),
    ],
)
def test_initial_is_the_base_letter(name: str, letter: str | None) -> None:
    assert initial(name) == letter


def test_register_key_is_date_then_collated_sort_string() -> None:
    people = [
        entry("person", "z", "Zhou Enlai"),
        entry("person", "w", "Lech Wałęsa", sort="Wałęsa, Lech"),
        entry("person", "l", "Stanisław Lem", sort="Lem, Stanisław"),
        entry("person", "g", "Kurt Gödel", sort="Gödel, Kurt"),
    ]
    assert [p.id for p in sorted(people, key=sort_key)] == ["g", "l", "w", "z"]
    events = [
        entry("event", "late", "Anschluss", date="1938-03-12"),
        entry("event", "undated", "Aachen"),
        entry("event", "b", "Östliche Fahrt", date="1920"),
        entry("event", "a", "Ostfahrt", date="1920"),
    ]
    assert [e.id for e in sorted(events, key=sort_key)] == ["a", "b", "late", "undated"]


def test_the_collator_is_not_built_at_import() -> None:
    code = (
        "import sys, sphinx_edition.core.labels\n"
        "print('pyuca' in sys.modules)\n"
        "from sphinx_edition.core import collation\n"
        "collation.key('a')\n"
        "print('pyuca' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]


# -- built ------------------------------------------------------------------------------


def ids(html: str, prefix: str) -> list[str]:
    return re.findall(rf'id="({prefix}-[a-z]+)"', html)


def index_rows(html: str) -> list[str]:
    """A domain index page's letters (as "#L") and entries, in the order shown."""
    table = html[html.index('class="indextable') :]
    rows = re.finditer(
        r'<tr class="cap" id="cap-([^"]+)">|<code class="xref">([^<]+)</code>', table
    )
    return [f"#{m[1]}" if m[1] else m[2] for m in rows]


@pytest.fixture
def html(make_app: MakeApp, copy_root: Callable[[str], Path]) -> SphinxTestApp:
    app = make_app("html", srcdir=copy_root("collation"))
    app.build()
    return app


def read(app: SphinxTestApp, name: str) -> str:
    return (app.outdir / name).read_text(encoding="utf-8")


def test_registers_are_collated(html: SphinxTestApp) -> None:
    assert warnings_of(html) == []
    assert ids(read(html, "places.html"), "place") == PLACES
    # Sorted by :sort: ("Wałęsa, Lech" under W, not by "Lech").
    assert ids(read(html, "people.html"), "person") == PEOPLE


def test_indexes_are_collated_under_base_letters(html: SphinxTestApp) -> None:
    assert index_rows(read(html, "ed-place.html")) == PLACE_INDEX
    assert index_rows(read(html, "ed-person.html")) == PERSON_INDEX


def test_a_sorted_glossary_is_collated(html: SphinxTestApp) -> None:
    terms = re.findall(r'<dt id="term-[^"]*">([^<]+)<', read(html, "glossary.html"))
    # Sphinx alone would put "Ostpolitik" before "Öffnung" and "Łapanka" after "Zloty".
    assert terms == ["apparatchik", "Łapanka", "Öffnung", "Ostpolitik", "Zloty"]


def test_latex_registers_and_indexes_are_collated(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = make_app("latex", srcdir=copy_root("collation"))
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    labels = re.findall(r"\\label\{\\detokenize\{(?:places|people):((?:place|person)-\w+)\}\}", tex)
    assert labels == PLACES + PEOPLE
    indexes = tex[tex.index(r"\begin{sphinxtheindex}") :]
    rows = re.findall(r"\\bigletter\{([^}]+)\}|\\sphinxstyleindexentry\{([^}]+)\}", indexes)
    assert [f"#{letter}" if letter else name for letter, name in rows] == (
        PERSON_INDEX + PLACE_INDEX
    )


def test_a_chinese_register_is_in_ducet_order(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = make_app("html", srcdir=copy_root("collation-zh"))
    app.build()
    assert warnings_of(app) == []
    # DUCET has no entries for Han characters: they get implicit weights computed from the
    # code point (FB40 + cp >> 15, then cp & 0x7FFF | 0x8000), so they sort by code point:
    # 上 U+4E0A < 乌 U+4E4C < 北 U+5317 < 珍 U+73CD.  In the CJK Unified Ideographs block the
    # code points follow radical and stroke count: 上 under radical 1 (一), 乌 under 4 (piě),
    # 北 under 21 (匕), 珍 under 96 (玉).  Pinyin would give 北京, 上海, 乌苏里江, 珍宝岛.
    expected = ["place-shanghai", "place-wusuli", "place-beijing", "place-zhenbao"]
    assert ids(read(app, "places.html"), "place") == expected
    assert index_rows(read(app, "ed-place.html")) == [
        "#上", "上海", "#乌", "乌苏里江", "#北", "北京", "#珍", "珍宝岛",
    ]  # fmt: skip
