"""Hostile strings in register fields, notes and role targets reach the page as text.

``tests/roots/test-hostile`` puts markup, quotes, ``javascript:`` URLs, very long and
right-to-left text into every field an editor writes.  The pages must show them as text and
never as markup: no element, attribute, script or link of theirs.  (The same pages in a real
browser: tests/browser/test_escaping.py.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, cards_of, edit, sphinx_build

# A script the page runs sets this; the hostile strings all try to.
MARK = "edPwned"

# The names as the editor wrote them, as the schema.org data must give them.
NAMES = {
    "people.html": "<script>window.edPwned = 'name'</script>\"Mao\" <!--<script>",
    "events.html": "</text></svg><script>window.edPwned = 'event'</script>",
    "places.html": "Airport \"<i>quoted</i>\" & <script>window.edPwned = 'place'</script>",
}
# Strings the editor wrote, which the reader must see as such (Sphinx may set the quotes of
# some of them as typographic quotes).
SHOWN = {
    "people.html": [
        "<script>window.edPwned = 'name'</script>\"Mao\"",
        "<img src=x onerror=\"window.edPwned='alt'\">",
        "<b onmouseover=\"window.edPwned='office'\">Chairman</b>",
        '"Mao" onmouseover="window.edPwned=\'summary\'" '
        "x=\"</p><script>window.edPwned='summary2'</script>",
    ],
    "events.html": ["</text></svg><script>window.edPwned = 'event'</script>"],
    "places.html": ["Airport \"<i>quoted</i>\" & <script>window.edPwned = 'place'</script>"],
    "text.html": [
        '"the <b>Premier</b>"',
        "\"</span><script>window.edPwned = 'corr'</script>"
        '<img src=x onerror="window.edPwned=\'img\'">"',
    ],
    "apparatus.html": ['"the <b>Premier</b>"'],
    "timeline.html": ["</text></svg><script>window.edPwned = 'event'</script>"],
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


class Page(HTMLParser):
    """The elements, attributes, scripts and text of a page, as a browser parses them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))
        if tag == "title" or any(name == "title" for name, _ in attrs):
            # Titles and tooltips are shown as text too.
            self.text.extend(value or "" for name, value in attrs if name == "title")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        else:
            self.text.append(data)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    result = sphinx_build("-b", "html", ROOTS / "test-hostile", out)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def parse(hostile: Path, name: str) -> Page:
    page = Page()
    page.feed((hostile / name).read_text(encoding="utf-8"))
    page.close()
    return page


PAGES = sorted({*SHOWN, "index.html", "glossary.html", "genindex.html"})


@pytest.mark.parametrize("name", PAGES)
def test_hostile_strings_make_no_element_or_attribute(hostile: Path, name: str) -> None:
    page = parse(hostile, name)
    assert [tag for tag, _ in page.elements if tag in {"img", "b", "i", "q"}] == []
    handlers = [(tag, key) for tag, attrs in page.elements for key in attrs if key.startswith("on")]
    assert handlers == []
    assert [attrs for _, attrs in page.elements if "autofocus" in attrs] == []
    urls = [
        value
        for _, attrs in page.elements
        for key, value in attrs.items()
        if key in URL_ATTRIBUTES and re.sub(r"\s", "", value or "").lower().startswith("javas")
    ]
    assert urls == []


@pytest.mark.parametrize("name", PAGES)
def test_hostile_strings_make_no_script(hostile: Path, name: str) -> None:
    page = parse(hostile, name)
    for attrs, text in page.scripts:
        if attrs.get("type") in ("application/ld+json", "application/json"):
            continue  # data, checked below
        assert MARK not in text, (attrs, text[:200])


DATA = ("application/ld+json", "application/json")


@pytest.mark.parametrize("name", PAGES)
def test_hostile_strings_stay_inside_the_data_scripts(hostile: Path, name: str) -> None:
    # A script element ends at the first "</script"; and "<!--" followed by "<script" keeps
    # it open past its end tag, so that it swallows the rest of the page (HTML, "restrictions
    # for contents of script elements").  Data in a script must contain neither.
    for attrs, text in parse(hostile, name).scripts:
        if attrs.get("type") in DATA:
            for forbidden in ("<!--", "</script"):
                assert forbidden not in text.lower(), (attrs, forbidden)


@pytest.mark.parametrize("name", sorted(NAMES))
def test_the_schema_org_data_gives_the_names_as_written(hostile: Path, name: str) -> None:
    scripts = parse(hostile, name).scripts
    found = [text for attrs, text in scripts if attrs.get("type") == "application/ld+json"]
    names = []
    for data in found:
        graph = json.loads(data)
        names += [item.get("name") for item in graph.get("@graph", [graph])]
    assert NAMES[name] in names


def straight(text: str) -> str:
    return text.translate(str.maketrans("“”‘’", "\"\"''"))


@pytest.mark.parametrize(("name", "strings"), sorted(SHOWN.items()))
def test_hostile_strings_are_shown_as_text(hostile: Path, name: str, strings: list[str]) -> None:
    text = straight("".join(parse(hostile, name).text))
    for string in strings:
        assert string in text, string


def test_hostile_strings_reach_the_cards_as_data(hostile: Path) -> None:
    # The cards are data (JSON) that cards.js puts into the page as text only;
    # tests/browser/test_escaping.py checks what the reader then sees.
    values = [v for card in cards_of(hostile).values() for v in card.values()]
    for string in (NAMES["people.html"], SHOWN["people.html"][3], NAMES["places.html"]):
        assert any(string in straight(value) for value in values), string
    for name in ("sphinx-edition.js", "cards.js", "cite.js"):
        script = (hostile / "_static" / name).read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in script, (name, sink)


def test_a_hostile_role_target_makes_no_invalid_id(hostile: Path) -> None:
    # An unknown target is reported (a warning) and its text kept; the id made from it must
    # still be a valid HTML id, without spaces.
    ids = [attrs["id"] for _, attrs in parse(hostile, "text.html").elements if attrs.get("id")]
    assert [value for value in ids if re.search(r"\s", value or "")] == []


def test_html_in_a_summary_is_shown_as_text_not_run(
    make_app: Callable[..., SphinxTestApp], copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    edit(
        srcdir / "people.md",
        ":summary: Soviet Premier, 1964–1980.",
        ":summary: Soviet <b>Premier</b> <script>window.edPwned=1</script>.",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    people = (Path(app.outdir) / "people.html").read_text(encoding="utf-8")
    summary = people[people.index('id="person-kosygin"') :]
    summary = summary[summary.index('class="ed-entry-summary"') :].split("</p>")[0]
    assert "<script>" not in summary
    assert "<b>" not in summary
    assert "&lt;script&gt;window.edPwned=1&lt;/script&gt;" in summary
