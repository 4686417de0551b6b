"""``sphinx-edition new``: the project it writes builds clean at once, and bad input is refused.

Each test runs the command as an editor would (the console script, or ``python -m``) and then
builds what it wrote with ``sphinx-build -n -W --keep-going``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import PROJECT, TESTS, WITNESS, require_tool, sphinx_build

MARKDOWN_LIKE = TESTS / "witnesses" / "markdown-like.txt"
SCRIPT = Path(sys.executable).parent / "sphinx-edition"
SCHEMA = PROJECT.parent / "shared" / "readthedocs-config-schema.json"
if not SCHEMA.exists():
    SCHEMA = TESTS / "readthedocs-config-schema.json"


def new(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m sphinx_edition new ARGS``, as an editor runs it."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx_edition", "new", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def paragraphs(path: Path) -> list[str]:
    return [" ".join(line.split()) for line in path.read_text("utf-8").splitlines() if line.strip()]


class ParagraphText(HTMLParser):
    """The text of each ``div.ed-paragraph`` of a page, without its ¶ number and cite button."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._text: list[str] | None = None
        self._depth = 0
        self._number_at = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self._text is None:
            if tag == "div" and "ed-paragraph" in classes:
                self._text, self._depth = [], 1
            return
        self._depth += 1
        # The ¶ number and the "cite" button are the edition's, not the witness's.
        if (tag == "a" and "ed-pnum" in classes) or (tag == "button" and "ed-cite" in classes):
            self._number_at = self._depth

    def handle_endtag(self, tag: str) -> None:
        if self._text is None:
            return
        if self._number_at == self._depth:
            self._number_at = 0
        self._depth -= 1
        if self._depth == 0:
            self.found.append(" ".join("".join(self._text).split()))
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None and not self._number_at:
            self._text.append(data)


def built_paragraphs(page: Path) -> list[str]:
    parser = ParagraphText()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def test_a_markdown_like_witness_is_built_as_its_characters(tmp_path: Path) -> None:
    """Headings, lists, emphasis, roles, HTML, entities, fences …: all shown as written."""
    project = tmp_path / "edition"
    result = subprocess.run(
        [SCRIPT, "new", project, "--witness", MARKDOWN_LIKE, "--title", "A *test* & <b>"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    build = sphinx_build(
        "-b", "html", "-n", "-W", "--keep-going", project / "docs", tmp_path / "html"
    )
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr
    assert built_paragraphs(tmp_path / "html" / "text.html") == paragraphs(MARKDOWN_LIKE)
    index = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert "<h1>A *test* &amp; &lt;b&gt;<a" in index


def test_the_new_project_builds_clean_and_passes_every_check(tmp_path: Path) -> None:
    project = tmp_path / "edition"
    result = new(project, "--witness", WITNESS, "--language", "en")
    assert result.returncode == 0, result.stderr
    check = sphinx_build("-b", "edition-check", "-n", "-W", project / "docs", tmp_path / "check")
    assert check.returncode == 0, check.stderr
    report = json.loads((tmp_path / "check" / "report.json").read_text(encoding="utf-8"))
    assert report["witness"]["checked"] is True
    assert report["witness"]["paragraphs"] == len(paragraphs(WITNESS))
    assert report["witness"]["problems"] == []
    # The witness is copied byte for byte, and conf.py names the copy.
    copy = project / "seeds" / WITNESS.name
    assert copy.read_bytes() == WITNESS.read_bytes()
    assert f'edition_witness = "../seeds/{WITNESS.name}"' in (
        project / "docs" / "conf.py"
    ).read_text(encoding="utf-8").replace("'", '"')


def test_the_new_project_has_every_page_and_tool(tmp_path: Path) -> None:
    project = tmp_path / "edition"
    assert new(project, "--witness", WITNESS).returncode == 0
    pages = {p.stem for p in (project / "docs").glob("*.md")}
    assert pages == {
        "index", "text", "people", "events", "places", "orgs", "glossary", "timeline",
        "apparatus", "bibliography", "about",
    }  # fmt: skip
    assert (project / "docs" / "refs.bib").exists()
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "nox -s docs" in readme
    assert "nox -s check" in readme
    noxfile = (project / "noxfile.py").read_text(encoding="utf-8")
    for session in ("docs", "pdf", "epub", "check", "serve"):
        assert f"def {session}(session: nox.Session)" in noxfile
    compile(noxfile, "noxfile.py", "exec")
    config = yaml.safe_load((project / ".readthedocs.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(config, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert config["sphinx"]["configuration"] == "docs/conf.py"
    assert config["sphinx"]["fail_on_warning"] is True
    requirement = (project / "requirements.txt").read_text(encoding="utf-8")
    assert "sphinx-edition[docs]" in requirement


@pytest.mark.latex
def test_the_new_project_builds_a_pdf(tmp_path: Path) -> None:
    """Empty registers, glossary and apparatus, and a witness full of TeX's special characters."""
    require_tool("xelatex", "latexmk", "pdftotext")
    project = tmp_path / "edition"
    assert new(project, "--witness", MARKDOWN_LIKE).returncode == 0
    build = sphinx_build("-M", "latexpdf", project / "docs", tmp_path / "out", "-n", "-W")
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    (pdf,) = (tmp_path / "out" / "latex").glob("*.pdf")
    text = subprocess.run(
        ["pdftotext", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    for line in ("¶12 maths $x^2$ and $$y$$ and a | table | row |", "¶19 ends with a backslash \\"):
        assert line in text


@pytest.mark.epub
def test_the_new_project_builds_a_valid_epub(tmp_path: Path) -> None:
    require_tool("java")
    project = tmp_path / "edition"
    assert new(project, "--witness", MARKDOWN_LIKE).returncode == 0
    out = tmp_path / "epub"
    build = sphinx_build(
        "-b", "epub", "-n", "-W", "-d", tmp_path / "doctrees", project / "docs", out
    )
    assert build.returncode == 0, build.stderr
    (epub,) = out.glob("*.epub")
    jar = Path("/usr/share/java/epubcheck.jar")
    if jar.exists():
        command = ["java", "-jar", str(jar)]
    else:
        require_tool("epubcheck")
        command = ["epubcheck"]
    check = subprocess.run([*command, epub], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_an_empty_directory_is_used(tmp_path: Path) -> None:
    project = tmp_path / "edition"
    project.mkdir()
    assert new(project, "--witness", WITNESS).returncode == 0
    assert (project / "docs" / "text.md").exists()


@pytest.mark.parametrize(
    ("witness", "message"),
    [
        (None, "does not exist"),
        (b"", "is empty"),
        (b"\n  \n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is binary"),
        (b"caf\xe9 au lait\n", "is not UTF-8 (byte 3: 0xe9)"),
        (b"a line\nan escape \x1b[31m here\n", "control character U+001B"),
    ],
    ids=["missing", "empty", "blank", "binary", "latin-1", "control"],
)
def test_a_witness_that_is_no_text_is_refused(
    tmp_path: Path, witness: bytes | None, message: str
) -> None:
    source = tmp_path / "witness.txt"
    if witness is not None:
        source.write_bytes(witness)
    before = sorted(tmp_path.iterdir())
    result = new(tmp_path / "edition", "--witness", source)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("sphinx-edition: error: ")
    assert message in result.stderr
    assert sorted(tmp_path.iterdir()) == before  # nothing written, no staging left behind


@pytest.mark.parametrize("kind", ["non-empty directory", "file"])
def test_an_existing_target_is_refused(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "edition"
    if kind == "file":
        target.write_text("mine\n", encoding="utf-8")
    else:
        target.mkdir()
        (target / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    result = new(target, "--witness", WITNESS)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "not empty" in result.stderr or "is not a directory" in result.stderr
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--title", "two\nlines", "line break"),
        ("--title", "  ", "title is empty"),
        ("--language", "english (UK)", "not a language tag"),
    ],
)
def test_a_bad_title_or_language_is_refused(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    result = new(tmp_path / "edition", "--witness", WITNESS, option, value)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert message in result.stderr
    assert not (tmp_path / "edition").exists()
