"""The extension's builders: ``-b tei`` (the TEI document) and ``-b edition-check`` (the report)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition.builders.check import EditionCheckBuilder, log_summary, read_everything
from sphinx_edition.builders.tei import TeiBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def register(app: Sphinx) -> None:
    """Both builders, the checker's summary at the end of every HTML build, and a full read
    for the report."""
    app.add_builder(TeiBuilder)
    app.add_builder(EditionCheckBuilder)
    app.connect("build-finished", log_summary)
    app.connect("env-get-outdated", read_everything)
