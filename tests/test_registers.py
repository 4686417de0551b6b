"""Registers: entries, mentions, dates, back-references, cards, timeline, indices, inventory."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

from conftest import cards_of, edit, sphinx_build, warnings_of
from sphinx_edition.markup.nodes import backref_list, entry_fields
from sphinx_edition.render import backrefs

MakeApp = Callable[..., SphinxTestApp]


def page(app: SphinxTestApp, name: str) -> str:
    return (app.outdir / f"{name}.html").read_text(encoding="utf-8")


@pytest.fixture
def registers(make_app: MakeApp, copy_root: Callable[[str], Path]) -> SphinxTestApp:
    app = make_app("html", srcdir=copy_root("registers"))
    app.build()
    return app


def test_clean_root_builds_without_warnings(registers: SphinxTestApp) -> None:
    assert warnings_of(registers) == []


def test_people_are_sorted_and_show_their_data(registers: SphinxTestApp) -> None:
    people = page(registers, "people")
    order = [people.index(f'id="person-{i}"') for i in ("kosygin", "mao", "zhou-enlai")]
    assert order == sorted(order), "People are listed alphabetically by their sort key"
    assert "Chou En-lai (Wade–Giles)" in people
    assert "Алексей Косыгин (Russian)" in people
    assert "5 March 1898" in people
    assert "Premier of the PRC, 1 October 1949 – 8 January 1976" in people
    assert 'href="https://www.wikidata.org/wiki/Q5816"' in people
    assert "sd-badge" in people  # kind and dates as sphinx-design badges


def test_other_names_are_shown_as_written(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    """Smart quotes leave a name's other forms alone: the apostrophe of a transliteration
    (Wylie writes the 14th Dalai Lama's name "Bstan-'dzin-rgya-mtsho") is not a quote mark.
    The entry's own words are still typeset."""
    srcdir = copy_root("registers")
    edit(
        srcdir / "people.md",
        "Chou En-lai [Wade–Giles]",
        "Chou En-lai [Wade–Giles]; Bstan-'dzin [Wylie]",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    people = page(app, "people")
    assert "Bstan-'dzin (Wylie)" in people
    assert "‘dzin" not in people
    assert "’dzin" not in people
    assert "First Premier of the People’s Republic of China." in people


def test_a_summary_of_plain_words_is_typeset_as_a_parsed_one(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    """A summary without markup is not parsed, but the words come out as parsing gives them:
    with MyST's typographic replacements on, "(c)" is still "©"; with markup, it is parsed."""
    srcdir = copy_root("registers")
    edit(
        srcdir / "people.md",
        ":summary: First Premier of the People's Republic of China.",
        ":summary: First Premier (c) of the People's Republic of China.",
    )
    edit(
        srcdir / "people.md",
        ":summary: Soviet Premier, 1964–1980.",
        ":summary: *Soviet* Premier (c), 1964–1980.",
    )
    app = make_app(
        "html",
        srcdir=srcdir,
        confoverrides={"myst_enable_extensions": ["colon_fence", "replacements"]},
    )
    app.build()
    people = page(app, "people")
    assert "First Premier © of the People’s Republic of China." in people
    assert "<em>Soviet</em> Premier ©, 1964–1980." in people


def test_events_are_chronological(registers: SphinxTestApp) -> None:
    events = page(registers, "events")
    assert events.index('id="event-great-leap-forward"') < events.index(
        'id="event-airport-meeting"'
    )


def test_back_references_link_to_the_exact_place(registers: SphinxTestApp) -> None:
    people = page(registers, "people")
    entry = people[people.index('id="person-kosygin"') :]
    entry = entry[: entry.index('id="person-mao"')]
    assert "Mentioned 1 time in the text:" in entry
    assert 'href="text.html#m-kosygin-1"' in entry
    assert "¶1" in entry
    assert "Premier Kosygin met Zhou Enlai at Beijing Airport." in entry
    # ... and the anchor exists on the text page, inside ¶1.
    text = page(registers, "text")
    assert text.index('id="p1"') < text.index('id="m-kosygin-1"') < text.index('id="p2"')


def test_drawn_back_references_are_the_html_of_their_tree(
    make_app: MakeApp,
    copy_root: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The HTML builders get each list of back-references as one node its visitor draws; the
    pages are byte for byte those of the tree of docutils nodes every other builder renders."""
    srcdir = copy_root("registers")
    # A mention on the register page itself: its back-reference is a link within the page.
    edit(
        srcdir / "people.md",
        ":summary: Chairman of the Chinese Communist Party.\n",
        ":summary: Chairman of the Chinese Communist Party.\n\n"
        "He met {ed:person}`Kosygin <kosygin>` in 1965.\n",
    )
    pages = ("people", "places", "events", "orgs")
    drawn: dict[str, int] = {}

    def count(app: SphinxTestApp, doctree: nodes.document, docname: str) -> None:
        drawn[docname] = len(list(doctree.findall(backref_list)))

    app = make_app("html", srcdir=srcdir)
    app.connect("doctree-resolved", count)
    app.build()
    assert warnings_of(app) == []
    assert all(drawn[name] for name in pages), drawn
    people = page(app, "people")
    assert 'href="#m-kosygin-1" title="people: Kosygin"' in people  # a link within the page
    assert "Not mentioned in the text." in page(app, "orgs") + page(app, "events")
    html = {name: page(app, name) for name in pages}

    monkeypatch.setattr(backrefs, "draws_lists", lambda builder: False)
    tree = make_app("html", srcdir=srcdir, builddir=tmp_path / "tree")
    tree.connect("doctree-resolved", count)
    tree.build()
    assert not any(drawn[name] for name in pages), drawn
    for name in pages:
        assert page(tree, name) == html[name], name


def test_mentions_have_cards_with_the_entry_data(registers: SphinxTestApp) -> None:
    cards = cards_of(registers.outdir)
    # One card for every entry and glossary term of the site, keyed by what links point at.
    text = page(registers, "text")
    targets = set(re.findall(r'href="((?:people|events|places|orgs|glossary)\.html#[^"]+)"', text))
    assert targets, text
    assert targets <= cards.keys()
    assert cards["people.html#person-kosygin"] == {
        "t": "Alexei Kosygin",
        "k": "person",
        "d": "1904–1980",
        "s": "Soviet Premier, 1964–1980.",
        "w": "Register",
    }
    assert cards["glossary.html#term-Premier"]["s"] == "The head of government."
    assert cards["glossary.html#term-Premier"]["k"] == "term"
    # The page carries no card; its script loads them when a reader first points at a link.
    assert "ed-card" not in text
    assert "sphinx-edition.js" in text


def test_dates_show_their_normalised_value(registers: SphinxTestApp) -> None:
    text = page(registers, "text")
    assert (
        '<time class="ed-date" datetime="1969-09-11" id="d-1" title="11 September 1969">'
        "September 11, 1969</time>"
    ) in text


def test_timeline_is_svg_with_linked_marks(registers: SphinxTestApp) -> None:
    timeline = page(registers, "timeline")
    svg = timeline[timeline.index("<svg") : timeline.index("</svg>")]
    assert "<script" not in svg
    assert 'href="events.html#event-airport-meeting"' in svg
    assert "11 September 1969 · Kosygin–Zhou meeting" in svg
    # An approximate end is drawn differently (dashed) from an exact day (a plain point).
    leap = svg[svg.index('href="events.html#event-great-leap-forward"') :]
    assert 'class="ed-tl-mark ed-tl-approximate"' in svg
    assert 'stroke-dasharray="3 2"' in leap.split("</a>")[0]
    assert "<circle" in svg.split('href="events.html#event-airport-meeting"')[1].split("</a>")[0]


def test_register_pages_carry_schema_org_json_ld(registers: SphinxTestApp) -> None:
    people = page(registers, "people")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', people, re.S)
    assert block is not None
    data = json.loads(block.group(1))
    by_name = {item["name"]: item for item in data["@graph"]}
    assert by_name["Zhou Enlai"]["@type"] == "Person"
    assert by_name["Zhou Enlai"]["birthDate"] == "1898-03-05"
    assert "Chou En-lai" in by_name["Zhou Enlai"]["alternateName"]
    assert by_name["Mao Zedong"]["sameAs"] == ["https://www.wikidata.org/wiki/Q5816"]
    places = json.loads(
        re.search(r'ld\+json">(.*?)</script>', page(registers, "places"), re.S).group(1)  # type: ignore[union-attr]
    )
    assert places["@graph"][0]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 40.08,
        "longitude": 116.58,
    }


def test_entries_are_in_the_inventory_for_intersphinx(registers: SphinxTestApp) -> None:
    inventory = InventoryFile.loads((registers.outdir / "objects.inv").read_bytes(), uri="")
    data = inventory.data if hasattr(inventory, "data") else inventory
    kinds = {key: set(value) for key, value in dict(data).items() if key.startswith("ed:")}
    assert kinds == {
        "ed:person": {"kosygin", "mao", "zhou-enlai"},
        "ed:event": {"great-leap-forward", "airport-meeting"},
        "ed:place": {"beijing-airport"},
        "ed:org": {"ccp"},
    }


def test_indices_and_search_know_alternative_names(registers: SphinxTestApp) -> None:
    index = page(registers, "ed-person")
    assert "Chou En-lai" in index
    assert "see Zhou Enlai" in index
    genindex = page(registers, "genindex")
    assert "Kosygin, Alexei (person)" in genindex
    search = (registers.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert '"chou"' in search  # the Wade–Giles spelling is indexed for search


def test_unknown_and_deleted_entries_are_located_warnings(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    edit(srcdir / "text.md", "<zhou-enlai>", "<zhou-enlia>")
    edit(srcdir / "places.md", ":::{ed:place} beijing-airport", ":::{ed:place} beijing-airport2")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == [
        "people.md:5: WARNING: ed:person zhou-enlai is never mentioned in the text "
        "[edition.unused]",
        "places.md:5: WARNING: ed:place beijing-airport2 is never mentioned in the text "
        "[edition.unused]",
        "text.md:4: WARNING: ed:person: unknown entry 'zhou-enlia' (did you mean "
        "'zhou-enlai'?) [edition.xref]",
        "text.md:4: WARNING: ed:place: unknown entry 'beijing-airport' (did you mean "
        "'beijing-airport2'?) [edition.xref]",
    ]


def test_an_entrys_fields_from_its_record_are_made_when_its_page_is_written(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    # An entry whose id is malformed is still shown whole, though nothing can link to it.
    edit(srcdir / "people.md", ":::{ed:person} kosygin", ":::{ed:person} Kosygin!")
    app = make_app("html", srcdir=srcdir)
    app.build()
    read = app.env.get_doctree("people")
    # As read (kept in memory and pickled until written): a place for the dates and other
    # names, no fields or card of sphinx-design yet; the office (the editor's words) and the
    # identifiers (links the checks collect) are made.
    places = [n["part"] for n in read.findall(entry_fields)]
    assert places.count("dates") == 3
    assert places.count("also") == 3
    assert not [n for n in read.findall(nodes.container) if n.get("design_component")]
    fields = sorted(n.astext() for n in read.findall(nodes.field_name))
    assert fields == ["Identifiers", "Offices"]
    people = page(app, "people")
    assert "5 March 1898" in people
    assert people.count('<div class="sd-card sd-sphinx-override sd-mb-3 sd-shadow-sm ed-entry') == 3
    assert "Premier of the PRC, 1 October 1949 – 8 January 1976" in people
    # Smart quotes set the editor's words as they were read ("People’s Republic").
    assert "First Premier of the People’s Republic of China." in people
    kosygin = people[people.index("Alexei Kosygin") :]
    assert "Алексей Косыгин (Russian)" in kosygin
    assert "21 February 1904" in kosygin
    # Every place is filled when the page is written.
    assert not list(app.env.get_and_resolve_doctree("people", app.builder).findall(entry_fields))


def test_malformed_options_are_one_located_warning_each(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    edit(srcdir / "people.md", ":born: 1904-02-21", ":born: 1904-02-30")
    edit(srcdir / "people.md", ":wikidata: Q5816", ":wikidata: 5816")
    edit(srcdir / "places.md", ":coords: 40.08, 116.58", ":coords: 140.08, 116.58")
    edit(srcdir / "events.md", ":date: 1958/1962~", ":date: 1962/1958")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert sorted(warnings_of(app)) == [
        "events.md:7: WARNING: ed:event great-leap-forward: :date: '1962/1958' runs "
        "backwards: it ends before it starts [edition.date]",
        "people.md:21: WARNING: ed:person kosygin: :born: '1904-02-30' is not an EDTF "
        "date (e.g. 1969-09-11, 1969-08/1969-10, 1953~, 1959-03?, 1922/..) [edition.date]",
        "people.md:31: WARNING: ed:person mao: :wikidata: '5816' is not a Wikidata item id "
        "such as Q5816 [edition.authority]",
        "places.md:8: WARNING: ed:place beijing-airport: :coords: latitude 140.08 is out of "
        "range (-90 to 90) [edition.coordinates]",
    ]


def test_duplicate_ids_and_unused_terms_are_warned(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    with (srcdir / "orgs.md").open("a", encoding="utf-8") as orgs:
        orgs.write("\n:::{ed:org} kosygin\n:name: Not a person\n:::\n")
    edit(srcdir / "glossary.md", "Premier\n", "Premier\n  Head.\n\nPolitburo\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == [
        "glossary.md:7: WARNING: glossary term 'Politburo' is never used (link it with "
        "{term}) [edition.unused]",
        # people comes before orgs in the toctree: the person is the definition links use.
        "orgs.md:13: WARNING: ed:org kosygin is defined twice; links go to its first "
        "definition, as ed:person in people, line 17 [edition.duplicate]",
    ]


@pytest.mark.parametrize(
    ("subtype", "old", "new", "path"),
    [
        ("xref", "<kosygin>", "<kosygn>", "text.md"),
        ("date", "<1969-09-11 @", "<1969-13-11 @", "text.md"),
        ("authority", ":wikidata: Q5816", ":wikidata: X1", "people.md"),
        ("coordinates", ":coords: 40.08, 116.58", ":coords: 40.08", "places.md"),
        ("option", ":name: Mao Zedong\n", "", "people.md"),
    ],
)
def test_suppress_warnings_silences_each_subtype(
    make_app: MakeApp,
    copy_root: Callable[[str], Path],
    subtype: str,
    old: str,
    new: str,
    path: str,
) -> None:
    srcdir = copy_root("registers")
    edit(srcdir / path, old, new)
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert any(f"[edition.{subtype}]" in w for w in warnings_of(app))
    quiet = make_app(
        "html",
        srcdir=srcdir,
        confoverrides={"suppress_warnings": [f"edition.{subtype}"]},
        freshenv=True,
    )
    quiet.build(force_all=True)
    assert not any(f"[edition.{subtype}]" in w for w in warnings_of(quiet))


def test_incremental_edit_of_an_entry_updates_every_page_that_shows_it(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    app = make_app("html", srcdir=srcdir)
    app.build()
    orgs_written = (app.outdir / "orgs.html").stat().st_mtime_ns
    text_written = (app.outdir / "text.html").stat().st_mtime_ns
    edit(srcdir / "events.md", ":date: 1969-09-11", ":date: 1969-09-12")
    edit(srcdir / "people.md", ":summary: Soviet Premier, 1964–1980.", ":summary: Premier.")
    app.build()  # incremental: no -E
    assert cards_of(app.outdir)["people.html#person-kosygin"]["s"] == "Premier."
    assert "<em>Premier.</em>" in page(app, "people")
    assert "12 September 1969 · Kosygin–Zhou meeting" in page(app, "timeline")
    # A page that shows neither entry is not written again; nor is the text, whose links to
    # them lead where they did (its cards are in the cards file).
    assert (app.outdir / "orgs.html").stat().st_mtime_ns == orgs_written
    assert (app.outdir / "text.html").stat().st_mtime_ns == text_written


def test_incremental_rename_of_an_entry_rewrites_the_pages_that_link_to_it(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    # A name is what {ed:entry} prints and what its card is titled: the pages that mention
    # the entry are written again, as is its register; a page that does not mention it is not.
    srcdir = copy_root("registers")
    app = make_app("html", srcdir=srcdir)
    app.build()
    written = {p: (app.outdir / p).stat().st_mtime_ns for p in ("text.html", "orgs.html")}
    edit(srcdir / "people.md", ":name: Alexei Kosygin", ":name: Aleksei Kosygin")
    app.build()
    assert (app.outdir / "text.html").stat().st_mtime_ns != written["text.html"]
    assert (app.outdir / "orgs.html").stat().st_mtime_ns == written["orgs.html"]
    assert "Aleksei Kosygin" in page(app, "people")
    assert cards_of(app.outdir)["people.html#person-kosygin"]["t"] == "Aleksei Kosygin"


def test_incremental_deletion_of_a_mentioned_entry_warns_at_its_mentions(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    app = make_app("html", srcdir=srcdir)
    app.build()
    places = srcdir / "places.md"
    text = places.read_text(encoding="utf-8")
    places.write_text(text[: text.index(":::{ed:place}")] + "::::\n", encoding="utf-8")
    app.warning.seek(0)
    app.warning.truncate()
    app.build()
    assert warnings_of(app) == [
        "text.md:4: WARNING: ed:place: unknown entry 'beijing-airport' [edition.xref]"
    ]


def test_parallel_build_of_registers_equals_serial(tmp_path: Path) -> None:
    import shutil

    from conftest import ROOTS

    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-registers", srcdir)
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        result = sphinx_build("-b", "html", "-j", jobs, "-d", out / "d", srcdir, out / "html")
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr
        outputs[jobs] = {p.name: p.read_bytes() for p in (out / "html").glob("*.html")}
    assert outputs["1"] == outputs["2"]


def test_markup_in_a_summary_is_rendered_in_the_register_and_plain_in_cards_and_data(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    edit(
        srcdir / "people.md",
        ":summary: Soviet Premier, 1964–1980.",
        ":summary: Soviet *Premier*, who met {ed:person}`Zhou <zhou-enlai>` in 1969.",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == []
    people = page(app, "people")
    summary = people[people.index('id="person-kosygin"') :]
    summary = summary[summary.index('class="ed-entry-summary"') :].split("</p>")[0]
    assert "<em>Premier</em>" in summary
    assert 'href="#person-zhou-enlai"' in summary
    assert "{ed:person}" not in summary
    plain = "Soviet Premier, who met Zhou in 1969."
    assert cards_of(app.outdir)["people.html#person-kosygin"]["s"] == plain
    data = json.loads((app.outdir / "data" / "people.json").read_text(encoding="utf-8"))
    assert next(i for i in data["items"] if i["id"] == "kosygin")["summary"] == plain


def test_an_event_names_its_places_in_register_card_data_and_tei(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    edit(
        srcdir / "events.md", ":date: 1969-09-11\n", ":date: 1969-09-11\n:places: beijing-airport\n"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == []
    events = page(app, "events")
    entry = events[events.index('id="event-airport-meeting"') :].split("ed-backrefs")[0]
    assert "Places" in entry
    assert 'href="places.html#place-beijing-airport"' in entry
    card = cards_of(app.outdir)["events.html#event-airport-meeting"]
    assert card["d"] == "11 September 1969 · Beijing Capital Airport"
    data = json.loads((app.outdir / "data" / "events.json").read_text(encoding="utf-8"))
    assert next(i for i in data["items"] if i["id"] == "airport-meeting")["places"] == [
        "beijing-airport"
    ]
    tei = (app.outdir / "data" / "edition.tei.xml").read_text(encoding="utf-8")
    assert (
        '<event xml:id="event-airport-meeting" when="1969-09-11" where="#place-beijing-airport">'
        in tei
    )


def test_a_place_of_an_event_must_be_a_place(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    edit(srcdir / "events.md", ":date: 1969-09-11\n", ":date: 1969-09-11\n:places: kosygin\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == [
        "events.md:13: WARNING: ed:place: 'kosygin' is an ed:person, not an ed:place [edition.xref]"
    ]
