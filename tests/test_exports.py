"""The HTML build's open data and citation metadata: ``data/`` (CSV, JSON and the TEI file),
the downloads page, the meta tags, JSON-LD and the "Cite this paragraph" data, each read back
and checked against the ``ed`` domain's records."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences
from test_tei import TEI, assert_valid

from conftest import DOCS, notes_written
from sphinx_edition.core.records import Note
from sphinx_edition.export.tables import COLUMNS, NOTE_COLUMNS, note_explanation

MakeApp = Callable[..., SphinxTestApp]

FILES = {"people": "person", "events": "event", "places": "place", "organisations": "org"}


def warnings_of(app: SphinxTestApp) -> list[str]:
    text = strip_escape_sequences(app.warning.getvalue()).replace(str(app.srcdir) + "/", "")
    levels = ("WARNING", "ERROR", "CRITICAL")
    return [line for line in text.splitlines() if any(level in line for level in levels)]


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def read_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


class Head(HTMLParser):
    """The meta tags, links and scripts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "meta" and "name" in found:
            self.meta.append((found["name"], found.get("content", "")))
        elif tag == "link":
            self.links.append(found)
        elif tag == "script":
            self._script = found
            self.scripts.append((found, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def head_of(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def json_scripts(head: Head, kind: str, id: str | None = None) -> list[Any]:
    return [
        json.loads(text)
        for attrs, text in head.scripts
        if attrs.get("type") == kind and (id is None or attrs.get("id") == id)
    ]


@dataclass
class Built:
    outdir: Path
    warnings: list[str]
    domain: Any


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The edition in docs/ built as HTML (nitpicky), once for this module."""
    app = SphinxTestApp(
        "html",
        srcdir=DOCS,
        builddir=tmp_path_factory.mktemp("html"),
        confoverrides={"nitpicky": True},
    )
    try:
        app.build()
        return Built(Path(app.outdir), warnings_of(app), app.env.domains["ed"])
    finally:
        app.cleanup()


def build_html(make_app: MakeApp, srcdir: Path, **overrides: Any) -> SphinxTestApp:
    app = make_app("html", srcdir=srcdir, confoverrides=overrides or None)
    app.build()
    return app


# -- the edition's data files --------------------------------------------------------------


def test_edition_builds_its_data_without_warnings(edition: Built) -> None:
    assert edition.warnings == []
    found = sorted(p.name for p in (edition.outdir / "data").iterdir())
    assert found == sorted(
        [f"{name}.{ext}" for name in (*FILES, "notes") for ext in ("csv", "json")]
        + [f"{name}.csv" for name in ("paragraphs", "mentions", "participants")]
        + ["edition.tei.xml", "datapackage.json"]
    )


@pytest.mark.parametrize(("name", "kind"), FILES.items())
def test_register_csv_and_json_hold_every_entry(edition: Built, name: str, kind: str) -> None:
    domain = edition.domain
    expected = {e.id for e in domain.all_entries() if e.kind == kind}
    columns, rows = read_csv(edition.outdir / "data" / f"{name}.csv")
    assert columns == list(COLUMNS[kind])
    assert {row["id"] for row in rows} == expected
    assert len(rows) == len(expected)
    data = read_json(edition.outdir / "data" / f"{name}.json")
    assert data["kind"] == kind
    assert [item["id"] for item in data["items"]] == [row["id"] for row in rows]
    mentions = Counter(m.target for m in domain.mentions)
    for row, item in zip(rows, data["items"], strict=True):
        assert int(row["mentions"]) == mentions[row["id"]] == len(item["mentions"])
        assert row["url"] == item["url"]
        assert row["url"].startswith("https://sphinx-edition.readthedocs.io/en/latest/")
        assert row["url"].endswith(f"#{kind}-{row['id']}")


def test_people_rows_say_what_the_register_says(edition: Built) -> None:
    _, rows = read_csv(edition.outdir / "data" / "people.csv")
    kosygin = next(row for row in rows if row["id"] == "kosygin")
    record = edition.domain.entry("kosygin")
    assert kosygin["name"] == record.name == "Alexei Kosygin"
    assert kosygin["sort"] == "Kosygin, Alexei"
    assert kosygin["born"] == "1904-02-21"
    assert kosygin["died"] == "1980-12-18"
    assert kosygin["offices"].split("; ")[0] == (
        "Chairman of the Council of Ministers of the USSR (Soviet Premier) (1964-10-15/1980-10-23)"
    )
    assert "Алексей Николаевич Косыгин [Russian]" in kosygin["alternative_names"].split("; ")
    assert kosygin["paragraphs"] == "; ".join(
        str(n)
        for n in sorted(
            {m.paragraph for m in edition.domain.mentions if m.target == "kosygin" and m.paragraph}
        )
    )
    people = read_json(edition.outdir / "data" / "people.json")["items"]
    item = next(i for i in people if i["id"] == "kosygin")
    assert item["offices"][0] == {
        "title": "Chairman of the Council of Ministers of the USSR (Soviet Premier)",
        "dates": "1964-10-15/1980-10-23",
    }
    assert item["mentions"][0]["paragraph"] == 1
    assert item["mentions"][0]["text"] == "Alexei Kosygin"


def test_notes_csv_and_json_hold_the_apparatus(edition: Built) -> None:
    notes: list[Note] = edition.domain.notes
    columns, rows = read_csv(edition.outdir / "data" / "notes.csv")
    assert columns == list(NOTE_COLUMNS)
    assert len(rows) == len(notes) == notes_written(DOCS / "text.md")
    assert [int(r["number"]) for r in rows] == sorted(n.number for n in notes)
    by_id = {n.anchor: n for n in notes}
    for row in rows:
        record = by_id[row["id"]]
        assert row["category"] == record.category
        assert row["lemma"] == record.lemma
        assert row["correction"] == record.corr
        assert [key for key in row["sources"].split("; ") if key] == list(record.sources)
        assert row["paragraph"] == str(record.paragraph)
        assert row["explanation"]
        assert not row["explanation"].startswith(str(record.number))
        assert "Sources:" not in row["explanation"]
    meeting = next(r for r in rows if r["id"] == "note-p1-urgent-impromptu-meeting")
    # The explanation as the TEI gives it: citations as printed, not as keys.
    assert (
        "redirected to Beijing via Irkutsk [Maurer and Zhou, 1969, Zong, 2009]."
        in (meeting["explanation"])
    )
    assert "zong2009" not in meeting["explanation"]
    data = read_json(edition.outdir / "data" / "notes.json")
    assert [i["id"] for i in data["items"]] == [r["id"] for r in rows]


def test_edition_tei_download_is_valid_and_complete(edition: Built) -> None:
    path = edition.outdir / "data" / "edition.tei.xml"
    root = ET.parse(path).getroot()
    body = root.find(f"{TEI}text/{TEI}body")
    assert body is not None
    assert len(body.findall(f".//{TEI}p[@n]")) == 13
    assert len(body.findall(f".//{TEI}note")) == len(edition.domain.notes)
    stand_off = root.find(f"{TEI}standOff")
    assert stand_off is not None
    assert len(stand_off.findall(f"{TEI}listPerson/{TEI}person")) == 7
    assert_valid(path)


def test_downloads_page_links_every_file_with_its_count(edition: Built) -> None:
    page = (edition.outdir / "data.html").read_text(encoding="utf-8")
    table = page[page.index('<table class="ed-downloads') : page.index("</table>")]
    links = re.findall(r'<a class="reference external" href="([^"]+)"', table)
    assert len(links) == 15
    for link in links:
        assert (edition.outdir / link).is_file(), link
    assert "The register of people: 7 records" in table
    assert "The register of events: 29 records" in table
    assert f"The apparatus: {notes_written(DOCS / 'text.md')} notes" in table
    assert "The whole edition: 13 paragraphs" in table
    assert "The 13 paragraphs, with their addresses" in table


# -- citation metadata ---------------------------------------------------------------------


def test_every_page_carries_citation_meta_tags(edition: Built) -> None:
    base = "https://sphinx-edition.readthedocs.io/en/latest/"
    title = "The Sino-Soviet Split and the 1969 Border Crisis: An Annotated Critical Edition"
    for page in ("index", "text", "people", "data"):
        head = head_of(edition.outdir / f"{page}.html")
        meta = dict(head.meta)
        assert meta["citation_editor"] == "the sphinx-edition editors"
        assert meta["citation_publication_date"] == "2026"
        assert meta["citation_public_url"] == f"{base}{page}.html"
        cite_as = [link["href"] for link in head.links if link.get("rel") == "cite-as"]
        assert cite_as == [f"{base}{page}.html"]
        tei = [link["href"] for link in head.links if link.get("type") == "application/tei+xml"]
        assert tei == ["data/edition.tei.xml"]
        (described,) = [d for d in json_scripts(head, "application/ld+json") if "isPartOf" in d]
        assert described["@type"] == "WebPage"
        assert described["isPartOf"]["@type"] == "Book"
        assert described["isPartOf"]["name"] == title
        assert described["isPartOf"]["isBasedOn"]["name"] == "Sino-Soviet Border Conflict"
        if page == "index":
            assert meta["citation_title"] == title
            assert "citation_book_title" not in meta
        else:
            assert meta["citation_book_title"] == title
    text = dict(head_of(edition.outdir / "text.html").meta)
    assert text["citation_title"] == "Sino-Soviet Border Conflict"


def test_cite_control_only_on_pages_with_paragraphs(edition: Built) -> None:
    text = head_of(edition.outdir / "text.html")
    (data,) = json_scripts(text, "application/json", "ed-cite-data")
    assert data["page"] == {
        "title": "Sino-Soviet Border Conflict",
        "url": "https://sphinx-edition.readthedocs.io/en/latest/text.html",
    }
    assert data["editors"] == ["the sphinx-edition editors"]
    assert (data["year"], data["version"]) == ("2026", "0.1")
    # The dialog's script is served by the site and loaded when a reader first asks for it.
    sources = [attrs.get("src", "") for attrs, _ in text.scripts]
    assert any(s.startswith("_static/sphinx-edition.js") for s in sources)
    assert not any("cite.js" in s for s in sources)
    assert (edition.outdir / "_static" / "cite.js").is_file()
    # The dialog's words come from the page too, only where there is a dialog.
    (words,) = json_scripts(text, "application/json", "ed-strings")
    assert words["cite"]["copy"] == "Copy"
    people = head_of(edition.outdir / "people.html")
    assert json_scripts(people, "application/json", "ed-cite-data") == []
    assert "cite" not in json_scripts(people, "application/json", "ed-strings")[0]


@pytest.mark.parametrize("name", ["cite.js", "sphinx-edition.js"])
def test_scripts_make_no_request_elsewhere(name: str) -> None:
    # They load their own site's files (the cards, the cite dialog) and nothing else.
    script = (Path(__file__).parents[1] / "src/sphinx_edition/static" / name).read_text(
        encoding="utf-8"
    )
    for call in ("fetch(", "XMLHttpRequest", "import(", "sendBeacon", "http://", "https://"):
        assert call not in script
    for url in re.findall(r"new URL\(([^)]*)\)", script):
        assert url.endswith(", here") or url == '"..", here', url


# -- test roots ----------------------------------------------------------------------------


def test_registers_root_data(make_app: MakeApp, copy_root: Callable[[str], Path]) -> None:
    app = build_html(make_app, copy_root("registers"))
    assert warnings_of(app) == []
    data = app.outdir / "data"
    _, people = read_csv(data / "people.csv")
    assert [row["id"] for row in people] == ["kosygin", "mao", "zhou-enlai"]
    zhou = people[2]
    assert zhou["alternative_names"] == "Chou En-lai [Wade–Giles]; 周恩来 [Chinese]"
    assert zhou["offices"] == "Premier of the PRC (1949-10-01/1976-01-08)"
    # Without edition_url the links are relative to the site's root.
    assert zhou["url"] == "people.html#person-zhou-enlai"
    _, events = read_csv(data / "events.csv")
    assert [row["id"] for row in events] == ["great-leap-forward", "airport-meeting"]
    assert events[0]["participants"] == "mao; ccp"
    assert events[0]["date"] == "1958/1962~"
    _, places = read_csv(data / "places.csv")
    assert (places[0]["latitude"], places[0]["longitude"]) == ("40.08", "116.58")
    places_json = read_json(data / "places.json")["items"]
    assert places_json[0]["coordinates"] == {"latitude": 40.08, "longitude": 116.58}
    _, notes = read_csv(data / "notes.csv")
    assert notes == []
    meta = dict(head_of(app.outdir / "text.html").meta)
    assert "citation_public_url" not in meta  # no address known
    assert meta["citation_book_title"] == app.config.project  # no edition_title


def test_notes_root_data(make_app: MakeApp, copy_root: Callable[[str], Path]) -> None:
    app = build_html(make_app, copy_root("notes"))
    assert warnings_of(app) == []
    _, rows = read_csv(app.outdir / "data" / "notes.csv")
    assert [(r["number"], r["id"], r["category"], r["correction"]) for r in rows] == [
        ("1", "note-lushun-date", "chronological", "In May 1955"),
        ("2", "note-typo", "typographical", "failed to be born"),
    ]
    assert rows[1]["explanation"] == 'Misprint for "born".'
    assert rows[0]["explanation"] == "The base was handed over in May 1955 [Lüthi, 2008]."
    assert rows[0]["sources"] == "luthi2008; westad1998"
    assert rows[0]["url"] == "text.html#note-lushun-date"


def test_note_explanation_without_the_tei() -> None:
    note = Note(
        "text",
        3,
        "note-x",
        4,
        1,
        "factual",
        "the lemma",
        "the reading",
        ("k1", "k2"),
        "4 factual the lemma] the reading Why it is wrong. Sources: k1,k2",
    )
    assert note_explanation(note) == "Why it is wrong."
    assert note_explanation(note._replace(text="Why it is wrong.")) == "Why it is wrong."


def test_bad_edition_config_is_a_config_warning(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = build_html(
        make_app,
        copy_root("registers"),
        edition_url="ftp://example.org/",
        edition_year="26",
        edition_editors=["Kosygin, Alexei", ""],
    )
    found = [w for w in warnings_of(app) if "[edition.config]" in w]
    assert found == [
        "conf.py:0: WARNING: edition_url: 'ftp://example.org/' is not an http(s) address; "
        "using '' [edition.config]",
        "conf.py:0: WARNING: edition_year: '26' is not a year of four digits; using '' "
        "[edition.config]",
        "conf.py:0: WARNING: edition_editors: every editor must be a name (a non-empty str); "
        "using [] [edition.config]",
    ]


def test_a_project_without_edition_markup_gets_no_data(make_app: MakeApp, tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_edition"]\n', encoding="utf-8")
    (tmp_path / "index.md").write_text("# Just a page\n", encoding="utf-8")
    app = build_html(make_app, tmp_path)
    assert warnings_of(app) == []
    assert not (app.outdir / "data").exists()
