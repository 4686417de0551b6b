"""The ``ed`` domain: records collected per page, merged, checked, indexed and resolved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition.domain.anchors import after_reading, write_manifest
from sphinx_edition.domain.domain import EditionDomain
from sphinx_edition.domain.incremental import (
    pages_to_rewrite,
    reread_on_witness_change,
    restore_search_index,
)
from sphinx_edition.domain.memo import keep as keep_memo
from sphinx_edition.domain.memo import restore as restore_memo
from sphinx_edition.domain.references import warn_missing_reference

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def register(app: Sphinx) -> None:
    """The domain, its missing-reference warnings, what an incremental build re-reads, the
    search index's entries and the pure results kept across builds, and the anchor manifest
    written for a release."""
    app.add_domain(EditionDomain)
    app.connect("warn-missing-reference", warn_missing_reference)
    app.connect("env-get-outdated", reread_on_witness_change)
    app.connect("env-before-read-docs", restore_memo)
    app.connect("env-updated", pages_to_rewrite)
    app.connect("env-updated", restore_search_index)
    app.connect("env-updated", after_reading)
    app.connect("env-updated", keep_memo)
    app.connect("build-finished", write_manifest)
