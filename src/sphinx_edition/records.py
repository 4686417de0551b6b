"""The records the ``ed`` domain stores: plain, picklable values that carry their docname.

Nothing here imports Sphinx or docutils, so purge and merge are one-line filters and the
records can be unit-tested and pickled between parallel build processes.
"""

from __future__ import annotations

from typing import NamedTuple


class Piece(NamedTuple):
    """A run of transcribed text and the source line it starts on."""

    text: str
    line: int


class Segment(NamedTuple):
    """A stretch of the transcription as it sits in one document.

    A segment is either a whole witness paragraph (``kind == "paragraph"``) or a piece of
    witness text set elsewhere, such as a run-in word set as a heading (``kind == "heading"``);
    the latter belongs to the paragraph that follows it in the document.
    """

    docname: str
    lineno: int
    paragraph: int
    order: int
    kind: str
    pieces: tuple[Piece, ...]
