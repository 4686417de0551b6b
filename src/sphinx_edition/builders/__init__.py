"""Builders of the edition's open data, and :func:`setup_open_data`, which registers it all.

- ``sphinx-build -b tei`` (:mod:`.tei`): the edition as one TEI P5 document;
- on every HTML build, ``data/`` with CSV, JSON and the TEI document
  (:mod:`.downloads`; the TEI made page by page as the pages are written, :mod:`.tei_cache`),
  listed by the ``ed:downloads`` directive;
- citation metadata and the "Cite this paragraph" control (:mod:`sphinx_edition.citation`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..citation import check_config, page_context
from .downloads import DownloadLinks, DownloadsDirective, write_data
from .tei import TeiBuilder
from .tei_cache import keep_part, start_writing

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["TeiBuilder", "setup_open_data"]


def setup_open_data(app: Sphinx) -> None:
    """Register the TEI builder, the data downloads and the citation metadata."""
    app.add_builder(TeiBuilder)
    app.add_directive_to_domain("ed", "downloads", DownloadsDirective)
    app.add_post_transform(DownloadLinks)
    app.connect("config-inited", check_config)
    app.connect("html-page-context", page_context)
    app.connect("build-finished", write_data)
    app.connect("write-started", start_writing)
    # Late, so that the part is made from the doctree as the page is written.
    app.connect("doctree-resolved", keep_part, priority=900)
