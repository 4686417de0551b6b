"""Fixtures for the browser tests: the sites, built once per session and served on 127.0.0.1,
and headless Chromium (Debian's, driven by PyPI playwright)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from conftest import DOCS, ROOTS, WITNESS, sphinx_build

from .support import CHROMIUM_ARGS, DESKTOP, Site, chromium_path, require, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Error, Page

PLAIN_CONF = """\
project = "The Sino-Soviet Split and the 1969 Border Crisis"
html_theme = "furo"
extensions = ["myst_parser"]
"""


@pytest.fixture(scope="package")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """One folder for every site the tests build, served by one local server."""
    root = tmp_path_factory.mktemp("sites")
    with serve(root) as base:
        yield root, base


def _build(site_root: tuple[Path, str], name: str, source: Path, *options: str) -> Site:
    root, base = site_root
    out = root / name
    result = sphinx_build(
        "-b", "html", "-d", root.parent / f"{name}-doctrees", *options, source, out
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return Site(out, f"{base}{name}/")


@pytest.fixture(scope="package")
def edition(site_root: tuple[Path, str]) -> Site:
    """The edition (docs/), built as HTML with Furo, as readers get it."""
    # Served under /edition/, as Read the Docs serves a version under /en/latest/: the 404
    # page's links start there (notfound_urls_prefix), or it would be read without its styles.
    return _build(site_root, "edition", DOCS, "-D", "notfound_urls_prefix=/edition/")


@pytest.fixture(scope="package")
def hostile(site_root: tuple[Path, str]) -> Site:
    """tests/roots/test-hostile: every field an editor writes holds a hostile string."""
    return _build(site_root, "hostile", ROOTS / "test-hostile")


@pytest.fixture(scope="package")
def plain(site_root: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The witness as a plain one-page Furo site: what the text weighs without the edition."""
    source = tmp_path_factory.mktemp("plain-source")
    (source / "conf.py").write_text(PLAIN_CONF, encoding="utf-8")
    paragraphs = [line for line in WITNESS.read_text(encoding="utf-8").splitlines() if line]
    text = "# Sino-Soviet Border Conflict\n\n" + "\n\n".join(paragraphs) + "\n"
    (source / "index.md").write_text(text, encoding="utf-8")
    return _build(site_root, "plain", source)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    require(executable is not None, "chromium")
    require(importlib.util.find_spec("playwright") is not None, "playwright (pip)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# Errors thrown by scripts that are not ours, each with the reason it is not ours to fix.
KNOWN_SCRIPT_ERRORS = (
    (
        "sphinx_highlight.js",
        "Sphinx's search highlighting (?highlight=...) calls getBBox() on the parent of any"
        " matching text inside an SVG, and a <title> in Furo's icon <symbol>s has none",
    ),
)

NewContext = Callable[..., "BrowserContext"]
NewPage = Callable[..., "Page"]


@pytest.fixture
def new_context(browser: Browser) -> Iterator[NewContext]:
    """A fresh browser profile (no cache, no storage); desktop size and light mode by default."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options.setdefault("viewport", DESKTOP)
        options.setdefault("color_scheme", "light")
        options.setdefault("reduced_motion", "reduce")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def new_page(new_context: NewContext) -> Iterator[NewPage]:
    """A page in a fresh profile; a JavaScript error on it fails the test."""
    errors: list[str] = []

    def make(**options: Any) -> Page:
        page = new_context(**options).new_page()

        def record(error: Error) -> None:
            if not any(known in (error.stack or "") for known, _ in KNOWN_SCRIPT_ERRORS):
                errors.append(f"{page.url}: {error.message}")

        page.on("pageerror", record)
        return page

    yield make
    assert errors == [], "JavaScript errors on the page"
