"""Parallel builds: ``-j 2`` gives the same pages and the same warnings as ``-j 1``."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.util.console import strip_escape_sequences

from conftest import ROOTS, sphinx_build


def build(srcdir: Path, out: Path, jobs: str) -> tuple[dict[str, str], list[str]]:
    result = sphinx_build("-b", "html", "-j", jobs, "-d", out / "doctrees", srcdir, out / "html")
    assert result.returncode == 0, result.stderr
    pages = {page.name: page.read_text(encoding="utf-8") for page in (out / "html").glob("*.html")}
    warnings = sorted(
        line.replace(str(srcdir) + "/", "")
        for line in strip_escape_sequences(result.stderr).splitlines()
        if "WARNING" in line
    )
    return pages, warnings


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-parallel", srcdir)
    serial_pages, serial_warnings = build(srcdir, tmp_path / "serial", "1")
    parallel_pages, parallel_warnings = build(srcdir, tmp_path / "parallel", "2")
    assert serial_pages.keys() == parallel_pages.keys()
    for name, page in serial_pages.items():
        assert parallel_pages[name] == page, name
    # The witness check runs on the merged data: one located warning in both builds.
    assert (
        serial_warnings
        == parallel_warnings
        == [
            "four.md:4: WARNING: ¶4 differs from the witness: 'ü' became 'u': witness has "
            "'…ess, with “quotes” and Lüshun in it.', edition has "
            "'…ess, with “quotes” and Lushun in it.' [edition.witness]"
        ]
    )
    # Cross-page paragraph links resolve in both.
    assert 'href="five.html#p5"' in parallel_pages["four.html"]
