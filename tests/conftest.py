"""Shared fixtures: Sphinx's test fixtures, copies of test roots, and builds of the edition."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
PROJECT = TESTS.parent
DOCS = PROJECT / "docs"
WITNESS = PROJECT / "seeds" / "000_8d8ba7836c4055b4.txt"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def require_tool(*names: str) -> None:
    """Skip when an external tool is missing, unless CI demands every tool be there."""
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        message = f"needs {', '.join(missing)} (see README: what the PDF and EPUB need)"
        if os.environ.get("EDITION_REQUIRE_TOOLS"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def copy_root(tmp_path: Path) -> Callable[[str], Path]:
    """A fresh, writable copy of ``tests/roots/test-<name>`` for one test."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(ROOTS / f"test-{name}", target)
        return target

    return copy


def sphinx_build(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run sphinx-build as an editor would, returning its output."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def edition_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edition built as a PDF with xelatex and latexmk (the build folder)."""
    require_tool("xelatex", "latexmk")
    out = tmp_path_factory.mktemp("pdf")
    result = sphinx_build("-M", "latexpdf", DOCS, out, "-W", "--keep-going")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "latex"


@pytest.fixture(scope="session")
def edition_epub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edition built as an EPUB (the build folder)."""
    out = tmp_path_factory.mktemp("epub")
    doctrees = tmp_path_factory.mktemp("epub-doctrees")
    result = sphinx_build("-b", "epub", "-d", doctrees, DOCS, out, "-W", "--keep-going")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def warnings_of(app: SphinxTestApp) -> list[str]:
    """The build's warning lines, with the source folder taken off their paths."""
    text = strip_escape_sequences(app.warning.getvalue()).replace(str(app.srcdir) + "/", "")
    return [line for line in text.splitlines() if "WARNING" in line]


def assets(app: SphinxTestApp, page: str) -> list[str]:
    """The style sheets and scripts *page* loads, by file name."""
    html = (app.outdir / f"{page}.html").read_text(encoding="utf-8")
    found = re.findall(r'<(?:link rel="stylesheet"[^>]*href|script[^>]*src)="([^"?]+)', html)
    return [path.rsplit("/", 1)[-1] for path in found]


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first *old* in the file by *new*; the text must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def cards_of(outdir: Path) -> dict[str, dict[str, str]]:
    """The hover cards of a built site (``_static/ed-cards.js``), keyed by ``page#anchor``."""
    script = (outdir / "_static" / "ed-cards.js").read_text(encoding="utf-8")
    prefix, suffix = "window.edCards=", ";\n"
    assert script.startswith(prefix), script[:80]
    assert script.endswith(suffix), script[-80:]
    cards: dict[str, dict[str, str]] = json.loads(script[len(prefix) : -len(suffix)])
    return cards


def notes_written(page: Path) -> int:
    """How many ``ed:note`` directives an editor wrote in *page* (counted in the source)."""
    return sum(1 for line in page.read_text(encoding="utf-8").splitlines() if "{ed:note}" in line)
