"""What a consistency rule finds, and the records the rules read (pure).

Each rule takes the domain's records (:class:`Data`) and returns :class:`Finding` values: what
was checked, where, and whether it held.  A finding that does not hold is a *problem* (a
warning), unless the place it concerns is the lemma of an editorial note: then the apparatus
answers it and it is *acknowledged*.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from sphinx_edition.core.records import (
    DateMention,
    Duration,
    Entry,
    ExternalLink,
    Mention,
    Segment,
    TermDefinition,
    TermUse,
    Unmarked,
)
from sphinx_edition.core.records import Sequence as SequenceRecord
from sphinx_edition.core.subtypes import Subtype

OK, PROBLEM, ACKNOWLEDGED = "ok", "problem", "acknowledged"


class Finding(NamedTuple):
    """One check of one thing: what, where, and whether it held."""

    check: str
    status: str  # ok, problem or acknowledged
    subtype: Subtype
    docname: str
    line: int
    message: str
    note: str = ""  # the anchor of the note that acknowledges it


class Data(NamedTuple):
    """The records the rules read (the domain's data, typed).

    Each id's definitions in *entries* are in document order: the first is the one that links
    and checks use, the others are duplicates.
    """

    entries: Mapping[str, Sequence[Entry]]
    mentions: Sequence[Mention]
    dates: Sequence[DateMention]
    durations: Sequence[Duration]
    sequences: Sequence[SequenceRecord]
    terms: Sequence[TermDefinition]
    term_uses: Sequence[TermUse]
    links: Sequence[ExternalLink]
    segments: Sequence[Segment] = ()
    unmarked: Sequence[Unmarked] = ()


def did_you_mean(target: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'a' or 'b'?)' for the closest candidates, or ''."""
    close = difflib.get_close_matches(target, sorted(set(candidates)), n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""


def problem(
    check: str, subtype: Subtype, docname: str, line: int, message: str, note: str = ""
) -> Finding:
    """A check that failed: acknowledged when a note answers the place, else a problem."""
    if note:
        return Finding(check, ACKNOWLEDGED, subtype, docname, line, message, note)
    return Finding(check, PROBLEM, subtype, docname, line, message)
