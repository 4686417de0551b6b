"""Sphinx configuration of the edition (built with sphinx-edition)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

project = "The Sino-Soviet Split and the 1969 Border Crisis"
author = "The sphinx-edition editors"
copyright = (
    "2026, the sphinx-edition editors: notes, registers, glossary and data under CC BY 4.0; "
    "the text as printed in its source book, whose rights are its own"
)
version = release = "0.1"
language = "en"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "sphinx_edition",
    # Being found and cited across releases (each optional; see "Publishing a release" in
    # editors.md): sitemap.xml, OpenGraph meta tags, a 404 page, redirects of moved pages.
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "notfound.extension",
    "sphinx_reredirects",
]

# Sources: author-year citations from refs.bib, listed on the bibliography page.
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
bibtex_default_style = "plain"
# The hover cards show each reference in full (sphinx-edition), so the links need no tooltip
# repeating it: on the text page those tooltips were a sixth of the HTML.
bibtex_tooltips = False

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The witness: the source text, byte for byte.  The build compares the edition with it.
edition_witness = "../seeds/000_8d8ba7836c4055b4.txt"

# How the edition describes itself: citations, meta tags, the data files and the TEI header.
# On Read the Docs each version is cited at its own address.
edition_title = "The Sino-Soviet Split and the 1969 Border Crisis: An Annotated Critical Edition"
edition_editors = ["the sphinx-edition editors"]
edition_url = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://sphinx-edition.readthedocs.io/en/latest/"
)
edition_year = "2026"
edition_source = "wars20c"  # the printed source, from refs.bib
edition_principles = "principles"
# The editorial matter and the data; the witness is not the editors' to license (about.md).
edition_license = "CC-BY-4.0"

# Every anchor the last release published; each build warns about one that is gone.  Written
# for a release with `sphinx-build -D edition_anchors_update=1` (see editors.md).
edition_anchors = "anchors.json"
# Where anchors of earlier releases went: "old-page": "new-page", "page#old-id": "page#new-id".
edition_redirects: dict[str, str] = {}

# sitemap.xml: each page's address, and the date of its last commit (lastmod, from Git with
# sphinx-last-updated-by-git).  Read the Docs clones shallowly, and a clone too shallow for a
# page's date is a warning that fails the build: .readthedocs.yaml fetches the whole history
# first, and any checkout that still lacks it (a shallow CI clone, a copy of the sources
# without Git) gets a sitemap without dates instead of a failed build.


def _whole_git_history() -> bool:
    try:
        answer = subprocess.run(
            ["git", "rev-parse", "--is-shallow-repository"],
            cwd=Path(__file__).parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return False
    return answer == "false"


html_baseurl = edition_url
sitemap_url_scheme = "{link}"
sitemap_show_lastmod = _whole_git_history()
sitemap_excludes = ["search.html", "404.html"]

# OpenGraph tags for link previews; no social-card images (they are drawn with matplotlib at
# build time, and the text needs none).
ogp_site_url = edition_url
ogp_site_name = "The Sino-Soviet Split and the 1969 Border Crisis"
ogp_social_cards = {"enable": False}

# The 404 page: its links must work from any missing address, so they start at the site's
# root path (on Read the Docs, /<language>/<version>/ of the version being served).
notfound_urls_prefix = (
    f"/{os.environ['READTHEDOCS_LANGUAGE']}/{os.environ['READTHEDOCS_VERSION']}/"
    if os.environ.get("READTHEDOCS_VERSION") and os.environ.get("READTHEDOCS_LANGUAGE")
    else "/"
)
notfound_context = {
    "title": "Page not found",
    "body": "<h1>Page not found</h1><p>There is no page at this address. The edition's "
    f"text is on <a href='{notfound_urls_prefix}text.html'>its own page</a>; every "
    "paragraph, note and register entry keeps its address from one release to the next.</p>",
}

exclude_patterns = ["_build"]
root_doc = "index"

html_theme = "furo"
html_title = "The Sino-Soviet Split and the 1969 Border Crisis"
html_short_title = "Sino-Soviet Split: an edition"
html_static_path: list[str] = []
# The edition's mark, a pilcrow: browsers ask for an icon, and without one get a 404.
html_favicon = "_static/favicon.svg"
html_show_sourcelink = False
html_copy_source = False

latex_engine = "xelatex"
latex_documents = [
    (
        root_doc,
        "sino-soviet-split-edition.tex",
        "The Sino-Soviet Split and the 1969 Border Crisis",
        "An annotated edition",
        "howto",
    ),
]
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
}

epub_title = project
epub_author = author
epub_publisher = "sphinx-edition"
epub_copyright = copyright
epub_basename = "sino-soviet-split-edition"
epub_show_urls = "no"
# Checked by DAISY Ace in the tests (tests/test_epub.py), which fail if it does not conform.
edition_epub_conformance = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
