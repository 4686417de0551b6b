"""The docutils nodes of the extension.

Every node subclasses a standard docutils node, so a builder the extension knows nothing
about still renders something sensible.  Nodes that hold editorial matter (¶ numbers, later
notes and their markers) also inherit :class:`Editorial`, which is how the witness check
tells what the editor added from what the witness says.
"""

from __future__ import annotations

from typing import TypeVar

from docutils import nodes

from sphinx_edition.core.records import Piece


class Editorial:
    """Mixin for nodes whose text the editor supplies, never part of the transcription."""


class witness_paragraph(nodes.container):  # noqa: N801 - docutils names nodes in lower case
    """One paragraph of the witness, with its number in ``node["n"]``."""


class witness_text(nodes.inline):  # noqa: N801
    """Witness text set outside a paragraph, such as a run-in word set as a heading."""


class unmarked(nodes.inline):  # noqa: N801
    """Words of the transcription that name an entry but are deliberately not a mention."""


class paragraph_number(Editorial, nodes.inline):  # noqa: N801
    """The ¶ number of a witness paragraph and its permalink (``node["refid"]``)."""


_N = TypeVar("_N")  # a node class, or a mixin such as Editorial


def enclosing(node: nodes.Node, cls: type[_N] | tuple[type[_N], ...]) -> _N | None:
    """The nearest ancestor of *node* of class *cls* (or of one of the classes *cls*), or
    None."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, cls):
            return parent
        parent = parent.parent
    return None


def transcription_pieces(node: nodes.Element) -> tuple[Piece, ...]:
    """The witness text inside *node*, in reading order, leaving out editorial nodes."""
    pieces: list[Piece] = []
    line = node.line or 0

    def walk(current: nodes.Node) -> None:
        # Text nodes have no line of their own: follow the newlines in the text, and take
        # a later line from an element (a nested paragraph) when one is given.
        nonlocal line
        if isinstance(current, Editorial):
            return
        if isinstance(current, nodes.Text):
            text = current.astext()
            pieces.append(Piece(text, line))
            line += text.count("\n")
            return
        if isinstance(current, nodes.Element):
            if current.line is not None and current.line > line:
                line = current.line
            for child in current.children:
                walk(child)

    walk(node)
    return tuple(pieces)


class register_entry(nodes.container):  # noqa: N801
    """A register entry as rendered where it is defined.

    ``node["record"]`` is the entry's :class:`~sphinx_edition.core.records.Entry`, which the
    domain collects from the read document; ``node["kind"]`` and ``node["id"]`` name it.
    """


class entry_card(nodes.container):  # noqa: N801
    """A register entry's card as it is read: its header, then what goes in its body.

    :class:`~sphinx_edition.render.entries.EntryCards` puts them in sphinx-design's card
    (three containers) before anything else uses the page.
    """


class entry_fields(nodes.Element):  # noqa: N801
    """The place of some of a register entry's fields, made from its record when the page
    is written (``node["part"]``: ``"also"``, ``"dates"``, ``"participants"``, ``"places"``
    or ``"coords"``).

    A read page is kept in memory and pickled until it is written, and every transform of
    the reading walks it; these fields hold nothing the reading needs (no words of the
    editor's that smart quotes would change, no link the checks collect), and made then they
    were half the nodes of a register.  The fields whose words are the editor's (offices,
    identifiers, glossary, sources) are made as the page is read.
    """


class register(nodes.container):  # noqa: N801
    """A register: the entries of one kind, sorted (``node["kind"]``)."""


class backrefs(Editorial, nodes.container):  # noqa: N801
    """Placeholder for the list of places that mention an entry; filled after reading."""


class backref_list(Editorial, nodes.container):  # noqa: N801
    """An entry's list of the places that mention it, as the web pages draw it: one node
    whose visitor writes the list, instead of eight nodes for each place.

    ``node["heading"]`` is the line above the list; ``node["links"]`` holds, for each place,
    its address, the link's title, the words of the link and the snippet of the text.
    Every later post-transform, the HTML writer and the search index walk a page's nodes,
    and on a large edition's registers most of the nodes were back-references.
    """


class mention(nodes.inline):  # noqa: N801
    """A stretch of text naming a register entry; holds the pending cross-reference."""


class date_mention(nodes.inline):  # noqa: N801
    """A date expression in the text with its EDTF value (``node["value"]``)."""


class timeline(Editorial, nodes.container):  # noqa: N801
    """Placeholder for the timeline of events; drawn after reading, per output format."""


class editorial_note(Editorial, nodes.container):  # noqa: N801
    """An editorial note on a lemma of the text (``node["anchor"]``, ``node["number"]``)."""


class note_head(nodes.paragraph):  # noqa: N801
    """A note's first line as it is read: the lemma ``]`` and the correction, as nodes.

    What comes before the lemma (the number, linked to the apparatus; the category; the act)
    is kept in ``node["category"]``, ``node["colour"]`` and ``node["act"]``, already in the
    edition's language, and the number in the note's own ``node["number"]``.
    :class:`~sphinx_edition.render.notes.NoteHeads` makes the whole line of ordinary nodes
    before anything else uses it.  A read page is kept in memory and pickled until it is
    written, and every transform of the reading walks it: ten nodes fewer per note.
    """


class note_body(nodes.container):  # noqa: N801
    """A note's explanation, as the editor wrote it in MyST."""


class lemma(nodes.inline):  # noqa: N801
    """The words of the text a note concerns, as printed, and their correction if any."""


class correction(Editorial, nodes.inline):  # noqa: N801
    """The corrected reading of a lemma, shown in the 'corrected' reading only."""


class plain_link(nodes.reference):  # noqa: N801
    """A link the web page writes with no class (a note's number, 50 times on a page)."""


class note_ref(Editorial, nodes.inline):  # noqa: N801
    """The note's number where its lemma ends (``node["anchor"]`` names the note)."""


class apparatus(Editorial, nodes.container):  # noqa: N801
    """Placeholder for the table of every note; filled after reading."""


class duration_claim(nodes.inline):  # noqa: N801
    """A claim of duration in the text (``node["claim"]``)."""


class sequence_claim(nodes.inline):  # noqa: N801
    """A claim of order in the text (``node["claim"]``)."""
