"""A duplicated id links to the same definition under ``-j 1`` and ``-j 4``: the first in
document order (the toctree's), which is also the one the duplicate warning names."""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.util.console import strip_escape_sequences

from conftest import sphinx_build

PAGES = 24
# The toctree lists the pages from the last name to the first, so that document order is not
# the alphabetical order in which Sphinx reads them (nor any order a -j 4 merge happens in).
NAMES = [f"page{n:02d}" for n in range(PAGES, 0, -1)]
DEFINED_IN = ("page03", "page11", "page20")  # in document order: page20, page11, page03


def make_project(srcdir: Path) -> None:
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_edition"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        # The project has no transcription, so its mention is in no text: not what this tests.
        'suppress_warnings = ["edition.unused"]\n'
        'html_theme = "basic"\n',
        encoding="utf-8",
    )
    toctree = "\n".join(NAMES)
    (srcdir / "index.md").write_text(
        f"# Duplicates\n\n```{{toctree}}\n{toctree}\n```\n\n"
        "{ed:person}`The man <twice>` is named here.\n",
        encoding="utf-8",
    )
    for name in NAMES:
        body = f"# {name}\n\nFiller text of {name}, long enough to take its time to read.\n\n"
        body += "\n".join(f"A sentence of filler number {i}." for i in range(40)) + "\n"
        if name in DEFINED_IN:
            body += (
                f"\n::::{{ed:register}} person\n:::{{ed:person}} twice\n"
                f":name: Defined in {name}\n:::\n::::\n"
            )
        (srcdir / f"{name}.md").write_text(body, encoding="utf-8")


def build(srcdir: Path, out: Path, jobs: str) -> tuple[str, list[str]]:
    result = sphinx_build(
        "-b", "html", "-j", jobs, "-E", "-d", out / "doctrees", srcdir, out / "html"
    )
    assert result.returncode == 0, result.stderr
    index = (out / "html" / "index.html").read_text(encoding="utf-8")
    warnings = sorted(
        line.replace(str(srcdir) + "/", "")
        for line in strip_escape_sequences(result.stderr).splitlines()
        if "WARNING" in line
    )
    return index, warnings


def test_duplicate_id_resolves_alike_under_any_jobs(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    make_project(srcdir)
    serial_index, serial_warnings = build(srcdir, tmp_path / "j1", "1")
    parallel_index, parallel_warnings = build(srcdir, tmp_path / "j4", "4")

    links = [
        re.findall(r'href="(page\d\d\.html#person-twice)"', page)
        for page in (
            serial_index,
            parallel_index,
        )
    ]
    # page20 comes first in the toctree, though Sphinx reads page03 first.
    assert links == [["page20.html#person-twice"], ["page20.html#person-twice"]]
    first = "links go to its first definition, as ed:person in page20, line 47"
    assert (
        serial_warnings
        == parallel_warnings
        == [
            f"page03.md:47: WARNING: ed:person twice is defined twice; {first} [edition.duplicate]",
            f"page11.md:47: WARNING: ed:person twice is defined twice; {first} [edition.duplicate]",
        ]
    )
