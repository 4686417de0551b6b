"""The HTML build's TEI, page by page: each page's part is made when the page is written.

The TEI download holds every transcribed page, but an incremental build writes only the pages
that changed.  Resolving every page again at the end (as ``-b tei`` does) would make a
one-word edit cost a whole build, so the part of each page (:class:`.tei.Part`) is made from
the doctree Sphinx has just resolved to write it (``doctree-resolved``, which runs in the main
process also with ``-j``), and kept in ``edition-tei.pickle`` beside the doctrees.  At
``build-finished`` the parts of the pages not written this time come from that file when they
are still current (:meth:`.tei.TeiContext.is_current`: the page was not read again, and what
it asked of the rest of the edition has the same answer); any other page is resolved again.
The parts of removed pages are dropped when the file is written again.
"""

from __future__ import annotations

import pickle
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_edition.domain.domain import edition_domain
from sphinx_edition.export.tei.context import Part, TeiContext
from sphinx_edition.export.tei.page import make_part
from sphinx_edition.export.tei.standoff import bibl
from sphinx_edition.markup import bibliography
from sphinx_edition.render.base import WEB_BUILDERS

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

CACHE_FILE = "edition-tei.pickle"
CACHE_FORMAT = 2
CACHING_BUILDERS = ("html", "dirhtml")
"""Builders that resolve each page on its own (``singlehtml`` resolves one joined tree)."""


@dataclass
class _Writing:
    context: TeiContext
    needed: set[str]
    parts: dict[str, Part] = field(default_factory=dict)


# Per builder and per build: made at ``write-started``, used up at ``build-finished``.  Not in
# the domain's data: parts hold XML trees, and they are output, not records of the sources.
_WRITING: weakref.WeakKeyDictionary[Builder, _Writing] = weakref.WeakKeyDictionary()


def convert_bibliography(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the TEI bibliography's fields and the sources' labels converted from
    LaTeX before the environment is pickled, so that the conversions are kept between builds
    (:mod:`sphinx_edition.domain.memo`); made while writing, they would be lost with the process
    and made again by every rebuild (a tenth of a second)."""
    if app.builder.name in WEB_BUILDERS and edition_domain(env).segments:
        bibliography.labels(env)
        for entry in bibliography.entries(env).values():
            bibl(entry)


def start_writing(app: Sphinx, builder: Builder) -> None:
    """``write-started``: get ready to keep the part of each page the build writes."""
    domain = edition_domain(app.env)
    _WRITING.pop(builder, None)
    if builder.name not in CACHING_BUILDERS or not domain.segments:
        return
    context = TeiContext(app.env, builder.get_target_uri)
    _WRITING[builder] = _Writing(context, set(context.needed()))


def keep_part(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` (after the other handlers): the part of a page being written."""
    writing = _WRITING.get(app.builder)
    if writing is not None and docname in writing.needed:
        writing.parts[docname] = make_part(writing.context, docname, doctree)


def _cache_key(builder: Builder) -> tuple[int, str]:
    return CACHE_FORMAT, builder.name


def parts_of_build(app: Sphinx) -> tuple[TeiContext, dict[str, Part]]:
    """At ``build-finished``: every part the TEI needs, made this build or kept from before,
    resolving only the pages that have neither; the kept parts are saved for the next build."""
    builder = app.builder
    writing = _WRITING.pop(builder, None)
    if writing is None:
        context = TeiContext(app.env, builder.get_target_uri)
        writing = _Writing(context, set(context.needed()))
    context = writing.context
    caching = builder.name in CACHING_BUILDERS
    path = Path(app.doctreedir) / CACHE_FILE
    kept = _load(path, _cache_key(builder)) if caching else {}
    parts: dict[str, Part] = {}
    for docname in context.needed():
        part = writing.parts.get(docname) or kept.get(docname)
        if part is None or not context.is_current(part):
            # The pages were resolved, and their warnings given, when they were written.
            with logging.suppress_logging():
                doctree = app.env.get_and_resolve_doctree(docname, builder, tags=builder.tags)
            part = make_part(context, docname, doctree)
        parts[docname] = part
    if caching:
        # Saved before the TEI is assembled: assembling moves the parts' elements.
        path.write_bytes(pickle.dumps((_cache_key(builder), parts), pickle.HIGHEST_PROTOCOL))
    return context, parts


def _load(path: Path, key: tuple[int, str]) -> dict[str, Part]:
    """The parts kept by the last build with the same builder; none if there are none."""
    try:
        found_key, parts = pickle.loads(path.read_bytes())
    except Exception:  # no file, or one from another version: start again
        return {}
    return parts if found_key == key and isinstance(parts, dict) else {}
