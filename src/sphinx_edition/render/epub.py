"""The EPUB's accessibility: what it declares (EPUB Accessibility 1.1, schema.org metadata in
``content.opf``) and two repairs to the files Sphinx writes, so that DAISY Ace finds nothing.

Sphinx's EPUB theme writes ``<html>`` without ``lang`` (``sphinx/themes/epub/layout.html``,
block ``htmltag``) and its navigation document writes ``<nav epub:type="toc">`` without the
``doc-toc`` role (``sphinx/templates/epub3/nav.xhtml.jinja``); both belong upstream.  The
builder has zipped the book when ``build-finished`` runs: the files are mended in the build
folder and the book is zipped again, by the builder's own ``build_epub``.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from sphinx_edition.core.edition import edition
from sphinx_edition.core.words import N_
from sphinx_edition.locale import _
from sphinx_edition.render.accessible import language_tag

# What the extension writes, whatever the edition's words: text with structure, a table of
# contents, an index, the notes in reading order after their paragraphs, nothing that moves.
# Translators: the EPUB's accessibility summary, for readers' software; {title} is the
# edition's title.
SUMMARY = N_(
    "{title}. The text is given as printed, in numbered paragraphs, each followed by its "
    "editorial notes; registers of people, events, places and organisations, a glossary, a "
    "timeline and a critical apparatus follow, linked to and from the text. Headings, lists, "
    "tables and links give the book its structure; it has a table of contents and an index. "
    "There is no sound, animation or flashing content."
)
FEATURES = ("structuralNavigation", "tableOfContents", "index", "readingOrder")
HTML_TAG = re.compile(r"<html(?![^>]*\blang=)([^>]*)>")
NAV_TOC = '<nav epub:type="toc">'


def metadata(app: Any) -> str:
    """The ``<meta>`` elements of the EPUB's accessibility, for ``content.opf``."""
    info = edition(app.config)
    summary = app.config.edition_epub_accessibility_summary or _(SUMMARY).format(title=info.title)
    items = [
        ("schema:accessMode", "textual"),
        ("schema:accessModeSufficient", "textual"),
        *(("schema:accessibilityFeature", feature) for feature in FEATURES),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", " ".join(summary.split())),
    ]
    conformance = app.config.edition_epub_conformance
    if conformance:
        items.append(("dcterms:conformsTo", conformance))
        items += [("a11y:certifiedBy", name) for name in info.editors]
    return "".join(
        f'\n    <meta property="{name}">{escape(value, quote=False)}</meta>'
        for name, value in items
    )


def accessible_epub(app: Any, exception: BaseException | None) -> None:
    """``build-finished``: declare the EPUB's accessibility, mend its files, zip it again."""
    if exception is not None or app.builder.name != "epub":
        return
    out = Path(app.outdir)
    opf = out / "content.opf"
    if not opf.is_file():
        return
    text = opf.read_text(encoding="utf-8")
    if "schema:accessMode" not in text:
        opf.write_text(
            text.replace("\n  </metadata>", metadata(app) + "\n  </metadata>", 1), "utf-8"
        )
    language = escape(app.config.epub_language or language_tag(app.config.language) or "en")
    for page in out.rglob("*.xhtml"):
        markup = page.read_text(encoding="utf-8")
        mended = HTML_TAG.sub(rf'<html\1 lang="{language}" xml:lang="{language}">', markup, 1)
        mended = mended.replace(NAV_TOC, '<nav epub:type="toc" role="doc-toc">')
        if mended != markup:
            page.write_text(mended, encoding="utf-8")
    app.builder.build_epub()
