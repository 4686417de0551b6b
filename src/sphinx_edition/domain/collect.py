"""Collecting the domain's records from a document once it has been read.

Each function reads one doctree, whose elements are listed once (``elements.Elements``), and
returns plain records that carry the docname, so that the domain can purge and merge them;
nothing here keeps docutils nodes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes
from sphinx import addnodes
from sphinx.util.index_entries import split_index_msg

from sphinx_edition.core.records import (
    DateMention,
    Duration,
    Entry,
    ExternalLink,
    Mention,
    Note,
    Segment,
    Sequence,
    TermDefinition,
    TermUse,
    Unmarked,
)
from sphinx_edition.domain.elements import Elements
from sphinx_edition.markup.nodes import (
    Editorial,
    apparatus,
    backrefs,
    date_mention,
    duration_claim,
    editorial_note,
    enclosing,
    lemma,
    mention,
    register,
    register_entry,
    sequence_claim,
    timeline,
    transcription_pieces,
    unmarked,
    witness_paragraph,
    witness_text,
)

SNIPPET_LENGTH = 160  # characters of context shown in back-references
_WINDOW = 4 * SNIPPET_LENGTH  # characters either side of a mention searched for its sentence
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\")]?\s+")


def entries(docname: str, elements: Elements) -> list[Entry]:
    """The register entries defined in the document, in document order."""
    return [
        node["record"]
        for node in elements.of(register_entry)
        if isinstance(node.get("record"), Entry) and node["record"].docname == docname
    ]


def segments(docname: str, elements: Elements) -> list[Segment]:
    """The transcription in *document*: its witness paragraphs and other witness text.

    A paragraph whose number is malformed (``ed-unnumbered``) is kept as the paragraph after
    the one before it, so that its text is still compared with the witness.
    """
    pieces = elements.where(_is_transcription)
    result: list[Segment] = []
    for order, node in enumerate(pieces):
        assert isinstance(node, nodes.Element)
        following = [n["n"] for n in pieces[order:] if isinstance(n, witness_paragraph)]
        preceding = [n["n"] for n in pieces[:order] if isinstance(n, witness_paragraph)]
        if isinstance(node, witness_text):
            if enclosing(node, witness_paragraph) is not None:
                continue  # already part of its paragraph's text
            number = following[0] if following else (preceding[-1] if preceding else 0)
            kind = "heading"
        elif isinstance(node, witness_paragraph):
            number, kind = node["n"], "paragraph"
        else:
            after = preceding[-1] + 1 if preceding else 1
            number = after if preceding or not following else max(1, following[0] - 1)
            kind = "unnumbered"
        result.append(
            Segment(docname, node.line or 0, number, order, kind, transcription_pieces(node))
        )
    return result


def _is_transcription(node: nodes.Element) -> bool:
    return isinstance(node, witness_paragraph | witness_text) or (
        isinstance(node, nodes.container) and "ed-unnumbered" in node["classes"]
    )


def mentions(docname: str, elements: Elements) -> list[Mention]:
    result = []
    paragraphs: dict[int, _ParagraphText] = {}
    for node in elements.of(mention):
        result.append(
            Mention(
                docname=docname,
                lineno=_line(node),
                kind=node["kind"],
                target=node["target"],
                text=node.astext(),
                paragraph=_paragraph_number(node),
                anchor=node["ids"][0] if node["ids"] else "",
                snippet=snippet(node, paragraphs),
                office=node.get("office", ""),
                when=node.get("when", ""),
                acknowledged=_acknowledging_note(node),
                in_text=_in_transcription(node),
            )
        )
    return result


def unmarked_words(docname: str, elements: Elements) -> list[Unmarked]:
    """Words of the transcription that are deliberately not mentions: those the editor marked
    ``{ed:unmarked}``, and those that link to the glossary instead."""
    words = [
        Unmarked(docname, _line(node), _paragraph_number(node), node.astext())
        for node in elements.of(unmarked)
    ]
    words += [
        Unmarked(docname, _line(node), _paragraph_number(node), node.astext(), "term")
        for node in elements.of(addnodes.pending_xref)
        if node.get("reftype") == "term" and _in_transcription(node)
    ]
    return words


def _in_transcription(node: nodes.Node) -> bool:
    """Whether *node* stands in the witness's text, not in a note or other editorial matter."""
    return enclosing(node, (witness_paragraph, witness_text)) is not None and (
        enclosing(node, Editorial) is None
    )


def dates(docname: str, elements: Elements) -> list[DateMention]:
    return [
        DateMention(
            docname=docname,
            lineno=_line(node),
            text=node.astext(),
            value=node["value"],
            calendar=node["calendar"],
            event=node["event"],
            paragraph=_paragraph_number(node),
            anchor=node["ids"][0] if node["ids"] else "",
            acknowledged=_acknowledging_note(node),
        )
        for node in elements.of(date_mention)
    ]


def durations(docname: str, elements: Elements) -> list[Duration]:
    return [Duration(*fields) for fields in _claims(docname, elements, duration_claim)]


def sequences(docname: str, elements: Elements) -> list[Sequence]:
    return [Sequence(*fields) for fields in _claims(docname, elements, sequence_claim)]


def _claims(
    docname: str, elements: Elements, cls: type[nodes.Element]
) -> Iterator[tuple[str, int, str, str, int, str, str]]:
    """The fields of every well-formed duration or sequence claim in the document."""
    for node in elements.of(cls):
        if node["claim"]:
            yield (
                docname,
                _line(node),
                node.astext(),
                node["claim"],
                _paragraph_number(node),
                node["ids"][0],
                _acknowledging_note(node),
            )


def external_links(docname: str, elements: Elements) -> list[ExternalLink]:
    """Every link to another site, for the form check."""
    return [
        ExternalLink(docname, _line(node), node["refuri"])
        for node in elements.of(nodes.reference)
        if "://" in node.get("refuri", "") or node.get("refuri", "").startswith("mailto:")
    ]


def _acknowledging_note(node: nodes.Node) -> str:
    """The note whose lemma holds *node*: the apparatus answers what the node claims."""
    found = enclosing(node, lemma)
    return str(found["anchor"]) if found is not None else ""


def term_uses(docname: str, elements: Elements) -> list[TermUse]:
    return [
        TermUse(docname, _line(node), str(node["reftarget"]).lower())
        for node in elements.of(addnodes.pending_xref)
        if node.get("refdomain") == "std" and node.get("reftype") == "term"
    ]


def terms(docname: str, elements: Elements) -> list[TermDefinition]:
    result = []
    source_lines = _source_lines(elements.document)
    taken: set[int] = set()
    for glossary in elements.of(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            definition = next(iter(item.findall(nodes.definition)), None)
            text = " ".join(definition.astext().split()) if definition is not None else ""
            for term in item.findall(nodes.term):
                display = term.astext().strip()
                result.append(
                    TermDefinition(
                        docname=docname,
                        lineno=_term_line(source_lines, display, 1, taken),
                        term=display.lower(),
                        display=display,
                        anchor=term["ids"][0] if term["ids"] else "",
                        definition=_shorten(text, 280),
                    )
                )
    return result


class _ParagraphText:
    """A paragraph's plain text (no editorial nodes), with where each node in it starts.

    Computed once per paragraph, so that the snippets of a paragraph's many mentions cost one
    walk of it, not one each.
    """

    def __init__(self, paragraph: nodes.Element) -> None:
        pieces: list[str] = []
        self.starts: dict[int, int] = {}
        length = 0

        def walk(node: nodes.Node) -> None:
            nonlocal length
            if isinstance(node, Editorial):
                return
            if isinstance(node, nodes.Text):
                text = node.astext()
                pieces.append(text)
                length += len(text)
                return
            if isinstance(node, nodes.Element):
                self.starts[id(node)] = length
                for child in node.children:
                    walk(child)

        walk(paragraph)
        self.text = "".join(pieces)


def snippet(node: nodes.Element, cache: dict[int, _ParagraphText] | None = None) -> str:
    """The sentence around *node* in its paragraph, shortened to a readable length."""
    paragraph = enclosing(node, nodes.paragraph)
    if paragraph is None:
        return node.astext()
    cache = {} if cache is None else cache
    if id(paragraph) not in cache:
        cache[id(paragraph)] = _ParagraphText(paragraph)
    found = cache[id(paragraph)]
    at = found.starts.get(id(node), 0)
    # Only a window either side is searched for the sentence's edges: the snippet is shorter
    # than it, and a paragraph's many mentions then cost its length once, not once each.
    mark_length = len(node.astext())
    head = found.text[max(0, at - _WINDOW) : at]
    tail = found.text[at : at + mark_length + _WINDOW]
    starts = [m.end() for m in _SENTENCE_END.finditer(head)]
    head = head[starts[-1] :] if starts else head
    end = _SENTENCE_END.search(tail, mark_length)
    tail = tail[: end.start() + 1] if end else tail
    text = " ".join((head + tail).split())
    if len(text) <= SNIPPET_LENGTH:
        return text
    mark = node.astext()
    at = text.find(mark)
    lo = max(0, at - (SNIPPET_LENGTH - len(mark)) // 2)
    hi = min(len(text), lo + SNIPPET_LENGTH)
    return ("…" if lo else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")


def _source_lines(document: nodes.document) -> list[str]:
    """The document's source, for finding lines that parsers do not record."""
    try:
        with open(document["source"], encoding="utf-8") as source:
            return source.read().splitlines()
    except (OSError, KeyError, UnicodeDecodeError):
        return []


def _term_line(lines: list[str], term: str, start: int, taken: set[int]) -> int:
    """The line where a glossary term is written (Sphinx records only the glossary's line);
    *taken* holds the lines of the terms found so far, so a term given twice has two lines."""
    for number in range(max(start, 1), len(lines) + 1):
        if number not in taken and lines[number - 1].strip() == term:
            taken.add(number)
            return number
    return start


def _shorten(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


def _paragraph_number(node: nodes.Node) -> int:
    paragraph = enclosing(node, witness_paragraph)
    return int(paragraph["n"]) if paragraph is not None else 0


def _line(node: nodes.Node) -> int:
    current: nodes.Node | None = node
    while current is not None:
        if current.line:
            return current.line
        current = current.parent
    return 0


def notes(docname: str, elements: Elements) -> list[Note]:
    result = []
    for node in elements.of(editorial_note):
        body = next(
            (
                c
                for c in node.children
                if isinstance(c, nodes.Element) and "ed-note-body" in c["classes"]
            ),
            None,
        )
        result.append(
            Note(
                docname=docname,
                lineno=_line(node),
                anchor=node["anchor"],
                number=node["number"],
                paragraph=_paragraph_number(node),
                category=node["category"],
                lemma=node["lemma"],
                corr=node["corr"],
                sources=tuple(node["sources"]),
                text=" ".join(body.astext().split()) if body is not None else "",
                act=node.get("act", ""),
            )
        )
    return result


def index_entries(elements: Elements) -> tuple[tuple[str, str, str], ...]:
    """The page's index entries as the HTML search index holds them: (entry, id, main).

    The same reading of ``addnodes.index`` as Sphinx's search indexer, kept in the domain's
    data so that an incremental build can give them back (see :mod:`.incremental`).
    """
    found: set[tuple[str, str, str]] = set()
    for node in elements.of(addnodes.index):
        for entry_type, value, target_id, main, _category in node["entries"]:
            try:
                names = split_index_msg(entry_type, value)
            except ValueError:
                continue
            found.update((name, target_id or "", main) for name in names)
    return tuple(sorted(found))


def shown_kinds(elements: Elements) -> tuple[str, ...]:
    """The kinds of data the page shows from other pages (registers, timeline, apparatus,
    the changelog)."""
    shows = {node["kind"] for node in elements.of(register)}
    if elements.of(apparatus):
        shows.add("apparatus")
    shows.update(node["kind"] for node in elements.of(backrefs))
    if elements.of(timeline):
        shows.add("timeline")
    if any(n.get("ed_changes") for n in elements.of(nodes.container)):
        shows.add("changes")
    return tuple(sorted(shows))
