"""The PDF is complete: every reference resolved, every index entry with its page number and set
in the text face; and Read the Docs' way of building it (latexmk in the LaTeX folder, without
Sphinx's Makefile) gives the same PDF.  Its text and index pages are written to
tests/artifacts/ as PNG for people to look at."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DOCS, require_tool, sphinx_build

ARTIFACTS = Path(__file__).parent / "artifacts"
NAME = "sino-soviet-split-edition"  # latex_documents in docs/conf.py
# readthedocs.org's PDF build step (readthedocs/doc_builder/backends/sphinx.py)
READ_THE_DOCS_LATEXMK = ("-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-")
INDEXES = ("Index of people", "Index of events", "Index of places", "Index of organisations")


@pytest.fixture(scope="session")
def edition_pdf_as_read_the_docs_builds_it(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The LaTeX sources, then the PDF made by Read the Docs' command line (its build step for
    PDF runs this in the LaTeX folder, with no Makefile and so no XINDYOPTS)."""
    require_tool("xelatex", "latexmk", "xindy")
    out = tmp_path_factory.mktemp("pdf-rtd")
    result = sphinx_build("-b", "latex", "-W", "--keep-going", DOCS, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    latexmk = shutil.which("latexmk")
    assert latexmk is not None
    environment = {k: v for k, v in os.environ.items() if k not in {"XINDYOPTS", "LATEXOPTS"}}
    built = subprocess.run(
        [latexmk, *READ_THE_DOCS_LATEXMK, f"-jobname={NAME}", "-interaction=nonstopmode"],
        cwd=out,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert "ERROR" not in built.stdout + built.stderr  # xindy's errors
    return out


def pages(pdf: Path) -> list[str]:
    """The PDF's text, page by page."""
    require_tool("pdftotext")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def index_pages(pdf: Path) -> list[int]:
    """The numbers (from 1) of the pages of the indexes: the registers' and then the general
    index, which end the PDF."""
    text = pages(pdf)
    first = next(n for n, page in enumerate(text, 1) if page.lstrip().startswith(INDEXES[0]))
    return list(range(first, len(text) + 1))


def undefined(log: Path) -> list[str]:
    """LaTeX's warnings of references and citations that went nowhere."""
    text = log.read_text(encoding="utf-8", errors="replace").replace("\n", "")
    return re.findall(r"(?:Hyper r|R)eference `[^']*' on page \d+ undefined", text)


def test_nothing_runs_off_a_page(edition_pdf: Path) -> None:
    # A table LaTeX keeps on one page (tabular, tabulary) and that is longer than the page ran
    # off its foot (the checks page's tables, the warnings reference: six pages, up to 712pt);
    # they are longtables now, which break across pages.  LaTeX says so as an overfull \vbox.
    log = (edition_pdf / f"{NAME}.log").read_text(encoding="utf-8", errors="replace")
    assert re.findall(r"Overfull \\vbox \([^)]*\)[^\n]*", log) == []


@pytest.mark.parametrize("way", ["make", "read the docs"])
def test_pdf_has_no_undefined_reference(
    edition_pdf: Path, edition_pdf_as_read_the_docs_builds_it: Path, way: str
) -> None:
    folder = edition_pdf if way == "make" else edition_pdf_as_read_the_docs_builds_it
    assert undefined(folder / f"{NAME}.log") == []
    # LaTeX's mark of a reference it could not resolve; the docs name it only in quotes.
    assert "??" not in "".join(pages(folder / f"{NAME}.pdf")).replace("“??”", "")


def test_every_index_entry_has_its_page_number(edition_pdf: Path) -> None:
    pdf = edition_pdf / f"{NAME}.pdf"
    text = pages(pdf)
    indexes = "\n".join(text[n - 1] for n in index_pages(pdf))
    for heading in (*INDEXES, "Index"):
        assert re.search(rf"^{heading}$", indexes, re.MULTILINE), heading
    # The register's entry, with the page of the entry, and the general index's.
    assert re.search(r"Kosygin, Alexei \(1904–1980\), \d+", indexes)
    assert re.search(r"Kosygin, Alexei \(person\), \d+", indexes)
    assert len(re.findall(r", \d+", indexes)) > 300


def test_index_entries_are_set_in_the_text_face(edition_pdf: Path) -> None:
    require_tool("pdffonts")
    pdf = edition_pdf / f"{NAME}.pdf"
    found = index_pages(pdf)
    fonts = subprocess.run(
        ["pdffonts", "-f", str(found[0]), "-l", str(found[-1]), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "FreeSerif" in fonts
    assert "Mono" not in fonts  # Sphinx's default sets index entries in typewriter type


def test_read_the_docs_gets_the_same_pdf(
    edition_pdf: Path, edition_pdf_as_read_the_docs_builds_it: Path
) -> None:
    made = pages(edition_pdf / f"{NAME}.pdf")
    theirs = pages(edition_pdf_as_read_the_docs_builds_it / f"{NAME}.pdf")
    assert len(theirs) == len(made)
    assert theirs == made


def test_pdf_pages_as_pictures(edition_pdf: Path) -> None:
    """A text page and an index page, for people to look at (tests/artifacts/pdf-*.png)."""
    require_tool("pdftoppm")
    pdf = edition_pdf / f"{NAME}.pdf"
    text = pages(pdf)
    first_text = next(n for n, page in enumerate(text, 1) if "¶1" in page)
    ARTIFACTS.mkdir(exist_ok=True)
    for name, number in (
        ("text", first_text),
        ("index-of-people", index_pages(pdf)[0]),
        ("index", index_pages(pdf)[-1]),
    ):
        target = ARTIFACTS / f"pdf-{name}"
        page = ["-f", f"{number}", "-l", f"{number}"]
        command = ["pdftoppm", "-png", "-r", "80", "-singlefile", *page, pdf, target]
        subprocess.run(command, check=True)
        assert target.with_suffix(".png").stat().st_size > 10_000
