"""The critical apparatus: ``ed:note`` and the placing of its lemma in the text.

An editor writes a note inside the ``ed:paragraph`` it concerns and names its lemma, the exact
words of the text, with ``:lemma:``.  After parsing, :class:`PlaceLemmas` finds those words in
the paragraph, wraps them (without changing them) in a ``lemma`` node that also holds the
corrected reading, puts the note's marker after them, and numbers the notes of the page in
reading order.  Nothing here changes the transcription: markers, corrections and notes are
editorial nodes, which the witness check leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx_design.badges_buttons import create_bdg_classes

from . import fields
from .nodes import (
    Editorial,
    correction,
    editorial_note,
    enclosing,
    lemma,
    note_body,
    note_ref,
    witness_paragraph,
    witness_text,
)
from .records import CATEGORIES
from .register_directives import cite_nodes
from .warnings import Subtype, warn

CATEGORY_COLOURS = {
    "typographical": "secondary",
    "factual": "danger",
    "chronological": "warning",
    "numerical": "warning",
    "terminological": "info",
    "contested": "primary",
    "cross-reference": "light",
    "structure": "light",
    "calendar": "info",
    "romanisation": "info",
}


def category_badge(category: str) -> nodes.inline:
    """A sphinx-design badge naming a note's category."""
    colour = CATEGORY_COLOURS.get(category, "secondary")
    return nodes.inline(text=category, classes=[*create_bdg_classes(colour, False), "ed-cat"])


class NoteDirective(SphinxDirective):
    """``ed:note [ID]``: an editorial note on the words ``:lemma:`` of the enclosing paragraph.

    Options: ``:lemma:`` (required), ``:occurrence:`` (which occurrence of the lemma, from 1),
    ``:category:`` (required, one of :data:`~sphinx_edition.records.CATEGORIES`), ``:corr:``
    (the corrected reading), ``:sources:`` (bibliography keys; required except for
    typographical notes).  The content is the explanation, in MyST, with citations.
    """

    optional_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "lemma": directives.unchanged,
        "occurrence": directives.unchanged,
        "category": directives.unchanged,
        "corr": directives.unchanged,
        "sources": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        serial = self.env.new_serialno("ed-note") + 1
        # A note without an id gets one from its page and place, unique in the whole edition
        # (the TEI export holds every page in one document).
        automatic = f"note-{re.sub(r'[^a-z0-9]+', '-', self.env.docname.lower())}-{serial}"
        anchor = f"note-{self.arguments[0].strip()}" if self.arguments else automatic
        if self.arguments:
            try:
                fields.entry_id(self.arguments[0])
            except fields.FieldError as err:
                self._warn(Subtype.OPTION, f"ed:note: {err}")
                anchor = automatic
        category = " ".join((self.options.get("category") or "").split()).lower()
        if not category:
            self._warn(Subtype.NOTE, f"ed:note: no :category: (one of {', '.join(CATEGORIES)})")
        elif category not in CATEGORIES:
            self._warn(
                Subtype.NOTE,
                f"ed:note: unknown category {category!r} (one of {', '.join(CATEGORIES)})",
                "category",
            )
        sources = self._sources()
        if not sources and category != "typographical":
            self._warn(
                Subtype.NOTE, "ed:note: no :sources: (only typographical notes may omit them)"
            )
        lemma_text = " ".join((self.options.get("lemma") or "").split())
        if not lemma_text:
            self._warn(Subtype.NOTE, "ed:note: no :lemma: (the words of the text it concerns)")
        occurrence = 1
        if "occurrence" in self.options:
            raw = self.options["occurrence"].strip()
            if raw.isdigit() and int(raw) > 0:
                occurrence = int(raw)
            else:
                self._warn(
                    Subtype.OPTION,
                    f"ed:note: :occurrence: must be a whole number from 1 up, not {raw!r}",
                    "occurrence",
                )
        corr = " ".join((self.options.get("corr") or "").split())

        node = editorial_note(
            lemma_line=self._line_of("lemma"),
            anchor=anchor,
            number=0,
            category=category,
            lemma=lemma_text,
            occurrence=occurrence,
            corr=corr,
            sources=sources,
            ids=[anchor],
            classes=["ed-note", f"ed-cat-{category or 'none'}"],
        )
        self.set_source_info(node)
        head = nodes.paragraph(classes=["ed-note-head"])
        # The number, filled in when the notes are numbered, links to the apparatus table.
        head += addnodes.pending_xref(
            "",
            nodes.inline(text="", classes=["ed-note-number"]),
            refdomain="ed",
            reftype="apparatus",
            reftarget=anchor,
            refexplicit=True,
            refwarn=False,
        )
        head += nodes.Text(" ")
        if category:
            # Coloured by the note's ed-cat-* class: the text page needs no sphinx-design.
            head += nodes.inline(text=category, classes=["ed-cat"])
            head += nodes.Text(" ")
        head += nodes.emphasis(text=lemma_text)
        head += nodes.Text("]")
        if corr:
            head += nodes.Text(" ")
            head += nodes.strong(text=corr)
        node += head
        body = note_body(classes=["ed-note-body"])
        self.state.nested_parse(self.content, self.content_offset, body)
        node += body
        # The sources stay in the note's record (the apparatus table and the exports list them
        # all); the note itself names those its explanation does not already cite.
        cited = _cited_keys(body)
        uncited = tuple(k for k in sources if k not in cited)
        if uncited:
            label = "Also: " if len(uncited) < len(sources) else "Sources: "
            node += nodes.paragraph(
                "", label, *cite_nodes(self, uncited), classes=["ed-note-sources"]
            )
        return [node]

    def _sources(self) -> tuple[str, ...]:
        text = self.options.get("sources")
        if not text:
            return ()
        try:
            keys = fields.key_list(text)
        except fields.FieldError as err:
            self._warn(Subtype.OPTION, f"ed:note: :sources: {err}", "sources")
            return ()
        known = _bibliography_keys(self.env)
        if known is None:
            return keys
        for key in keys:
            if key not in known:
                self._warn(
                    Subtype.CITATION, f"ed:note: unknown bibliography key {key!r}", "sources"
                )
        return tuple(k for k in keys if k in known)

    def _warn(self, subtype: Subtype, message: str, option: str | None = None) -> None:
        line = self._line_of(option) if option else self.lineno
        warn(subtype, message, (self.env.docname, line))

    def _line_of(self, option: str) -> int:
        """The source line of an option, so that a warning about it points at it."""
        for offset, text in enumerate(self.block_text.splitlines()):
            if text.lstrip().startswith(f":{option}:"):
                return self.lineno + offset
        return self.lineno


def _cited_keys(body: nodes.Element) -> set[str]:
    """The bibliography keys that sphinxcontrib-bibtex's cite roles in *body* refer to."""
    refs = [n for n in body.findall(addnodes.pending_xref) if n.get("refdomain") == "cite"]
    if not refs:
        return set()
    from sphinxcontrib.bibtex.citation_target import parse_citation_targets

    keys: set[str] = set()
    for ref in refs:
        try:
            keys.update(t.key for t in parse_citation_targets(ref["reftarget"]))
        except ValueError:  # a malformed target is reported by sphinxcontrib-bibtex itself
            continue
    return keys


def _bibliography_keys(env: Any) -> set[str] | None:
    """The keys of sphinxcontrib-bibtex's bibliography, or None without that extension."""
    if "cite" not in env.domains:
        return None
    domain = env.domains["cite"]
    bibdata = getattr(domain, "bibdata", None)
    entries = getattr(getattr(bibdata, "data", None), "entries", None)
    return set(entries) if entries is not None else None


class PlaceLemmas(SphinxTransform):
    """Wrap each note's lemma in its paragraph, add the marker, and number the notes."""

    default_priority = 700  # after parsing, before the domain collects the transcription

    def apply(self, **kwargs: Any) -> None:
        placed: list[tuple[editorial_note, lemma]] = []
        for item in list(self.document.findall(editorial_note)):
            found = self._place(item)
            if found is not None:
                placed.append((item, found))
        markers = list(self.document.findall(note_ref))
        by_anchor = {item["anchor"]: item for item, _ in placed}
        for number, marker in enumerate(markers, 1):
            target = by_anchor.get(marker["anchor"])
            if target is None:
                continue
            marker["number"] = number
            marker += nodes.Text(str(number))
            target["number"] = number
            slot = next(
                iter(
                    target.findall(
                        lambda n: (
                            "ed-note-number" in n.get("classes", ())
                            if isinstance(n, nodes.Element)
                            else False
                        )
                    )
                )
            )
            assert isinstance(slot, nodes.Element)
            slot += nodes.Text(str(number))
        self._order_notes(markers)

    def _place(self, item: editorial_note) -> lemma | None:
        paragraph = enclosing(item, witness_paragraph)
        location = (self.env.docname, item.get("lemma_line") or item.line or 0)
        if paragraph is None:
            location = (self.env.docname, item.line or 0)
            warn(Subtype.NOTE, "ed:note must stand inside the ed:paragraph it annotates", location)
            return None
        words = item["lemma"]
        if not words:
            return None
        for root in _search_roots(paragraph):
            span = _find(root, words, item["occurrence"])
            if span is None:
                continue
            if _already_annotated(span, words):
                warn(
                    Subtype.NOTE,
                    f"ed:note: another note already annotates {words!r} in ¶{paragraph['n']}",
                    location,
                )
                return None
            wrapped = _wrap(root, span, item)
            if wrapped is None:
                warn(
                    Subtype.NOTE,
                    f"ed:note: the lemma {words!r} crosses the edge of a mention "
                    "or another lemma: choose words that contain whole mentions",
                    location,
                )
            return wrapped
        count = "" if item["occurrence"] == 1 else f" (occurrence {item['occurrence']})"
        warn(
            Subtype.NOTE,
            f"ed:note: the lemma {words!r}{count} does not occur in ¶{paragraph['n']}",
            location,
        )
        return None

    def _order_notes(self, markers: list[note_ref]) -> None:
        """Set each paragraph's notes in the order of their markers, for the margin."""
        for paragraph in self.document.findall(witness_paragraph):
            notes_here = [c for c in paragraph.children if isinstance(c, editorial_note)]
            if len(notes_here) < 2:
                continue
            notes_here.sort(key=lambda n: n["number"] or 10**6)
            rest = [c for c in paragraph.children if not isinstance(c, editorial_note)]
            paragraph.children = []
            paragraph.extend(rest)
            paragraph.extend(notes_here)
            paragraph["classes"].append("ed-has-notes")
        for paragraph in self.document.findall(witness_paragraph):
            if any(isinstance(c, editorial_note) for c in paragraph.children) and (
                "ed-has-notes" not in paragraph["classes"]
            ):
                paragraph["classes"].append("ed-has-notes")


def strip_editorial_from_titles(app: Any, doctree: nodes.document) -> None:
    """``doctree-read``: keep note markers out of the navigation and the page titles.

    A lemma may stand in a heading (a run-in word set as one); its marker belongs to the text,
    not to the table of contents, the sidebar or the browser's title bar.
    """
    env = app.env
    docname = env.docname
    for store in (env.tocs, env.titles, env.longtitles):
        tree = store.get(docname)
        if tree is None:
            continue
        for editorial in list(tree.findall(lambda n: isinstance(n, Editorial))):
            editorial.parent.remove(editorial)
        # Copies of the heading keep no ids: the page already has them once.
        for element in tree.findall(lemma):
            element["ids"] = []


def _search_roots(paragraph: nodes.Element) -> Iterator[nodes.Element]:
    """Where a lemma may stand: the paragraph's text, then witness text set before it."""
    for child in paragraph.children:
        if isinstance(child, nodes.paragraph):
            yield child
    section = paragraph.parent
    if section is not None:
        yield from section.findall(witness_text)


_Span = tuple[nodes.Text, int, nodes.Text, int]


def _texts(root: nodes.Node) -> Iterator[nodes.Text]:
    """The text nodes under *root* in order, leaving out editorial nodes."""
    if isinstance(root, Editorial):
        return
    if isinstance(root, nodes.Text):
        yield root
        return
    if isinstance(root, nodes.Element):
        for child in root.children:
            yield from _texts(child)


def _find(root: nodes.Element, words: str, occurrence: int) -> _Span | None:
    """The text nodes and offsets where the *occurrence*-th *words* start and end."""
    pieces = list(_texts(root))
    joined = "".join(p.astext() for p in pieces)
    start = -1
    for _ in range(occurrence):
        start = joined.find(words, start + 1)
        if start < 0:
            return None
    end = start + len(words)
    position = 0
    first: tuple[nodes.Text, int] | None = None
    last: tuple[nodes.Text, int] | None = None
    for piece in pieces:
        length = len(piece.astext())
        if first is None and start < position + length:
            first = (piece, start - position)
        if end <= position + length:
            last = (piece, end - position)
            break
        position += length
    if first is None or last is None:
        return None
    return first[0], first[1], last[0], last[1]


def _already_annotated(span: _Span, words: str) -> bool:
    start, _, _, _ = span
    parent = start.parent
    while parent is not None:
        if isinstance(parent, lemma) and parent.get("words") == words:
            return True
        parent = parent.parent
    return False


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    chain = [node]
    while chain[-1].parent is not None:
        chain.append(chain[-1].parent)
    return chain


def _index(items: list[nodes.Node], wanted: nodes.Node) -> int:
    """The position of *wanted* by identity (text nodes compare equal as strings)."""
    return next(i for i, item in enumerate(items) if item is wanted)


def _wrap(root: nodes.Element, span: _Span, item: editorial_note) -> lemma | None:
    """Wrap the span's nodes in a lemma (with its correction) and add the marker after it."""
    start, start_offset, end, end_offset = span
    if start is end:
        common: nodes.Element | None = start.parent
        head: nodes.Node = start
        tail: nodes.Node = start
    else:
        start_chain, end_chain = _ancestors(start), _ancestors(end)
        shared = next(n for n in start_chain if any(n is m for m in end_chain))
        common = shared if isinstance(shared, nodes.Element) else None
        head = start_chain[_index(start_chain, shared) - 1]
        tail = end_chain[_index(end_chain, shared) - 1]
        if head is not start and start_offset != 0:
            return None  # the lemma starts inside a mention or another lemma
        if tail is not end and end_offset != len(end.astext()):
            return None  # the lemma ends inside a mention or another lemma
    if common is None:
        return None
    # A lemma that is exactly the words of a mention or term link wraps the whole link, so
    # that the note's marker never ends up inside another link.
    while (
        head is tail
        and common is not root
        and common.parent is not None
        and not isinstance(common, lemma)
        and "".join(t.astext() for t in _texts(common)) == item["lemma"]
    ):
        head = tail = common
        common = common.parent
        start_offset, end_offset = 0, len(item["lemma"])
    children = common.children
    first_index, last_index = _index(children, head), _index(children, tail)
    # Split the text nodes at the lemma's edges; the text itself is unchanged.
    before = after = None
    if isinstance(head, nodes.Text) and start_offset:
        before = nodes.Text(head.astext()[:start_offset])
    if isinstance(tail, nodes.Text) and end_offset < len(tail.astext()):
        after = nodes.Text(tail.astext()[end_offset:])
    inner: list[nodes.Node] = []
    for index in range(first_index, last_index + 1):
        child = children[index]
        if isinstance(child, nodes.Text):
            text = child.astext()
            lo = start_offset if child is head else 0
            hi = end_offset if child is tail else len(text)
            inner.append(nodes.Text(text[lo:hi]))
        else:
            inner.append(child)
    wrapper = lemma(
        "",
        "",
        words=item["lemma"],
        anchor=item["anchor"],
        classes=["ed-lemma"],
        ids=[f"lemma-{item['anchor'][len('note-') :]}"],
    )
    if item["corr"]:
        # The printed words and the correction side by side; the reading switch shows one.
        wrapper["classes"].append("ed-has-corr")
        wrapper += nodes.inline("", "", *inner, classes=["ed-sic"])
        wrapper += correction("", item["corr"], classes=["ed-corr"])
    else:
        wrapper.extend(inner)
    marker = note_ref("", "", anchor=item["anchor"], number=0, classes=["ed-note-ref"])
    replacement = [n for n in (before, wrapper, marker, after) if n is not None]
    del common.children[first_index : last_index + 1]
    for offset, node in enumerate(replacement):
        common.insert(first_index + offset, node)
    return wrapper
