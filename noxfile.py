"""Tasks for editors and maintainers: build the edition, test, lint, preview."""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.sessions = ["lint", "tests"]
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True

HERE = Path(__file__).parent
DOCS = HERE / "docs"
BUILD = DOCS / "_build"
DOCTREES = BUILD / "doctrees"
STRICT = ("-n", "-W", "--keep-going")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the edition as HTML (docs/_build/html), failing on any warning."""
    session.install("-e", ".[docs]")
    out = BUILD / "html"
    session.run(
        "sphinx-build",
        "-b",
        "html",
        *STRICT,
        "-d",
        str(DOCTREES),
        "docs",
        str(out),
        *session.posargs,
    )
    session.log(f"The edition's HTML is in {out}; open {out / 'index.html'}")


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the edition as a PDF with xelatex and latexmk (docs/_build/latex/*.pdf)."""
    session.install("-e", ".[docs]")
    session.run("sphinx-build", "-M", "latexpdf", "docs", str(BUILD), *STRICT, *session.posargs)
    for path in sorted((BUILD / "latex").glob("*.pdf")):
        session.log(f"The edition's PDF is {path}")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the edition as an EPUB (docs/_build/epub)."""
    session.install("-e", ".[docs]")
    out = BUILD / "epub"
    session.run(
        "sphinx-build",
        "-b",
        "epub",
        *STRICT,
        "-d",
        str(DOCTREES),
        "docs",
        str(out),
        *session.posargs,
    )
    for path in sorted(out.glob("*.epub")):
        session.log(f"The edition's EPUB is {path}")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (builds HTML, PDF and EPUB; PDF and EPUB tests need TeX and Java)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format) on everything, mypy strict on the package."""
    session.install("-e", ".[lint]")
    session.run("ruff", "check", "src", "tests", "noxfile.py", "docs/conf.py")
    session.run("ruff", "format", "--check", "src", "tests", "noxfile.py", "docs/conf.py")
    session.run("mypy", "src")


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check every external link online (needs a network, so not part of the tests)."""
    session.install("-e", ".[docs]")
    session.run(
        "sphinx-build",
        "-b",
        "linkcheck",
        "-d",
        str(DOCTREES),
        "docs",
        str(BUILD / "linkcheck"),
        *session.posargs,
    )


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview for editors: rebuild on every save and reload the browser."""
    session.install("-e", ".[serve]")
    session.run(
        "sphinx-autobuild",
        "docs",
        str(BUILD / "html"),
        "--watch",
        "src",
        "--watch",
        "seeds",
        *session.posargs,
    )
