"""Repairs to the HTML that Sphinx, docutils and the theme write, so that every page of an edition
passes the WCAG 2.1 A/AA rules (axe) as a reader with assistive technology meets it.

Each belongs upstream, where it is noted; until then the edition mends the page's markup on
``html-page-context``, before the theme renders it:

- Sphinx writes a toctree's caption as ``<p class="caption" role="heading">`` without the
  ``aria-level`` that the heading role requires (``sphinx/writers/html5.py``,
  ``HTML5Translator.visit_title``); the sidebar of every page shows these captions, and a page
  with a captioned toctree in its body too.  They get ``aria-level="2"``: they head the parts
  of a table of contents under the page's title.
- docutils writes each citation (sphinxcontrib-bibtex's entries) as ``role="doc-biblioentry"``
  inside ``role="list"`` (``docutils/writers/_html_base.py``, ``visit_citation``); DPub-ARIA 1.1
  deprecates that role and a list needs list items, so they become ``role="listitem"``.
- A code block wider than the page scrolls sideways, which a keyboard cannot do unless the
  block can take the focus (``sphinx/writers/html5.py``, ``visit_literal_block``, writes the
  ``<pre>`` of Pygments' output): it gets ``tabindex="0"``; so does the box Furo puts around a
  table (``furo``'s table wrapper), which scrolls the same way.
- Sphinx writes the page's language as ``lang="zh_CN"`` (``themes/basic/layout.html`` takes
  ``language`` as it is configured) and the EPUB's ``dc:language`` the same way
  (``epub_language`` defaults to ``language``); a language tag (BCP 47, which HTML, EPUB and
  WCAG 3.1.1 ask for) is ``zh-CN``.  The page's context and, when the editor has not set it
  apart, ``epub_language`` get the tag (:func:`language_tag`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

CAPTION = '<p class="caption" role="heading">'
CAPTION_FIXED = '<p class="caption" role="heading" aria-level="2">'
BIBLIOENTRY = re.compile(r'(<div class="citation" id="[^"]*") role="doc-biblioentry">')
HIGHLIGHTED = '<div class="highlight"><pre>'
HIGHLIGHTED_FIXED = '<div class="highlight"><pre tabindex="0">'
# Furo wraps each table in a box that scrolls sideways when the table is wider than the page.
TABLE_WRAPPER = '<div class="table-wrapper'
TABLE_WRAPPER_FIXED = '<div tabindex="0" class="table-wrapper'


def mend(html: str) -> str:
    """*html* with the repairs of this module's docstring."""
    html = html.replace(CAPTION, CAPTION_FIXED)
    html = BIBLIOENTRY.sub(r'\1 role="listitem">', html)
    html = html.replace(HIGHLIGHTED, HIGHLIGHTED_FIXED)
    return html.replace(TABLE_WRAPPER, TABLE_WRAPPER_FIXED)


def _mended(render: Callable[..., str]) -> Callable[..., str]:
    def toctree(**kwargs: Any) -> str:
        return mend(render(**kwargs))

    return toctree


def accessible_markup(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: mend the page's body and every table of contents the theme
    renders from it (``toctree()``, as Furo's sidebar does)."""
    if isinstance(context.get("body"), str):
        context["body"] = mend(context["body"])
    render = context.get("toctree")
    if callable(render):
        context["toctree"] = _mended(render)


def language_tag(language: str | None) -> str | None:
    """*language* as a BCP 47 tag: Sphinx's ``zh_CN`` is ``zh-CN``."""
    return language.replace("_", "-") if language else language


def page_language(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the page's ``lang`` as a language tag."""
    context["language"] = language_tag(context.get("language"))


def epub_language(app: Any, config: Any) -> None:
    """``config-inited``: ``epub_language`` as a language tag, unless the editor gave one."""
    if config.epub_language == config.language:
        config.epub_language = language_tag(config.language)


def mend_not_found_page(app: Any, exception: BaseException | None) -> None:
    """``build-finished``: mend the 404 page of sphinx-notfound-page as it was written.

    That extension gives its page a ``toctree()`` of its own in a handler that runs after
    :func:`accessible_markup`, so the theme's sidebar on it escapes the mending there.
    """
    name = getattr(app.config, "notfound_pagename", None)
    if exception is not None or not name or app.builder.format != "html":
        return
    page = Path(app.outdir) / f"{name}{app.builder.out_suffix}"
    if page.is_file():
        text = page.read_text(encoding="utf-8")
        mended = mend(text)
        if mended != text:
            page.write_text(mended, encoding="utf-8")
