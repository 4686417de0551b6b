"""The critical apparatus: notes on lemmas, the two readings, the apparatus table, footnotes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import cards_of, edit, warnings_of

MakeApp = Callable[..., SphinxTestApp]


def build(make_app: MakeApp, srcdir: Path, builder: str = "html") -> SphinxTestApp:
    app = make_app(builder, srcdir=srcdir)
    app.build()
    return app


def without_footnotes(tex: str) -> str:
    """LaTeX source with every ``\\footnote{...}`` taken out (braces balanced)."""
    out, position = [], 0
    while (start := tex.find(r"\footnote{", position)) >= 0:
        out.append(tex[position:start])
        depth, index = 0, start + len(r"\footnote")
        while True:
            char = tex[index]
            if char == "\\":
                index += 2
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            index += 1
            if depth == 0:
                break
        position = index
    out.append(tex[position:])
    return "".join(out)


@pytest.fixture
def notes(make_app: MakeApp, copy_root: Callable[[str], Path]) -> SphinxTestApp:
    return build(make_app, copy_root("notes"))


def test_notes_build_cleanly_and_keep_the_transcription(notes: SphinxTestApp) -> None:
    # The witness check runs on every build: notes, markers and corrections add nothing to it.
    assert warnings_of(notes) == []


def test_lemma_is_marked_and_numbered_in_reading_order(notes: SphinxTestApp) -> None:
    html = (notes.outdir / "text.html").read_text(encoding="utf-8")
    paragraph = html[html.index('id="p1"') : html.index('id="p2"')]
    text = paragraph[: paragraph.index("<aside")]
    # The note on "In December 1950" is written second but stands first in the text.
    assert (
        '<span class="ed-lemma ed-has-corr"><span class="ed-sic">'
        'In December 1950</span><span class="ed-corr ed-corr-correction">In May 1955</span></span>'
        '<a class="ed-note-ref" href="#note-lushun-date" id="ref-note-lushun-date" '
        'role="doc-noteref" aria-label="Note 1">1</a>'
    ) in text
    assert 'aria-label="Note 2">2</a>' in text
    # The notes stand beside their paragraph, in the order of their markers.
    asides = re.findall(r'<aside class="ed-note[^"]*" id="([^"]+)" role="note">', paragraph)
    assert asides == ["note-lushun-date", "note-typo"]
    numbers = re.findall(r'<p class="ed-note-head"><a [^>]*>(\d)</a>', paragraph)
    assert numbers == ["1", "2"]


def test_note_shows_category_reading_explanation_and_sources(notes: SphinxTestApp) -> None:
    html = (notes.outdir / "text.html").read_text(encoding="utf-8")
    note = html[html.index('id="note-lushun-date"') :]
    note = note[: note.index("</aside>")]
    assert '<aside class="ed-note ed-act-correction" id="note-lushun-date"' in html
    # coloured by its category's colour
    assert '<span class="ed-cat ed-colour-warning">chronological</span>' in note
    assert "<em>In December 1950</em>] " in note
    assert "<strong>In May 1955</strong>" in note
    assert "The base was handed over in May 1955" in note
    assert ">Lüthi, 2008</a>" in note  # a real citation, resolved by sphinxcontrib-bibtex
    # Of its sources, the note names after its explanation only the one the explanation does
    # not cite; the apparatus lists both.
    also = re.findall(r'<p class="ed-note-sources">(.*?)</p>', note)
    assert len(also) == 1
    assert also[0].startswith("Also: ")
    assert ">Westad, 1998</a>" in also[0]
    assert "Lüthi" not in also[0]
    apparatus = (notes.outdir / "apparatus.html").read_text(encoding="utf-8")
    assert "Lüthi 2008" in apparatus
    assert "Westad 1998" in apparatus
    assert 'href="apparatus.html#a-note-lushun-date"' in note  # and back to the apparatus


def test_reading_switch_is_there_but_hidden_without_javascript(notes: SphinxTestApp) -> None:
    html = (notes.outdir / "text.html").read_text(encoding="utf-8")
    assert '<fieldset class="ed-reading" hidden="hidden">' in html
    assert 'value="corrected"' in html
    # The people page has no corrections and so no switch.
    people = (notes.outdir / "people.html").read_text(encoding="utf-8")
    assert '<fieldset class="ed-reading"' not in people


def test_apparatus_lists_every_note_with_counts_and_links(notes: SphinxTestApp) -> None:
    html = (notes.outdir / "apparatus.html").read_text(encoding="utf-8")
    assert "2 notes (1 emendation, 1 historical correction, 0 commentary): " in html
    # The emendation is listed apart; the correction is a row of the commentary's table.
    rows = re.findall(r'<tr[^>]*id="a-(note-[^"]+)"', html)
    assert rows == ["note-lushun-date"]
    assert re.findall(r'<p id="a-(note-[^"]+)">', html) == ["note-typo"]
    assert 'href="text.html#note-lushun-date"' in html
    assert "Lüthi 2008" in html
    assert ">In May 1955<" in html


def test_pdf_source_puts_notes_in_footnotes_and_prints_the_text_as_printed(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = build(make_app, copy_root("notes"), "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\textcolor[RGB]{0,70,140}{\DUrole{ed-sic}{In December 1950}}\footnote{" in tex
    body = tex[tex.index(r"\footnote{") :]
    assert body.index("The base was handed over in May 1955") < body.index("returned Port")
    # The corrected reading stands only in the note, never in the running text.
    text = tex[tex.index(r"\label{\detokenize{text::doc}}") :]
    text = text[: text.index(r"\label{\detokenize{apparatus::doc}}")]
    running = without_footnotes(text)
    assert "In May 1955" not in running
    assert "failed to be born" not in running


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            (":category: chronological\n", ""),
            "text.md:14: WARNING: ed:note: no :category: (one of typographical, factual, "
            "chronological, numerical, terminological, contested, cross-reference, structure, "
            "calendar, romanisation) [edition.note]",
        ),
        (
            (":category: chronological", ":category: chronologic"),
            "text.md:16: WARNING: ed:note: unknown category 'chronologic' (one of typographical, "
            "factual, chronological, numerical, terminological, contested, cross-reference, "
            "structure, calendar, romanisation) [edition.note]",
        ),
        (
            (":sources: luthi2008, westad1998\n", ""),
            "text.md:14: WARNING: ed:note: no :sources: (a chronological note must name its "
            "sources) [edition.note]",
        ),
        (
            (":lemma: In December 1950", ":lemma: In Decmber 1950"),
            "text.md:15: WARNING: ed:note: the lemma 'In Decmber 1950' does not occur in ¶1 "
            "[edition.note]",
        ),
        (
            (":lemma: In December 1950", ":lemma: failed to be form"),
            "text.md:15: WARNING: ed:note: another note already annotates 'failed to be form' "
            "in ¶1 [edition.note]",
        ),
        (
            (":lemma: In December 1950", ":lemma: 1950, Kos"),
            "text.md:15: WARNING: ed:note: the lemma '1950, Kos' crosses the edge of a mention "
            "or another lemma: choose words that contain whole mentions [edition.note]",
        ),
        (
            (":sources: luthi2008", ":sources: luthi2009"),
            "text.md:18: WARNING: ed:note: unknown bibliography key 'luthi2009' [edition.citation]",
        ),
    ],
)
def test_apparatus_problems_are_located_warnings(
    make_app: MakeApp,
    copy_root: Callable[[str], Path],
    change: tuple[str, str],
    expected: str,
) -> None:
    srcdir = copy_root("notes")
    edit(srcdir / "text.md", *change)
    assert expected in warnings_of(build(make_app, srcdir))


def test_note_outside_a_paragraph_is_a_located_warning(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("notes")
    with (srcdir / "text.md").open("a", encoding="utf-8") as text:
        text.write("\n:::{ed:note}\n:lemma: second\n:category: typographical\n\nStray.\n:::\n")
    assert warnings_of(build(make_app, srcdir)) == [
        "text.md:28: WARNING: ed:note must stand inside the ed:paragraph it annotates "
        "[edition.note]"
    ]


def test_suppress_warnings_silences_note_problems(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("notes")
    edit(srcdir / "text.md", ":lemma: In December 1950", ":lemma: In Decmber 1950")
    app = make_app("html", srcdir=srcdir, confoverrides={"suppress_warnings": ["edition.note"]})
    app.build()
    assert warnings_of(app) == []


def test_citations_have_cards_with_the_full_reference(notes: SphinxTestApp) -> None:
    html = (notes.outdir / "text.html").read_text(encoding="utf-8")
    cited = re.search(r'href="(bibliography\.html#[^"]+)">Lüthi, 2008</a>', html)
    assert cited, html
    card = cards_of(notes.outdir)[cited.group(1)]
    assert card["k"] == "source"
    assert card["w"] == "Bibliography"
    assert card["s"].startswith("Lorenz M. Lüthi. The Sino-Soviet Split")
    # The link carries no tooltip repeating it (the test root sets bibtex_tooltips = False).
    assert 'title="Lorenz' not in html


def test_lemma_words_are_found_where_a_pattern_of_them_finds_them() -> None:
    """The lemma finder is the pattern of the words joined by any white space, without
    compiling one: random texts and lemmas of words that overlap, repeat and wrap (tabs, line
    ends, no-break spaces) give the same places, in the same order, as ``re.finditer``."""
    import random

    from sphinx_edition.markup.lemmas import _matches

    rng = random.Random(1969)
    pieces = ["a", "b", "ab", "ba", "aa", "c", " ", "  ", "\n", "\t", "\u00a0"]
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        words = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))).split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
        expected = [match.span() for match in pattern.finditer(text)]
        assert list(_matches(text, words)) == expected, (text, words)
        found += len(expected)
    assert found > 10_000  # the cases do find lemmas, most of them more than once
