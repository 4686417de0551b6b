"""The edition's open data: CSV and JSON tables, the data package, the ``data/`` folder, the
TEI document.

- :mod:`.tables`: a CSV and a JSON file per register and for the apparatus, and the CSV files
  that link them, every CSV cell neutralised against formula injection;
- :mod:`.datapackage`: ``datapackage.json``, the Frictionless description of every file;
- :mod:`.downloads`: the ``data/`` folder every HTML build writes, and ``ed:downloads``;
- :mod:`.tei`: the edition as one TEI P5 document, made page by page as the HTML pages are
  written (:mod:`.tei.cache`) and kept between builds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition.export.downloads import DownloadLinks, DownloadsDirective, write_data
from sphinx_edition.export.tei.cache import convert_bibliography, keep_part, start_writing

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def register(app: Sphinx) -> None:
    """The data downloads, the TEI parts kept as pages are written, and the TEI
    bibliography converted while the environment can keep it."""
    app.add_directive_to_domain("ed", "downloads", DownloadsDirective)
    app.add_post_transform(DownloadLinks)
    app.connect("build-finished", write_data)
    app.connect("env-updated", convert_bibliography)
    app.connect("write-started", start_writing)
    # Late, so that the part is made from the doctree as the page is written.
    app.connect("doctree-resolved", keep_part, priority=900)
