"""The theme's table of contents is rendered once for the pages no toctree lists, and every
page is written exactly as when each renders its own (``sphinx_edition.render.sidebar``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

# One build in a fresh process: how often Sphinx rendered the table of contents, and, when
# told, with the sharing switched off (every page then renders its own).
PROBE = """
import json, sys
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.cmd.build import build_main
from sphinx_edition.render import sidebar
renders = []
original = StandaloneHTMLBuilder._get_local_toctree
def counted(self, docname, *args, **kwargs):
    renders.append(docname)
    return original(self, docname, *args, **kwargs)
StandaloneHTMLBuilder._get_local_toctree = counted
if sys.argv[1] == "unshared":
    sidebar._listed = lambda env, pagename: True
status = build_main(sys.argv[2:])
print(json.dumps({"status": status, "renders": renders}))
"""


def _build(mode: str, *args: str | Path) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, mode, *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["status"] == 0, result.stderr[-3000:]
    return found


def _pages(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.html"))}


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_pages_outside_the_toctree_share_one_rendering(
    copy_root: Any, tmp_path: Path, builder: str
) -> None:
    source = copy_root("registers")
    # sphinx-notfound-page gives its 404 page a renderer of its own (absolute links).
    extensions = "extensions=sphinx_edition,notfound.extension"
    options = ("-b", builder, "-q", "-D", "html_theme=furo", "-D", extensions)
    unshared = _build("unshared", *options, source, tmp_path / "unshared")
    shared = _build("shared", *options, source, tmp_path / "shared")
    # The register indexes and the general index are in no toctree: with the sharing, the
    # pages of one folder render the table once between them (the web pages' builder puts
    # them in one folder; dirhtml gives each its own, so there each renders its own); the
    # documents still each render their own.
    outside = ("genindex", "ed-person", "ed-place")
    assert all(unshared["renders"].count(page) == 1 for page in outside), unshared
    once = sum(shared["renders"].count(page) for page in outside)
    assert once == (1 if builder == "html" else len(outside)), shared
    documents = [page for page in unshared["renders"] if (source / f"{page}.md").is_file()]
    missing = [page for page in documents if page not in shared["renders"]]
    assert documents
    assert not missing, (missing, unshared["renders"], shared["renders"])
    pages = _pages(tmp_path / "shared")
    assert {"404.html", "ed-person.html"} <= set(pages) or "ed-person/index.html" in pages
    assert pages == _pages(tmp_path / "unshared")
