"""Emendations and historical corrections are kept apart in every output; the licence is stated.

The notes root has one of each: a misprint ("failed to be form", typographical: an emendation
of the text) and a wrong date ("In December 1950", chronological: a correction of the history).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import warnings_of

MakeApp = Callable[..., SphinxTestApp]
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def built(make_app: MakeApp, srcdir: Path, builder: str = "html", **conf: object) -> Path:
    app = make_app(builder, srcdir=srcdir, confoverrides=conf)
    app.build()
    assert warnings_of(app) == []
    return Path(app.outdir)


def note_head(page: str, anchor: str) -> str:
    found = re.search(rf'<aside[^>]*id="{anchor}".*?<p class="ed-note-head">(.*?)</p>', page, re.S)
    assert found, anchor
    return re.sub(r"<[^>]+>", "", found.group(1))


def test_notes_and_readings_say_which_act_they_are(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    out = built(make_app, copy_root("notes"))
    text = (out / "text.html").read_text(encoding="utf-8")
    assert (
        note_head(text, "note-typo")
        == "2 typographical emendation failed to be form] read failed to be born"
    )
    assert note_head(text, "note-lushun-date") == (
        "1 chronological historical correction In December 1950] in fact: In May 1955"
    )
    # The corrected reading marks the two apart, and the switch names what it shows.
    assert '<span class="ed-corr ed-corr-emendation">failed to be born</span>' in text
    assert '<span class="ed-corr ed-corr-correction">In May 1955</span>' in text
    assert '</label> <label><input type="radio" name="ed-reading" value="corrected"/> ' in text
    assert "Emended, with historical corrections</label>" in text


def test_the_apparatus_lists_emendations_apart_from_the_commentary(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    out = built(make_app, copy_root("notes"))
    page = (out / "apparatus.html").read_text(encoding="utf-8")
    emendations = page[
        page.index("Emendations of the text (1)") : page.index("Historical corrections")
    ]
    commentary = page[page.index("Historical corrections and commentary (1)") :]
    assert "failed to be form" in emendations
    assert "In December 1950" not in emendations
    assert "In December 1950" in commentary
    assert "failed to be form" not in commentary
    assert "2 notes (1 emendation, 1 historical correction, 0 commentary)" in page


def test_tei_gives_sic_and_corr_only_for_the_emendation(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    out = built(make_app, copy_root("notes"), "tei")
    root = ET.parse(out / "edition.tei.xml").getroot()
    choices = list(root.iter(f"{TEI}choice"))
    assert ["".join(c.find(f"{TEI}sic").itertext()) for c in choices] == ["failed to be form"]
    assert [c.find(f"{TEI}corr").get("resp") for c in choices] == ["#editors"]
    # The wrong date stays as the author wrote it; its note carries the corrected statement.
    lemma = next(s for s in root.iter(f"{TEI}seg") if s.get(XML_ID) == "lemma-lushun-date")
    assert (lemma.get("type"), "".join(lemma.itertext())) == ("lemma", "In December 1950")
    notes = {n.get(XML_ID): n for n in root.iter(f"{TEI}note") if n.get("target")}
    correction = notes["note-lushun-date"]
    assert (correction.get("subtype"), correction.get("resp")) == ("correction", "#editors")
    statement = correction.find(f"{TEI}p/{TEI}seg")
    assert statement is not None
    assert (statement.get("type"), statement.text) == ("corrected-statement", "In May 1955")
    assert notes["note-typo"].get("subtype") == "emendation"
    assert notes["note-typo"].find(f"{TEI}p/{TEI}seg") is None
    responsible = [r for r in root.iter(f"{TEI}respStmt") if r.get(XML_ID) == "editors"]
    assert len(responsible) == 1


def test_the_licence_is_stated_in_pages_data_citations_and_tei(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("notes")
    url = "https://creativecommons.org/licenses/by/4.0/"
    out = built(make_app, srcdir, edition_license="CC-BY-4.0")
    for name in ("index.html", "text.html", "apparatus.html"):
        assert f'<link rel="license" href="{url}" />' in (out / name).read_text(encoding="utf-8")
    text = (out / "text.html").read_text(encoding="utf-8")
    cite = re.search(r'<script type="application/json" id="ed-cite-data">\n(.*?)\n</script>', text)
    assert cite is not None
    assert json.loads(cite.group(1))["license"] == url
    described = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', text, re.S)
    assert any(json.loads(d).get("isPartOf", {}).get("license") == url for d in described)
    notes = json.loads((out / "data" / "notes.json").read_text(encoding="utf-8"))
    assert notes["license"] == url
    assert [n["act"] for n in notes["items"]] == ["correction", "emendation"]
    tei = ET.parse(out / "data" / "edition.tei.xml").getroot()
    [licence] = tei.iter(f"{TEI}licence")
    assert licence.get("target") == url
    assert "Creative Commons Attribution 4.0 International" in (licence.text or "")


def test_no_licence_is_claimed_unless_the_editor_says_so(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    out = built(make_app, copy_root("notes"))
    assert 'rel="license"' not in (out / "text.html").read_text(encoding="utf-8")
    assert json.loads((out / "data" / "notes.json").read_text(encoding="utf-8"))["license"] == ""
