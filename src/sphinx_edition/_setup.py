"""Registers everything the extension provides; ``setup()`` does nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import config, writers
from .domain import EditionDomain, reread_on_witness_change, warn_missing_reference
from .nodes import paragraph_number, witness_paragraph, witness_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

STATIC = Path(__file__).parent / "static"

# Bump when the shape of the domain's data or of the nodes in pickled doctrees changes.
ENV_VERSION = 1


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("myst_parser")
    config.register(app)
    app.add_domain(EditionDomain)
    plain_container = (writers.visit_container_default, writers.depart_container_default)
    plain_inline = (writers.visit_inline_default, writers.depart_inline_default)
    app.add_node(
        witness_paragraph,
        html=(writers.visit_paragraph_html, writers.depart_paragraph_html),
        latex=(writers.visit_paragraph_latex, writers.depart_paragraph_latex),
        text=plain_container,
        man=plain_container,
        texinfo=plain_container,
    )
    app.add_node(
        paragraph_number,
        html=(writers.visit_number_html, writers.depart_number_html),
        latex=(writers.visit_number_latex, writers.depart_number_latex),
        text=(writers.visit_number_text, writers.depart_number_text),
        man=(writers.visit_number_text, writers.depart_number_text),
        texinfo=(writers.visit_number_text, writers.depart_number_text),
    )
    app.add_node(
        witness_text,
        html=plain_inline,
        latex=plain_inline,
        text=plain_inline,
        man=plain_inline,
        texinfo=plain_inline,
    )
    app.add_css_file("sphinx-edition.css")
    app.connect("builder-inited", add_static_path)
    app.connect("env-get-outdated", reread_on_witness_change)
    app.connect("warn-missing-reference", warn_missing_reference)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        # Both proven by tests/test_parallel.py: -j 2 gives the same output and warnings.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def add_static_path(app: Sphinx) -> None:
    """Serve the extension's own CSS from the site itself (no CDN)."""
    if app.builder.format == "html" and str(STATIC) not in app.config.html_static_path:
        app.config.html_static_path.append(str(STATIC))
