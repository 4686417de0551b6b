"""Registers everything the extension provides; ``setup()`` does nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import config, writers
from .assets import page_assets, serve_static
from .builders import setup_open_data
from .cards import write_cards
from .domain import EditionDomain, warn_missing_reference
from .incremental import pages_to_rewrite, reread_on_witness_change
from .nodes import (
    apparatus,
    backrefs,
    correction,
    date_mention,
    duration_claim,
    editorial_note,
    lemma,
    mention,
    note_body,
    note_ref,
    paragraph_number,
    register,
    register_entry,
    sequence_claim,
    timeline,
    witness_paragraph,
    witness_text,
)
from .notes import PlaceLemmas, strip_editorial_from_titles
from .report import EditionCheckBuilder, log_summary
from .transforms import (
    ApparatusTable,
    BackReferences,
    FootnoteNotes,
    JsonLd,
    ReadingSwitch,
    StaticNotes,
    Timeline,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

    Visitors = tuple[Callable[..., None], Callable[..., None] | None]

__version__ = "0.1.0"

# Bump when the shape of the domain's data or of the nodes in pickled doctrees changes.
ENV_VERSION = 4

READING_PREFERENCE = (
    "try{if(localStorage.getItem('ed-reading')==='corrected')"
    "document.documentElement.dataset.edReading='corrected'}catch(e){}"
)

_BUILDERS = ("html", "latex", "text", "man", "texinfo")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    config.register(app)
    app.add_domain(EditionDomain)

    container = (writers.visit_container_default, writers.depart_container_default)
    inline = (writers.visit_inline_default, writers.depart_inline_default)
    number_text = (writers.visit_number_text, writers.depart_number_text)
    skip = (writers.skip, None)

    def add_node(node: type[Element], default: Visitors, **special: Visitors) -> None:
        """Register *node* with *default* visitors for every builder but those in *special*."""
        app.add_node(node, **{**dict.fromkeys(_BUILDERS, default), **special})  # type: ignore[arg-type]

    add_node(
        witness_paragraph,
        container,
        html=(writers.visit_paragraph_html, writers.depart_paragraph_html),
        latex=(writers.visit_paragraph_latex, writers.depart_paragraph_latex),
    )
    add_node(
        paragraph_number,
        number_text,
        html=(writers.visit_number_html, writers.depart_number_html),
        latex=(writers.visit_number_latex, writers.depart_number_latex),
    )
    add_node(date_mention, inline, html=(writers.visit_date_html, writers.depart_date_html))
    add_node(mention, inline, html=(writers.visit_mention_html, writers.depart_mention_html))
    for inline_node in (witness_text, duration_claim, sequence_claim):
        add_node(inline_node, inline)
    for block in (register_entry, register, backrefs, timeline, apparatus):
        add_node(block, container)
    add_node(
        editorial_note,
        container,
        html=(writers.visit_note_html, writers.depart_note_html),
        latex=(writers.visit_note_latex, writers.depart_note_latex),
    )
    add_node(
        note_ref,
        number_text,
        html=(writers.visit_note_ref_html, writers.depart_note_ref_html),
        latex=skip,
    )
    add_node(
        lemma,
        inline,
        html=(writers.visit_lemma_html, writers.depart_lemma_html),
        latex=(writers.visit_lemma_latex, writers.depart_lemma_latex),
    )
    # Outside the web, the corrected reading stands only in the note.
    add_node(correction, skip, html=inline)
    add_node(
        note_body,
        container,
        html=(writers.visit_note_body_html, writers.depart_note_body_html),
    )

    app.add_transform(PlaceLemmas)
    # After Sphinx's collectors (priority 500) have copied the section titles.
    app.connect("doctree-read", strip_editorial_from_titles, priority=900)
    for transform in (
        BackReferences,
        Timeline,
        JsonLd,
        ApparatusTable,
        ReadingSwitch,
        FootnoteNotes,
        StaticNotes,
    ):
        app.add_post_transform(transform)
    app.add_css_file("sphinx-edition.css")
    app.add_js_file("sphinx-edition.js", loading_method="defer")
    # Applied in the head, before the page is drawn, so that a reader who chose the corrected
    # reading does not see the printed one flash first.
    app.add_js_file(None, body=READING_PREFERENCE)
    app.connect("builder-inited", serve_static)
    app.connect("html-page-context", page_assets)
    app.connect("env-get-outdated", reread_on_witness_change)
    app.connect("env-updated", pages_to_rewrite)
    app.connect("warn-missing-reference", warn_missing_reference)
    app.add_builder(EditionCheckBuilder)
    app.connect("build-finished", log_summary)
    app.connect("build-finished", write_cards)
    setup_open_data(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        # Both proven by tests/test_parallel.py: -j 2 gives the same output and warnings.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
