"""The extension's words in the edition's language: the catalogues are complete and current, a
German and a French build show no English word of the extension, dates are written by CLDR in
the language, and the French and Chinese editions build clean as HTML, PDF and EPUB."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conftest import ROOTS, require_tool, sphinx_build
from sphinx_edition.core.words import CATALOG, LOCALE_DIR, translation

PACKAGE = LOCALE_DIR.parent
TEMPLATE = LOCALE_DIR / f"{CATALOG}.pot"
SHIPPED = ("de", "fr")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def forms(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """A message's forms: one, or a singular and its plurals."""
    return (value,) if isinstance(value, str) else tuple(value)


def catalogue(language: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The shipped catalogue for *language*: message → translations (fuzzy ones are empty)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{CATALOG}.po"
    with path.open("rb") as source:
        read = read_po(source)
    return {
        forms(m.id): tuple("" for _ in forms(m.string)) if m.fuzzy else forms(m.string)
        for m in read
        if m.id
    }


def extracted() -> set[tuple[str, ...]]:
    """Every message the package's code marks for translation, as ``pybabel extract`` finds it
    (the keywords of ``nox -s translations``)."""
    found = extract_from_dir(
        PACKAGE,
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "NP_": (1, 2)},
    )
    return {forms(message) for _file, _line, message, _comments, _context in found}


def test_the_template_holds_every_message_of_the_code() -> None:
    with TEMPLATE.open("rb") as source:
        template = {forms(m.id) for m in read_po(source) if m.id}
    code = extracted()
    assert code - template == set(), "run: nox -s translations"
    assert template - code == set(), "run: nox -s translations"


@pytest.mark.parametrize("language", SHIPPED)
def test_a_shipped_catalogue_translates_every_message(language: str) -> None:
    messages = catalogue(language)
    code = extracted()
    assert sorted(code - set(messages)) == [], f"not in {language}: run nox -s translations"
    untranslated = sorted(m for m in code if not all(messages.get(m, ("",))))
    assert untranslated == [], f"{language}: untranslated or fuzzy"
    for message in code:
        # A translation that drops or renames a placeholder would fail at .format() time.
        wanted = sorted(PLACEHOLDER.findall(message[-1]))
        for translated in messages[message]:
            assert sorted(PLACEHOLDER.findall(translated)) == wanted, (language, translated)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class _Visible(HTMLParser):
    """What the extension may have written on a page, as a reader meets it: the text of the
    page's main part and the attributes read aloud or shown there (aria-label, title, alt),
    and the words of the page's scripts (the values of its ``ed-strings`` JSON).

    Left out: what is not words (code and literals: file names, EDTF values), the
    bibliography's entries (the sources' own titles, in their languages) and the theme's and
    Sphinx's own furniture (headings' permalinks, footer, navigation), which their catalogues
    translate, not the extension's."""

    SKIP_CLASSES = frozenset({"headerlink", "citation", "pre", "literal", "ed-edtf"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        # The open elements: (tag, whether their text is left out, whether they are main).
        self._open: list[tuple[str, bool, bool]] = []
        self._strings = False

    def _inside(self) -> tuple[bool, bool]:
        """(in the main part, in something left out)."""
        return any(m for _t, _s, m in self._open), any(s for _t, s, _m in self._open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self._strings = tag == "script" and values.get("id") == "ed-strings"
        skip = tag in {"script", "style", "code", "pre"} or bool(
            self.SKIP_CLASSES & set((values.get("class") or "").split())
        )
        main = values.get("role") == "main"
        if tag not in VOID:
            self._open.append((tag, skip, main))
        in_main, left_out = self._inside()
        if (in_main or main) and not (left_out or skip):
            self.parts += [v or "" for k, v in attrs if k in {"aria-label", "title", "alt"}]

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop()[0] != tag:
            pass
        self._strings = False

    def handle_data(self, data: str) -> None:
        in_main, left_out = self._inside()
        if self._strings:
            for group in json.loads(data).values():
                self.parts += [str(v) for v in group.values()]
        elif in_main and not left_out:
            self.parts.append(data)


def visible_text(page: Path) -> str:
    parser = _Visible()
    parser.feed(page.read_text(encoding="utf-8"))
    return html.unescape(" ".join(parser.parts))


def english_fragments(language: str) -> Iterator[tuple[str, str]]:
    """(message, fragment) for every fixed piece of an English message the catalogue changes.

    A piece is what stands between placeholders, with letters in it; a piece that is also a
    word of the translations (German "Also", French "Date") cannot tell English from them.
    """
    messages = catalogue(language)
    translated = " ".join(" ".join(t) for t in messages.values())
    for message, translations in messages.items():
        for english in message:
            if english in translations:
                continue
            yield from ((english, piece) for piece in _pieces(english, translated))


def _pieces(message: str, translated: str) -> Iterator[str]:
    for piece in PLACEHOLDER.split(message):
        piece = piece.strip(" :;,.()")
        if len(piece) < 3 or not re.search(r"[A-Za-z]{3}", piece):
            continue
        if not re.search(rf"(?<![\w]){re.escape(piece)}(?![\w])", translated):
            yield piece


def build(root: Path, out: Path, builder: str, language: str) -> Path:
    doctrees = out.parent / f"{out.name}-doctrees"
    result = sphinx_build(
        "-b", builder, "-n", "-W", "--keep-going", "-d", doctrees, "-D", f"language={language}",
        root, out,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The i18n test edition built as HTML in German, French and Chinese (clean with -n -W)."""
    return {
        language: build(ROOTS / "test-i18n", tmp_path_factory.mktemp(language), "html", language)
        for language in ("de", "fr", "zh_CN")
    }


@pytest.mark.parametrize("language", SHIPPED)
def test_no_english_word_of_the_extension_is_left_in_a_translated_build(
    built: dict[str, Path], language: str
) -> None:
    pages = {
        page.name: visible_text(page)
        for page in built[language].glob("*.html")
        if page.name not in {"genindex.html", "search.html"}
    }
    assert len(pages) >= 12
    left = sorted(
        (name, message)
        for name, text in pages.items()
        for message, piece in english_fragments(language)
        if re.search(rf"(?<![\w]){re.escape(piece)}(?![\w])", text)
    )
    assert left == []


@pytest.mark.parametrize(
    ("language", "day", "month", "old_style", "new_style", "years"),
    [
        # CLDR's long forms (Babel): German day with a full stop, French months in lower case,
        # Chinese with 年月日; German and French years are bare numbers, Chinese ones take 年.
        ("de", "11. September 1969", "Mai 1955", "6. Dezember 1878", "18. Dezember 1878",
         ("1956", "1966", "1969")),
        ("fr", "11 septembre 1969", "mai 1955", "6 décembre 1878", "18 décembre 1878",
         ("1956", "1966", "1969")),
        ("zh_CN", "1969年9月11日", "1955年5月", "1878年12月6日", "1878年12月18日",
         ("1956年", "1966年", "1969年")),
    ],
)  # fmt: skip
def test_dates_are_written_in_the_edition_language(
    built: dict[str, Path],
    language: str,
    day: str,
    month: str,
    old_style: str,
    new_style: str,
    years: tuple[str, str, str],
) -> None:
    words = translation(language).gettext
    start, end, year = years
    events = visible_text(built[language] / "events.html")
    assert day in events
    # Approximate, uncertain, open and seasonal dates: the catalogue's words around CLDR's.
    assert words("c. {date}").format(date=month) in events
    uncertain = words("{date} (?)").format(date=end)
    assert words("{start} – {end}").format(start=start, end=uncertain) in events
    assert words("{date} onwards").format(date=year) in events
    assert words("{season} {year}").format(season=words("autumn"), year="1969") in events
    # An Old Style date reads in the language on both calendars; the machine value stays ISO.
    text = (built[language] / "text.html").read_text(encoding="utf-8")
    both = words("{julian} (Old Style) = {gregorian} (New Style)")
    assert both.format(julian=old_style, gregorian=new_style) in html.unescape(text)
    tei = (built[language] / "data" / "edition.tei.xml").read_text(encoding="utf-8")
    assert 'when="1969-09-11"' in tei


def test_the_english_forms_are_unchanged_without_a_catalogue(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    out = build(ROOTS / "test-i18n", tmp_path_factory.mktemp("en"), "html", "en")
    events = visible_text(out / "events.html")
    assert "11 September 1969" in events
    assert "c. May 1955" in events
    assert "Mentioned 1 time in the text:" in visible_text(out / "people.html")


@pytest.mark.parametrize("language", ["fr", "zh_CN"])
def test_a_french_and_a_chinese_edition_build_as_pdf(tmp_path: Path, language: str) -> None:
    require_tool("xelatex", "latexmk", "xindy")
    out = build(ROOTS / "test-i18n", tmp_path / "latex", "latex", language)
    made = sphinx_build("-M", "latexpdf", ROOTS / "test-i18n", tmp_path / "pdf",
                        "-D", f"language={language}", "-W", "--keep-going")  # fmt: skip
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
    log = (tmp_path / "pdf" / "latex" / "grenzkrise.log").read_text(errors="replace")
    assert "Missing character" not in log
    tex = (out / "grenzkrise.tex").read_text(encoding="utf-8")
    words = translation(language).gettext
    assert words("Index of people") in tex


@pytest.mark.parametrize("language", ["fr", "zh_CN"])
def test_a_french_and_a_chinese_edition_build_as_epub(tmp_path: Path, language: str) -> None:
    out = build(ROOTS / "test-i18n", tmp_path / "epub", "epub", language)
    (epub,) = out.glob("*.epub")
    with zipfile.ZipFile(epub) as book:
        opf = book.read("content.opf").decode()
        events = book.read("events.xhtml").decode()
    # The language as a BCP 47 tag (zh-CN), in the package and on every page.
    tag = language.replace("_", "-")
    assert f"<dc:language>{tag}</dc:language>" in opf
    assert f'lang="{tag}" xml:lang="{tag}"' in events
    words = translation(language).gettext
    assert f">{words('Date')}<" in events
    require_tool("java")
    jar = Path("/usr/share/java/epubcheck.jar")
    command = ["java", "-jar", str(jar)] if jar.exists() else ["epubcheck"]
    checked = subprocess.run([*command, str(epub)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout[-3000:] + checked.stderr[-3000:]


def test_a_german_edition_from_the_starter_builds_clean_without_an_english_word(
    tmp_path: Path,
) -> None:
    witness = tmp_path / "chronik.txt"
    witness.write_text("Am 11. September 1969 trafen sich die Regierungschefs.\n", "utf-8")
    made = subprocess.run(
        [sys.executable, "-m", "sphinx_edition", "new", str(tmp_path / "chronik"),
         "--witness", str(witness), "--language", "de"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    out = build(tmp_path / "chronik" / "docs", tmp_path / "html", "html", "de")
    pages = {page.name: visible_text(page) for page in out.glob("*.html")}
    assert {"index.html", "text.html", "people.html", "about.html"} <= set(pages)
    words = translation("de").gettext
    assert f"{words('The text')} " in pages["text.html"]
    left = sorted(
        (name, piece)
        for name, text in pages.items()
        if name not in {"genindex.html", "search.html"}
        for _message, piece in english_fragments("de")
        if re.search(rf"(?<![\w]){re.escape(piece)}(?![\w])", text)
    )
    assert left == []
