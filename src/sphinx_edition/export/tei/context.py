"""What the TEI of every page needs from the whole edition, and the part each page yields.

:class:`TeiContext` is made once per build from the ``ed`` domain and the bibliography; a
:class:`Part` is one page's TEI and what it was made from, plain data that the HTML build keeps
between builds (:mod:`.cache`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_edition.config import note_categories
from sphinx_edition.core.edition import Edition, edition
from sphinx_edition.domain.domain import edition_domain
from sphinx_edition.export.tei.standoff import bibl_id
from sphinx_edition.export.tei.xml import (
    xml_name,
)
from sphinx_edition.markup import bibliography
from sphinx_edition.markup.paragraphs import paragraph_id
from sphinx_edition.warnings import Subtype

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

TEI_FILE = "edition.tei.xml"
SAFE_SCHEMES = {"http", "https", "mailto"}
ORDER = "ed-order"
"""A part's own attribute on an element that wants an id, until :func:`assemble` checks it."""

Resolve = Callable[[str], nodes.document]
"""Gives the resolved doctree of a document."""

Location = str | tuple[str | None, int | None]
Problem = tuple[Subtype, str, "Location | nodes.Node"]
"""A warning for the caller to emit (the HTML build resolves doctrees with logging off)."""

Question = tuple[str, str, str]
"""What a page asks of the whole edition: ("known", id, ""), ("entry", id, kind),
("term", term, ""), ("cite", citation id, "") or ("label", bibliography key, "")."""

Event = tuple[Subtype | None, str, str, Location]
"""In a part, in document order: (None, order, id, location) where an element wants an id,
(subtype, message, "", location) for any other problem."""


@dataclass(frozen=True)
class Part:
    """The TEI of one page, and what it was made from, so that it can be kept and checked."""

    docname: str
    read: int  # the environment's reading time of the page when the part was made
    page: str  # the page's URL, for links that leave the TEI
    blocks: tuple[ET.Element, ...]  # the <p>s and <div>s of the body, for a transcribed page
    events: tuple[Event, ...]
    answers: tuple[tuple[Question, str], ...]
    principles: tuple[ET.Element, ...]  # for the editorial principles page
    definitions: tuple[tuple[str, str], ...]  # (term anchor, definition) for a glossary page


class TeiContext:
    """What the TEI of every page needs from the whole edition; made once per build."""

    def __init__(self, env: BuildEnvironment, page_uri: Callable[[str], str]):
        self.env = env
        self.page_uri = page_uri  # a page's URI relative to the site's root
        self.info: Edition = edition(env.config)
        self.categories = note_categories(env.config)
        self.domain = edition_domain(env)
        self.bibliography = bibliography.entries(env)
        self.citation_keys = bibliography.citation_ids(env)
        self.labels = bibliography.labels(env)
        self.known = self._local_ids()
        self.term_anchors = self._term_anchors()
        # Asked for each page written: worked out from every paragraph once, not per page.
        self._transcription = self._transcription_docnames()

    def _local_ids(self) -> set[str]:
        """Every id the document will hold, so that links to them become local pointers."""
        known = {paragraph_id(s.paragraph) for s in self.domain.segments if s.paragraph}
        known.update(e.anchor for e in self.domain.all_entries())
        known.update(xml_name(t.anchor) for t in self.domain.terms if t.anchor)
        for note in self.domain.notes:
            known.update((note.anchor, f"lemma-{note.anchor.removeprefix('note-')}"))
        known.update(bibl_id(key) for key in self.labels)
        return known

    def _term_anchors(self) -> dict[str, str]:
        """The anchor of each term, as its first definition gives it."""
        anchors: dict[str, str] = {}
        for defined in self.domain.terms:
            anchors.setdefault(defined.term, defined.anchor)
        return anchors

    def answer(self, question: Question) -> str:
        """The answer to a page's question; "" for no (no such id, entry, term or key)."""
        what, name, kind = question
        if what == "known":
            return "1" if name in self.known else ""
        if what == "entry":
            record = self.domain.entry(name, kind or None)
            return f"{record.kind} {record.anchor}" if record is not None else ""
        if what == "term":
            return self.term_anchors.get(name, "")
        if what == "cite":
            return self.citation_keys.get(name, "")
        label: str = self.labels.get(name, "")
        return label

    def page_url(self, docname: str) -> str:
        return self.info.page_url(self.page_uri(docname))

    def transcription_docnames(self) -> list[str]:
        """The pages that hold the transcription, in the order of their paragraphs."""
        return list(self._transcription)

    def _transcription_docnames(self) -> list[str]:
        first: dict[str, int] = {}
        for segment in self.domain.segments:
            number = segment.paragraph or 10**9
            first[segment.docname] = min(first.get(segment.docname, number), number)
        return sorted(first, key=lambda d: (first[d], d))

    def glossary_docnames(self) -> list[str]:
        return sorted({t.docname for t in self.domain.terms})

    def principles_docname(self) -> str:
        """The editorial principles page, if it is one of the project's documents."""
        docname = self.info.principles
        return docname if docname and docname in self.env.found_docs else ""

    def needed(self) -> list[str]:
        """The pages the TEI is made from, each once, in the order they are used."""
        order = [self.principles_docname(), *self.transcription_docnames()]
        return list(dict.fromkeys(d for d in [*order, *self.glossary_docnames()] if d))

    def is_current(self, part: Part) -> bool:
        """Whether a part kept from an earlier build still says what the page would say now."""
        return (
            part.read == self.env.all_docs.get(part.docname)
            and part.page == self.page_url(part.docname)
            and all(self.answer(question) == given for question, given in part.answers)
        )
