"""The three outputs — HTML, PDF and EPUB — each contain the whole text of the witness."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOTS, WITNESS, require_tool, sphinx_build


def witness_paragraphs() -> list[str]:
    return [line for line in WITNESS.read_text(encoding="utf-8").splitlines() if line.strip()]


def matching_key(text: str) -> str:
    """Text reduced for finding paragraphs in extracted output.

    Whitespace goes (line breaks fall anywhere) and so do hyphens (a line may break at a
    hyphen of the text or at a hyphen the typesetter added); the edition's ¶ numbers go too.
    """
    text = re.sub(r"¶\d*", "", text)
    return re.sub(r"[\s\-\u00ad]", "", text)


def assert_paragraphs_in_order(extracted: str) -> None:
    haystack = matching_key(extracted)
    position = 0
    for number, paragraph in enumerate(witness_paragraphs(), 1):
        found = haystack.find(matching_key(paragraph), position)
        assert found >= 0, f"¶{number} is not in the output, in order: {paragraph[:60]!r}"
        position = found + 1


def pdf_body_text(pdf: Path) -> str:
    """The PDF's running text: words set at body size or larger, above the footer.

    Footnotes (the notes), note marks and page numbers are set smaller or below the text
    block; what remains is what the text of the edition prints.
    """
    words = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>',
        pdftotext(pdf, "-bbox"),
    )
    kept = [
        html.unescape(text)
        for top, bottom, text in words
        if float(bottom) - float(top) >= 10 and float(bottom) < 770
    ]
    return " ".join(kept)


def pdftotext(pdf: Path, *crop: str) -> str:
    require_tool("pdftotext")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *crop, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


# What a reader of the as-printed text does not see in it: the corrected readings, the notes
# (beside the text or in their own box), the note markers, the hover cards, the switch, the
# "cite" buttons.
EDITORIAL_CLASSES = {
    "ed-corr",
    "ed-note",
    "ed-note-ref",
    "ed-cards",
    "ed-card",
    "ed-reading",
    "ed-cite",
}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.stack: list[bool] = []  # for each open element: is it editorial?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append(bool(classes & EDITORIAL_CLASSES))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not any(self.stack):
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _TextOf()
    parser.feed(markup)
    return " ".join(parser.parts)


def test_html_contains_the_whole_text_and_a_bibliography_without_latex(tmp_path: Path) -> None:
    result = sphinx_build(
        "-b", "html", "-W", "--keep-going", ROOTS.parent.parent / "docs", tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert_paragraphs_in_order(html_text((tmp_path / "text.html").read_text(encoding="utf-8")))
    # The bibliography as a reader sees it: no LaTeX quotes or commands, and the titles'
    # capitals kept (BibTeX styles lower-case a title that is not braced).
    page = (tmp_path / "bibliography.html").read_text(encoding="utf-8")
    words = html_text(page[page.index("<article") : page.index("</article>")])
    for latex in ("`", "''", "\\", "--"):
        assert latex not in words, latex
    for title in ("Zhou Enlai's Talk at a Meeting of the Chinese Delegation", "‘Act accordingly’"):
        assert title in words, title


@pytest.mark.latex
def test_pdf_contains_the_whole_text(edition_pdf: Path) -> None:
    pdfs = list(edition_pdf.glob("*.pdf"))
    assert len(pdfs) == 1
    assert_paragraphs_in_order(pdf_body_text(pdfs[0]))


@pytest.mark.latex
def test_pdf_log_has_no_missing_characters(edition_pdf: Path) -> None:
    log = next(edition_pdf.glob("*.log")).read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log


OVERFULL = re.compile(
    r"^Overfull \\hbox \((?P<points>[\d.]+)pt too wide\) "
    r"in (?:paragraph|alignment) at lines (?P<line>\d+)--\d+",
    re.MULTILINE,
)
DOCUMENT_START = re.compile(r"\\label\{\\detokenize\{(?P<doc>[^}:]+)::doc\}\}")
OVERFULL_TOLERANCE = 3.0  # points: a hair past the margin is invisible; more is not


def overfull_lines(latex: Path) -> list[tuple[str, int, float]]:
    """(document, line of the LaTeX source, points too wide) for each overfull line."""
    tex = next(latex.glob("*.tex")).read_text(encoding="utf-8")
    starts = [
        (number, match["doc"])
        for number, line in enumerate(tex.splitlines(), 1)
        for match in DOCUMENT_START.finditer(line)
    ]
    assert any(doc == "text" for _, doc in starts), "the edition's text is not in the PDF"
    log = next(latex.glob("*.log")).read_text(encoding="utf-8", errors="replace")
    found = []
    for match in OVERFULL.finditer(log):
        line = int(match["line"])
        document = next((doc for start, doc in reversed(starts) if start <= line), "")
        found.append((document, line, float(match["points"])))
    return found


@pytest.mark.latex
def test_pdf_text_has_no_overfull_lines(edition_pdf: Path) -> None:
    # The edition's text (docs/text.md, with its notes as footnotes) keeps inside the margins.
    wide = [
        (line, points)
        for document, line, points in overfull_lines(edition_pdf)
        if document == "text" and points > OVERFULL_TOLERANCE
    ]
    assert wide == []


@pytest.mark.latex
def test_pdf_fonts_cover_the_characters_annotation_uses(tmp_path: Path) -> None:
    require_tool("xelatex", "latexmk")
    srcdir = tmp_path / "fonts"
    shutil.copytree(ROOTS / "test-fonts", srcdir)
    result = sphinx_build("-M", "latexpdf", srcdir, srcdir / "_build")
    assert result.returncode == 0, result.stdout[-2000:]
    log = (srcdir / "_build" / "latex" / "fonts.log").read_text(encoding="utf-8", errors="replace")
    missing = [line for line in log.splitlines() if "Missing character" in line]
    assert missing == []
    text = " ".join(pdftotext(srcdir / "_build" / "latex" / "fonts.pdf").split())
    for sample in (
        "3½",
        "Lüshun",
        "旅顺",
        "周恩来",
        "Алексей Косыгин",
        "北京",
        "“Capital Airport”",
    ):
        assert sample in text


def epub_text(epub: Path) -> str:
    with zipfile.ZipFile(epub) as archive:
        spine = [name for name in archive.namelist() if name.endswith(".xhtml") and "text" in name]
        assert spine, archive.namelist()
        return "\n".join(html_text(archive.read(name).decode("utf-8")) for name in spine)


@pytest.mark.epub
def test_epub_contains_the_whole_text(edition_epub: Path) -> None:
    (epub,) = edition_epub.glob("*.epub")
    assert_paragraphs_in_order(epub_text(epub))


@pytest.mark.epub
def test_epub_passes_epubcheck(edition_epub: Path) -> None:
    require_tool("java")
    jar = Path("/usr/share/java/epubcheck.jar")
    if not jar.exists():
        require_tool("epubcheck")
        command = ["epubcheck"]
    else:
        command = ["java", "-jar", str(jar)]
    (epub,) = edition_epub.glob("*.epub")
    result = subprocess.run([*command, str(epub)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout + result.stderr
