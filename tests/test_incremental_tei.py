"""The TEI download of an incremental build equals that of a fresh build.

The HTML build makes each page's part of ``data/edition.tei.xml`` when it writes the page and
keeps the parts of the others from the last build; these tests edit and remove pages of a
small synthetic edition and compare the result with a build from scratch.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from conftest import PROJECT, edit, sphinx_build

TEI = Path("html/data/edition.tei.xml")


def generated(folder: Path) -> Path:
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(PROJECT / "benchmarks"))
    edition, _ = generate(folder, 3)
    return Path(edition)


def build(srcdir: Path, out: Path, *extra: str) -> bytes:
    result = sphinx_build("-b", "html", "-q", *extra, "-d", out / "doctrees", srcdir, out / "html")
    assert result.returncode == 0, result.stderr[-3000:]
    return (out / TEI).read_bytes()


def fresh(srcdir: Path, out: Path) -> bytes:
    shutil.rmtree(out, ignore_errors=True)
    return build(srcdir, out, "-E")


def test_editing_a_note_gives_the_tei_of_a_fresh_build(tmp_path: Path) -> None:
    srcdir = generated(tmp_path / "project")
    before = build(srcdir, tmp_path / "kept")
    assert (tmp_path / "kept/doctrees/edition-tei.pickle").is_file()
    article = srcdir / "articles/a0000.md"
    note = article.read_text(encoding="utf-8").split(":category: typographical\n\n", 1)[1]
    words = note.splitlines()[0]
    edit(article, words, words.replace(" ", " edited ", 1))
    after = build(srcdir, tmp_path / "kept")
    assert after != before
    assert b" edited " in after
    assert after == fresh(srcdir, tmp_path / "fresh")


def test_a_removed_page_leaves_the_tei(tmp_path: Path) -> None:
    srcdir = generated(tmp_path / "project")
    before = build(srcdir, tmp_path / "kept")
    assert b"a0002" in before
    (srcdir / "articles/a0002.md").unlink()
    edit(srcdir / "index.md", "articles/a0002\n", "")
    after = build(srcdir, tmp_path / "kept")
    assert b"a0002" not in after
    assert after == fresh(srcdir, tmp_path / "fresh")


def test_parallel_build_gives_the_same_tei(tmp_path: Path) -> None:
    srcdir = generated(tmp_path / "project")
    assert build(srcdir, tmp_path / "parallel", "-j", "2") == fresh(srcdir, tmp_path / "serial")
