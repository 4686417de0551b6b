"""The render layer and the scripts speak the edition's language (issue #21).

A German build of ``test-notes`` with a small catalogue of the edition's own (``locale_dirs``):
what the pages, the apparatus, the registers and the scripts' words say; a word the catalogue
leaves out stays English.  The English edition's words are the other tests' business.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from conftest import edit
from sphinx_edition.core.words import translation
from sphinx_edition.render.timeline_svg import scale
from sphinx_edition.render.words import sentence

MakeApp = Callable[..., SphinxTestApp]

GERMAN: dict[str | tuple[str, str], str | tuple[str, str]] = {
    "Paragraph {n}": "Absatz {n}",
    "Cite paragraph {n}": "Absatz {n} zitieren",
    "Cite this paragraph": "Diesen Absatz zitieren",
    "cite": "zitieren",
    "Note {number}": "Anmerkung {number}",
    "As printed": "Wie gedruckt",
    "Reading": "Lesart",
    "{julian} (Old Style) = {gregorian} (New Style)": "{julian} (alter Stil) = {gregorian}",
    ("Mentioned {count} time in the text:", "Mentioned {count} times in the text:"): (
        "Im Text einmal erwähnt:",
        "Im Text {count}-mal erwähnt:",
    ),
    "Emendations of the text ({count})": "Emendationen des Textes ({count})",
    "¶{paragraph} {lemma}] read {reading} ({note})": "¶{paragraph} {reading} statt {lemma}"
    " ({note})",
    "note {number}": "Anm. {number}",
    "Back to the text": "Zurück zum Text",
    "Copy": "Kopieren",
    "{where}: {title}": "{where} – {title}",
}


def catalogue(messages: dict[str | tuple[str, str], str | tuple[str, str]]) -> str:
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    entries = []
    for key, value in messages.items():
        if isinstance(key, tuple) and isinstance(value, tuple):
            entries.append(
                f"msgid {quoted(key[0])}\nmsgid_plural {quoted(key[1])}\n"
                f"msgstr[0] {quoted(value[0])}\nmsgstr[1] {quoted(value[1])}\n"
            )
        else:
            entries.append(f"msgid {quoted(str(key))}\nmsgstr {quoted(str(value))}\n")
    head = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    )
    return "\n".join([head, *entries])


def german_build(make_app: MakeApp, copy_root: Callable[[str], Path]) -> Path:
    srcdir = copy_root("notes")
    folder = srcdir / "locales" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "sphinx_edition.po").write_text(catalogue(GERMAN), encoding="utf-8")
    # An Old Style date whose words are those of the witness's paragraph.
    edit(srcdir / "text.md", "has no notes.", "has {ed:date}`no notes <1878-12-06 julian>`.")
    app = make_app("html", srcdir=srcdir, confoverrides={"language": "de"})
    app.build()
    return Path(app.outdir)


def test_the_pages_speak_the_editions_language(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    out = german_build(make_app, copy_root)
    text = (out / "text.html").read_text(encoding="utf-8")
    assert 'aria-label="Absatz 1"' in text
    assert 'aria-label="Absatz 1 zitieren" title="Diesen Absatz zitieren">zitieren</button>' in text
    assert 'aria-label="Anmerkung 1"' in text
    assert "<legend>Lesart</legend>" in text
    assert "/> Wie gedruckt</label>" in text
    # Not in the edition's catalogue: the package's German catalogue gives the words.
    package = translation("de").gettext
    shown = package("Emended, with historical corrections")
    assert shown != "Emended, with historical corrections"
    assert f"/> {shown}</label>" in text
    # The dates in Babel's German, the Old Style in the catalogue's words.
    assert 'title="6. Dezember 1878 (alter Stil) = 18. Dezember 1878"' in text

    people = (out / "people.html").read_text(encoding="utf-8")
    assert "Im Text einmal erwähnt:" in people

    apparatus = html.unescape(
        re.sub(r"<[^>]+>", "", (out / "apparatus.html").read_text(encoding="utf-8"))
    )
    assert "Emendationen des Textes (1)" in apparatus
    # The translation puts the parts in its own order, links and emphasis included.
    assert "¶1 failed to be born statt failed to be form (Anm. 2)" in apparatus


def test_the_scripts_read_their_words_from_the_page(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    out = german_build(make_app, copy_root)
    text = (out / "text.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="ed-strings">\n(.*?)\n</script>', text)
    assert found is not None
    words = json.loads(found.group(1))
    assert words["cite"]["copy"] == "Kopieren"
    assert words["cite"]["close"] == translation("de").gettext("Close")  # the package's
    assert words["notes"]["back"] == "Zurück zum Text"
    assert words["cards"]["link"] == "{where} – {title}"
    # A page without paragraphs or notes carries only the cards' words.
    people = (out / "people.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="ed-strings">\n(.*?)\n</script>', people)
    assert found is not None
    assert set(json.loads(found.group(1))) == {"cards"}
    text = (out / "text.html").read_text(encoding="utf-8")
    written = text[text.rindex("<script>", 0, text.index("function align(){")) :]
    for script, source in (
        ("cards.js", (out / "_static" / "cards.js").read_text(encoding="utf-8")),
        ("cite.js", (out / "_static" / "cite.js").read_text(encoding="utf-8")),
        ("notes.js", written[: written.index("</script>")]),
    ):
        assert "ed-strings" in source
        for english in ("Back to the text", "Copy", "Close", "more of note", "Register"):
            assert english not in source, (script, english)


def test_the_timeline_names_months_in_the_editions_language() -> None:
    days = scale(dt.date(1962, 10, 16), dt.date(1962, 10, 28), "de")
    assert days.ticks[0][1] == "16. Okt."
    months = scale(dt.date(1962, 5, 1), dt.date(1963, 3, 20), "de")
    assert [label for _, label in months.ticks][:2] == ["Mai 1962", "Jul"]
    assert "Jan. 1963" in [label for _, label in months.ticks]
    # English keeps the edition's own abbreviations.
    assert scale(dt.date(1962, 10, 16), dt.date(1962, 10, 28)).ticks[0][1] == "16 Oct"


def test_a_sentence_keeps_its_nodes_where_the_translation_puts_them() -> None:
    made = sentence("{reading} statt {lemma}.", lemma=nodes.emphasis(text="fomr"), reading="form")
    assert [type(n) for n in made] == [nodes.Text, nodes.Text, nodes.emphasis, nodes.Text]
    assert "".join(n.astext() for n in made) == "form statt fomr."
