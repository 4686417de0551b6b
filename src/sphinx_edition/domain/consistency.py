"""The domain's whole-edition steps that need Sphinx's logging: document order, the witness
check, note ids (the pure rules are in :mod:`sphinx_edition.checks`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from sphinx_edition.checks.witness import WitnessError, compare, read_witness
from sphinx_edition.config import config_location
from sphinx_edition.core.records import Entry, Note, Segment
from sphinx_edition.warnings import Subtype, warn


def document_ranks(root: str, includes: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Each document's place in reading order: the toctree from *root*, depth first."""
    ranks: dict[str, int] = {}
    stack = [root]
    while stack:
        docname = stack.pop()
        if docname in ranks:
            continue
        ranks[docname] = len(ranks)
        stack.extend(reversed(includes.get(docname, ())))
    return ranks


def check_note_ids(notes: Sequence[Note], root: str, includes: Mapping[str, Sequence[str]]) -> None:
    """A note id given on two pages (one page gives a second one an id of its own)."""
    rank = document_ranks(root, includes)
    first: dict[str, Note] = {}
    for note in sorted(notes, key=lambda n: (rank.get(n.docname, len(rank)), n.docname, n.lineno)):
        if note.anchor not in first:
            first[note.anchor] = note
            continue
        earlier = first[note.anchor]
        warn(
            Subtype.DUPLICATE,
            f"ed:note {note.anchor.removeprefix('note-')} is given twice (first in "
            f"{earlier.docname}, line {earlier.lineno}); links go to the first",
            (note.docname, note.lineno),
        )


def order_duplicates(
    entries: Mapping[str, list[Entry]], root: str, includes: Mapping[str, Sequence[str]]
) -> None:
    """Put each id's definitions in document order.

    Parallel builds merge their chunks in the order the chunks finish, so the order of reading
    says nothing; ordered here, after the merge, ``-j 1`` and ``-j N`` link a duplicated id to
    the same definition, the one the duplicate warning names.
    """
    rank = document_ranks(root, includes)
    for records in entries.values():
        if len(records) > 1:
            records.sort(key=lambda r: (rank.get(r.docname, len(rank)), r.docname, r.lineno))


def check_witness(segments: Sequence[Segment], path: str | None, srcdir: str | Path) -> None:
    """Compare the transcription with the witness file, if the edition names one."""
    if not path:
        return
    where = config_location(srcdir, "edition_witness")
    try:
        witness = read_witness(Path(path))
    except WitnessError as err:
        warn(Subtype.WITNESS, str(err), where)
        return
    for problem in compare(witness, segments):
        location = (problem.docname, problem.line) if problem.docname else where
        warn(Subtype.WITNESS, problem.message, location)
