"""Placing each note's lemma in the text, and numbering the notes in reading order.

An editor writes a note inside the ``ed:paragraph`` it concerns and names its lemma, the exact
words of the text, with ``:lemma:``.  After parsing, :class:`PlaceLemmas` finds those words in
the paragraph, wraps them (without changing them) in a ``lemma`` node that also holds the
corrected reading, puts the note's marker after them, and numbers the notes of the page in
reading order.  Nothing here changes the transcription: markers, corrections and notes are
editorial nodes, which the witness check leaves out.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_edition.markup.nodes import (
    Editorial,
    correction,
    editorial_note,
    enclosing,
    lemma,
    note_ref,
    witness_paragraph,
    witness_text,
)
from sphinx_edition.warnings import Subtype, warn


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
            target["number"] = number  # its head shows it (render.notes.NoteHeads)
        self._order_notes(markers)

    def _place(self, item: editorial_note) -> lemma | None:
        paragraph = enclosing(item, witness_paragraph)
        location = (self.env.docname, item.get("lemma_line") or item.line or 0)
        if paragraph is None:
            location = (self.env.docname, item.line or 0)
            warn(Subtype.NOTE, "ed:note must stand inside the ed:paragraph it annotates", location)
            return None
        if enclosing(item, editorial_note) is not None:
            location = (self.env.docname, item.line or 0)
            warn(
                Subtype.NOTE,
                "ed:note stands inside another note: a note annotates the "
                "text, not a note; write it after the note, in the paragraph",
                location,
            )
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
    found = next(islice(_matches(joined, words.split()), occurrence - 1, None), None)
    if found is None:
        return None
    start, end = found
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


def _matches(text: str, words: list[str]) -> Iterator[tuple[int, int]]:
    """Where *words* stand in *text*, in order and not overlapping, with any white space
    between them (the lemma's words may wrap across source lines).

    What ``re.finditer`` of the words joined by ``\\s+`` gives, without compiling a pattern
    for each note: a page of a large edition has thousands of lemmas, each its own pattern,
    and Python keeps only 512 compiled.  Words hold no white space (they come from
    ``str.split``), so the white space between two is always the whole run.
    """
    if not words:
        return
    first, rest = words[0], words[1:]
    position = text.find(first)
    while position >= 0:
        end = position + len(first)
        for word in rest:
            gap = end
            while gap < len(text) and text[gap].isspace():
                gap += 1
            if gap == end or not text.startswith(word, gap):
                break
            end = gap + len(word)
        else:
            yield position, end
            position = text.find(first, end)
            continue
        position = text.find(first, position + 1)


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
        and " ".join("".join(t.astext() for t in _texts(common)).split()) == item["lemma"]
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
    act = item.get("act", "")
    wrapper = lemma(
        "",
        "",
        words=item["lemma"],
        anchor=item["anchor"],
        act=act,
        classes=["ed-lemma"],
        ids=[f"lemma-{item['anchor'][len('note-') :]}"],
    )
    if item["corr"]:
        # The printed words and the correction side by side; the reading switch shows one.
        wrapper["classes"].append("ed-has-corr")
        wrapper += nodes.inline("", "", *inner, classes=["ed-sic"])
        wrapper += correction("", item["corr"], act=act, classes=["ed-corr", f"ed-corr-{act}"])
    else:
        wrapper.extend(inner)
    marker = note_ref("", "", anchor=item["anchor"], number=0, classes=["ed-note-ref"])
    replacement = [n for n in (before, wrapper, marker, after) if n is not None]
    del common.children[first_index : last_index + 1]
    for offset, node in enumerate(replacement):
        common.insert(first_index + offset, node)
    return wrapper
