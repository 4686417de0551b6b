"""Sphinx configuration of the edition (built with sphinx-edition)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# The documentation's own helpers (tables generated from the extension's code).
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "The Sino-Soviet Split and the 1969 Border Crisis"
author = "The sphinx-edition editors"
copyright = "2026, the sphinx-edition editors; source text as printed in its source book"
version = release = "0.1"
language = "en"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "sphinx_edition",
    "edition_docs",
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
