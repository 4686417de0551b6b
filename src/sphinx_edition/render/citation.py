"""How to cite the edition: meta tags, JSON-LD and the "Cite this paragraph" control.

On every web page (``html-page-context``) the head gets a ``<meta name="description">`` (the
page's own ``description`` metadata, else its first paragraph of the editor's prose, else the
edition's title), Highwire Press ``citation_*`` meta tags
(which Zotero and Google Scholar read), a ``<link rel="cite-as">`` to the page's permanent
address and a link to the TEI document; the end of the body gets a schema.org JSON-LD
description of the edition and the page.  Pages with witness paragraphs also get the data from
which ``sphinx-edition.js`` puts a "cite" button beside each ¶ number; its dialog (``cite.js``,
served by the site itself) is loaded when a reader first presses one.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from docutils import nodes

from sphinx_edition.config import config_location
from sphinx_edition.core.edition import Edition, edition
from sphinx_edition.locale import _
from sphinx_edition.markup import bibliography
from sphinx_edition.markup.nodes import (
    editorial_note,
    register_entry,
    witness_paragraph,
)
from sphinx_edition.render.base import WEB_BUILDERS
from sphinx_edition.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

TEI_DOWNLOAD = "data/edition.tei.xml"


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: the edition's description must be usable in a citation."""
    url = config.edition_url
    if url:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.netloc or " " in url:
            _reject(app, config, "edition_url", f"{url!r} is not an http(s) address")
    year = str(config.edition_year)
    if year and not re.fullmatch(r"\d{4}", year):
        _reject(app, config, "edition_year", f"{year!r} is not a year of four digits")
    editors = config.edition_editors
    if any(not isinstance(name, str) or not name.strip() for name in editors):
        _reject(app, config, "edition_editors", "every editor must be a name (a non-empty str)")


def _reject(app: Sphinx, config: Config, name: str, problem: str) -> None:
    default = [] if name == "edition_editors" else ""
    warn(
        Subtype.CONFIG,
        f"{name}: {problem}; using {default!r}",
        config_location(app.confdir, name),
    )
    setattr(config, name, default)


def page_title(app: Sphinx, pagename: str, context: dict[str, Any]) -> str:
    title = app.env.titles.get(pagename)
    if title is not None:
        return " ".join(title.astext().split())
    return re.sub(r"<[^>]+>", "", str(context.get("title", "")))


def meta_tags(info: Edition, title: str, page_url: str, is_root: bool) -> list[str]:
    """The Highwire Press tags: a page is a section of the edition, as a book."""
    tags = [("citation_title", info.title if is_root else title)]
    if not is_root:
        tags.append(("citation_book_title", info.title))
    tags += [("citation_editor", name) for name in info.editors]
    if info.year:
        tags.append(("citation_publication_date", info.year))
    if info.language:
        tags.append(("citation_language", info.language))
    if page_url:
        tags.append(("citation_public_url", page_url))
    lines = [f'<meta name="{name}" content="{escape(value)}" />' for name, value in tags]
    if page_url:
        lines.append(f'<link rel="cite-as" href="{escape(page_url)}" />')
    if info.license_url:
        lines.append(f'<link rel="license" href="{escape(info.license_url)}" />')
    return lines


DESCRIPTION_LENGTH = 200  # characters: what search engines show of a description, and a little
# What is not the page's own prose about itself: the witness, notes, register entries.
NOT_A_SUMMARY = (witness_paragraph, editorial_note, register_entry)


def description(
    metadata: dict[str, Any], doctree: nodes.document | None, title: str, info: Edition
) -> str:
    """What the page is, in a sentence or two, for search engines and link previews."""
    given = metadata.get("description")
    if isinstance(given, str) and given.strip():
        return " ".join(given.split())
    for paragraph in doctree.findall(nodes.paragraph) if doctree is not None else ():
        if any(isinstance(a, NOT_A_SUMMARY) for a in _ancestors(paragraph)):
            continue
        text = " ".join(paragraph.astext().split())
        if text:
            return _shortened(text)
    return f"{title}: {info.title}" if title and title != info.title else info.title


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def _shortened(text: str) -> str:
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def json_ld(info: Edition, title: str, page_url: str, source: str) -> dict[str, Any]:
    """schema.org: the edition as a Book, and the page as part of it."""
    book: dict[str, Any] = {"@type": "Book", "name": info.title, "inLanguage": info.language}
    if info.url:
        book["@id"] = f"{info.url}#edition"
        book["url"] = info.url
    book["editor"] = [_schema_person(name) for name in info.editors]
    if info.year:
        book["datePublished"] = info.year
    if info.version:
        book["version"] = info.version
    if source:
        book["isBasedOn"] = {"@type": "CreativeWork", "name": source}
    if info.license_url or info.license:
        book["license"] = info.license_url or info.license
    page: dict[str, Any] = {"@type": "WebPage", "name": title, "isPartOf": book}
    if page_url:
        page["@id"] = page_url
        page["url"] = page_url
    return {"@context": "https://schema.org", **page}


def _schema_person(name: str) -> dict[str, str]:
    family, comma, given = name.partition(",")
    if comma and given.strip():
        return {"@type": "Person", "familyName": family.strip(), "givenName": given.strip()}
    return {"@type": "Organization", "name": name}


def cite_data(info: Edition, title: str, page_url: str) -> dict[str, Any]:
    """What cite.js formats citations from."""
    return {
        "title": info.title,
        "editors": list(info.editors),
        "year": info.year,
        "version": info.version,
        "language": info.language,
        "url": info.url,
        "license": info.license_url or info.license,
        "page": {"title": title, "url": page_url},
    }


def json_script(kind: str, data: dict[str, Any], element_id: str = "") -> str:
    """*data* as a ``<script>`` element of type *kind*: JSON, safe whatever its strings say."""
    # No "<" at all: "<!--" or "</script" in a title must not end or escape the script.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    ident = f' id="{element_id}"' if element_id else ""
    return f'<script type="{kind}"{ident}>\n{text}\n</script>'


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: the citation metadata of every page, the cite control of the
    pages with paragraphs."""
    if app.builder.name not in WEB_BUILDERS:
        return
    info = edition(app.config)
    title = page_title(app, pagename, context)
    page_url = info.page_url(app.builder.get_target_uri(pagename))
    is_root = pagename == app.config.root_doc
    lines = meta_tags(info, title, page_url, is_root)
    if 'name="description"' not in context.get("metatags", ""):  # the editor's own meta tag
        metadata = app.env.metadata.get(pagename, {})
        summary = description(metadata, doctree, title, info)
        lines.insert(0, f'<meta name="description" content="{escape(summary)}" />')
    pathto = context.get("pathto")
    if callable(pathto):
        href = pathto(TEI_DOWNLOAD, 1)
        tei = escape(_("The edition in TEI P5"))
        lines.append(
            f'<link rel="alternate" type="application/tei+xml" href="{escape(href)}" '
            f'title="{tei}" />'
        )
    source = bibliography.title(app.env, info.source)
    described = json_script("application/ld+json", json_ld(info, title, page_url, source))
    if isinstance(context.get("body"), str):
        # After the page's own JSON-LD (a register's entries), which stays the first.
        context["body"] += described + "\n"
    else:
        lines.append(described)
    if doctree is not None and any(True for _ in doctree.findall(witness_paragraph)):
        # sphinx-edition.js puts a "cite" button beside each ¶ number and loads the dialog
        # (cite.js, cite.css) when one is first pressed.
        lines.append(
            json_script("application/json", cite_data(info, title, page_url), "ed-cite-data")
        )
    context["metatags"] = context.get("metatags", "") + "\n".join(lines) + "\n"
