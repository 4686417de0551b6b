"""From resolved doctrees to pages: visitors per builder, post-transforms per format, assets.

Every custom node gets visitors for html, latex, text, man and texinfo (:mod:`.visitors`);
what differs by format is done in post-transforms limited by ``builders=``: back-references,
timeline, apparatus and notes (:mod:`.backrefs`, :mod:`.timeline`, :mod:`.apparatus`,
:mod:`.notes`), JSON-LD (:mod:`.jsonld`); the web pages' files (:mod:`.assets`), hover cards
(:mod:`.cards`) and citation metadata (:mod:`.citation`); the changelog of notes
(:mod:`.changes`) and the fragment redirects of renamed ids (:mod:`.redirects`); the words
of all of them, and of the scripts, in the edition's language (:mod:`.words`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_edition.markup import nodes as ed
from sphinx_edition.render import visitors as v
from sphinx_edition.render.accessible import (
    accessible_markup,
    epub_language,
    mend_not_found_page,
    page_language,
)
from sphinx_edition.render.apparatus import ApparatusTable
from sphinx_edition.render.assets import page_assets, serve_static
from sphinx_edition.render.backrefs import BackReferences
from sphinx_edition.render.cards import write_cards
from sphinx_edition.render.changes import ChangesList
from sphinx_edition.render.citation import check_config, page_context
from sphinx_edition.render.entries import EntryCards
from sphinx_edition.render.epub import accessible_epub
from sphinx_edition.render.jsonld import JsonLd
from sphinx_edition.render.notes import FootnoteNotes, NoteHeads, ReadingSwitch, StaticNotes
from sphinx_edition.render.redirects import keep_pages, page_redirects
from sphinx_edition.render.sidebar import forget_rendered, shared_toctree
from sphinx_edition.render.survey import Survey
from sphinx_edition.render.timeline import Timeline
from sphinx_edition.render.words import page_words

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.application import Sphinx

    Visitors = tuple[Callable[..., None], Callable[..., None] | None]

BUILDERS = ("html", "latex", "text", "man", "texinfo")

POST_TRANSFORMS = (
    Survey,
    NoteHeads,
    EntryCards,
    BackReferences,
    Timeline,
    JsonLd,
    ApparatusTable,
    ReadingSwitch,
    FootnoteNotes,
    StaticNotes,
    ChangesList,
)
"""What is filled in once every page is read, each limited to the formats it serves."""


def register(app: Sphinx) -> None:
    """Nodes and their visitors, post-transforms, the site's files and page metadata."""
    register_nodes(app)
    for transform in POST_TRANSFORMS:
        app.add_post_transform(transform)
    app.add_css_file("sphinx-edition.css")
    app.add_js_file("sphinx-edition.js", loading_method="defer")
    app.connect("config-inited", check_config)
    app.connect("builder-inited", serve_static)
    app.connect("html-page-context", page_assets)
    # Before the theme's own handler (Furo's, at the default 500), which renders the sidebar.
    # Before accessible_markup, which mends what it renders.
    app.connect("html-page-context", shared_toctree, priority=350)
    app.connect("html-page-context", accessible_markup, priority=400)
    app.connect("write-started", forget_rendered)
    app.connect("html-page-context", page_language)
    app.connect("config-inited", epub_language)
    app.connect("html-page-context", page_context)
    app.connect("html-page-context", page_words)
    # Before page_assets, which gives the page a list of scripts of its own.
    app.connect("html-page-context", page_redirects, priority=400)
    app.connect("html-collect-pages", keep_pages, priority=400)
    app.connect("build-finished", write_cards)
    app.connect("build-finished", accessible_epub)
    app.connect("build-finished", mend_not_found_page)


def register_nodes(app: Sphinx) -> None:
    """Every node of the extension, with visitors for every builder (and docutils' inline,
    for the web page's citations)."""
    app.add_node(nodes.inline, override=True, html=(v.visit_inline_html, v.depart_inline_html))
    container = (v.visit_container_default, v.depart_container_default)
    inline = (v.visit_inline_default, v.depart_inline_default)
    number_text = (v.visit_number_text, v.depart_number_text)
    skip = (v.skip, None)

    def add_node(node: type[Element], default: Visitors, **special: Visitors) -> None:
        """Register *node* with *default* visitors for every builder but those in *special*."""
        app.add_node(node, **{**dict.fromkeys(BUILDERS, default), **special})  # type: ignore[arg-type]

    add_node(
        ed.witness_paragraph,
        container,
        html=(v.visit_paragraph_html, v.depart_paragraph_html),
        latex=(v.visit_paragraph_latex, v.depart_paragraph_latex),
    )
    add_node(
        ed.paragraph_number,
        number_text,
        html=(v.visit_number_html, v.depart_number_html),
        latex=(v.visit_number_latex, v.depart_number_latex),
    )
    add_node(
        ed.plain_link,
        (v.visit_as_reference, v.depart_as_reference),
        html=(v.visit_plain_link_html, v.depart_plain_link_html),
    )
    add_node(ed.date_mention, inline, html=(v.visit_date_html, v.depart_date_html))
    add_node(
        ed.mention,
        inline,
        html=(v.visit_mention_html, v.depart_mention_html),
        latex=(v.visit_mention_latex, v.depart_inline_default),
    )
    for inline_node in (ed.witness_text, ed.unmarked, ed.duration_claim, ed.sequence_claim):
        add_node(inline_node, inline)
    add_node(ed.register_entry, container, latex=(v.visit_entry_latex, v.depart_container_default))
    for block in (ed.register, ed.backrefs, ed.timeline, ed.apparatus):
        add_node(block, container)
    # Made for the HTML builders only (render.backrefs.draws_lists), and drawn by one visitor.
    add_node(ed.backref_list, skip, html=(v.visit_backref_list_html, None))
    add_node(
        ed.editorial_note,
        container,
        html=(v.visit_note_html, v.depart_note_html),
        latex=(v.visit_note_latex, v.depart_note_latex),
    )
    add_node(
        ed.note_ref,
        number_text,
        html=(v.visit_note_ref_html, v.depart_note_ref_html),
        latex=skip,
    )
    add_node(
        ed.lemma,
        inline,
        html=(v.visit_lemma_html, v.depart_lemma_html),
        latex=(v.visit_lemma_latex, v.depart_lemma_latex),
    )
    # Outside the web, the corrected reading stands only in the note.
    add_node(ed.correction, skip, html=inline)
    add_node(
        ed.note_body,
        container,
        html=(v.visit_note_body_html, v.depart_note_body_html),
    )
