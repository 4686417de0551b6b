"""docs/tutorial.md works: its files, written in its order, give the builds and report it shows.

The test reads every ``code-block`` with a ``:caption:`` (a file of the tutorial's project)
and every ``text`` block (what the tutorial says a build prints) from the page itself, so the
page cannot drift from what the extension does.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from conftest import DOCS, sphinx_build

TUTORIAL = (DOCS / "tutorial.md").read_text(encoding="utf-8")
FILES = re.findall(r"```\{code-block\} \w+\n:caption: (\S+)\n\n(.*?)\n```\n", TUTORIAL, re.S)
SHOWN = re.findall(r"```text\n(.*?)\n```\n", TUTORIAL, re.S)


def shown(*needles: str) -> str:
    """The one output block of the tutorial that holds every one of *needles*."""
    (block,) = [block for block in SHOWN if all(needle in block for needle in needles)]
    return block


def warning_shown(subtype: str) -> str:
    """The message of the warning the tutorial shows for *subtype*, after its path."""
    line = shown(" WARNING: ", f"[edition.{subtype}]")
    return line.split(" WARNING: ", 1)[1]


def build(project: Path, out: Path, builder: str = "html") -> subprocess.CompletedProcess[str]:
    return sphinx_build("-b", builder, "-n", "-W", "--keep-going", project / "docs", out)


def test_the_tutorial_makes_a_checked_edition(tmp_path: Path) -> None:
    files = dict(FILES[:1])
    (tmp_path / "gettysburg.txt").write_text(files["gettysburg.txt"] + "\n", encoding="utf-8")
    command = re.search(r"^sphinx-edition new (.*)$", TUTORIAL, re.M)
    assert command is not None
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_edition", "new", *shlex.split(command.group(1))],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    project = tmp_path / "gettysburg"

    # Step 2: the new project builds clean, with nothing to check yet.
    first = build(project, tmp_path / "html")
    assert first.returncode == 0, first.stderr
    assert shown("0 entries").splitlines()[0] in first.stdout

    texts = [text for path, text in FILES if path == "docs/text.md"]
    registers = [(path, text) for path, text in FILES[1:] if path != "docs/text.md"]
    assert [path for path, _ in registers] == [
        "docs/refs.bib", "docs/people.md", "docs/events.md", "docs/places.md", "docs/orgs.md",
        "docs/glossary.md",
    ]  # fmt: skip
    assert len(texts) == 2

    # Step 3-4: sources and registers, not yet mentioned: every entry is unused.
    for path, text in registers:
        (project / path).write_text(text + "\n", encoding="utf-8")
    unused = build(project, tmp_path / "html")
    assert unused.returncode != 0
    assert unused.stderr.count("[edition.unused]") == 5, unused.stderr

    # Step 5: the markup, and the checker finds the text's error.
    (project / "docs" / "text.md").write_text(texts[0] + "\n", encoding="utf-8")
    error = build(project, tmp_path / "html")
    assert error.returncode != 0
    assert error.stderr.count("WARNING") == 1, error.stderr
    assert warning_shown("duration") in error.stderr

    # Step 6: the note answers it, and the build is clean.
    (project / "docs" / "text.md").write_text(texts[1] + "\n", encoding="utf-8")
    clean = build(project, tmp_path / "html")
    assert clean.returncode == 0, clean.stderr
    assert shown("1 acknowledged").splitlines()[0] in clean.stdout

    # Step 7: the report, and the witness check at a changed word.
    check = build(project, tmp_path / "check", "edition-check")
    assert check.returncode == 0, check.stderr
    report = (tmp_path / "check" / "report.txt").read_text(encoding="utf-8")
    assert shown("Checks run:") in report
    changed = texts[1].replace("had won", "has won")
    (project / "docs" / "text.md").write_text(changed + "\n", encoding="utf-8")
    witness = build(project, tmp_path / "html")
    assert witness.returncode != 0
    assert warning_shown("witness") in witness.stderr
