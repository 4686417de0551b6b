"""Comparing the edition's transcription with its witness (pure: no Sphinx imports).

The witness is a UTF-8 text file with one paragraph per line.  The transcription is the text
of every segment the documents mark as coming from the witness.  Only whitespace is
normalised; everything else, down to the shape of a quotation mark, must match.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from sphinx_edition.core.records import Segment

CONTEXT = 24  # characters of context either side of a divergence in a message


class WitnessError(Exception):
    """The witness file cannot be used; the message says why."""


class Divergence(NamedTuple):
    """One difference between the transcription and the witness, with its location."""

    docname: str
    line: int
    message: str


def read_witness(path: Path) -> list[str]:
    """The witness's paragraphs: its non-blank lines, in order."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise WitnessError(f"the witness file {path} does not exist") from None
    except OSError as err:
        raise WitnessError(f"the witness file {path} cannot be read: {err.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise WitnessError(
            f"the witness file {path} is not UTF-8 (byte {err.start}: {raw[err.start]:#04x})"
        ) from None
    paragraphs = [line for line in text.splitlines() if line.strip()]
    if not paragraphs:
        raise WitnessError(f"the witness file {path} is empty")
    return paragraphs


def normalise(text: str) -> str:
    """*text* with every run of whitespace made one space, and no space at either end."""
    return " ".join(text.split())


class _Mapped(NamedTuple):
    """A paragraph's normalised text, with the source location of each character."""

    text: str
    where: list[tuple[str, int]]


def _map_paragraph(segments: Sequence[Segment]) -> _Mapped:
    """Join *segments* into one normalised text, remembering where each character came from."""
    chars: list[str] = []
    where: list[tuple[str, int]] = []
    pending_space: tuple[str, int] | None = None
    for segment in segments:
        for piece in segment.pieces:
            line = piece.line
            for char in piece.text:
                if char.isspace():
                    if chars and pending_space is None:
                        pending_space = (segment.docname, line)
                else:
                    if pending_space is not None:
                        chars.append(" ")
                        where.append(pending_space)
                        pending_space = None
                    chars.append(char)
                    where.append((segment.docname, line))
                if char == "\n":
                    line += 1
        # Segments of one paragraph (a heading and its run-in text) are separated by a space.
        if chars and pending_space is None:
            pending_space = (segment.docname, segment.lineno)
    return _Mapped("".join(chars), where)


def _excerpt(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    return ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def describe_difference(expected: str, found: str) -> tuple[int, str] | None:
    """Where *found* first departs from *expected*, and a short description of how.

    Returns the index in *found* of the first difference and the description, or None when
    the two are equal.
    """
    if expected == found:
        return None
    matcher = difflib.SequenceMatcher(None, expected, found, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "delete":
            what = f"'{expected[i1:i2]}' is missing"
        elif tag == "insert":
            what = f"'{found[j1:j2]}' is added"
        else:
            what = f"'{expected[i1:i2]}' became '{found[j1:j2]}'"
        return j1, (
            f"{what}: witness has '{_excerpt(expected, i1, i2)}', "
            f"edition has '{_excerpt(found, j1, j2)}'"
        )
    return None  # pragma: no cover - unequal strings always have a non-equal opcode


def compare(witness: Sequence[str], segments: Iterable[Segment]) -> list[Divergence]:
    """Every way the transcription in *segments* departs from the *witness* paragraphs."""
    problems: list[Divergence] = []
    by_number: dict[int, list[Segment]] = defaultdict(list)
    heads: dict[int, Segment] = {}
    for segment in sorted(segments, key=lambda s: (s.docname, s.order)):
        if segment.kind == "paragraph":
            if segment.paragraph in heads:
                first = heads[segment.paragraph]
                problems.append(
                    Divergence(
                        segment.docname,
                        segment.lineno,
                        f"¶{segment.paragraph} is given twice (first in {first.docname}, "
                        f"line {first.lineno})",
                    )
                )
                continue
            heads[segment.paragraph] = segment
        by_number[segment.paragraph].append(segment)
    if not heads:
        return [Divergence("", 0, "the edition marks no paragraph as coming from the witness")]

    problems.extend(_order_problems(heads.values()))
    for number in sorted(n for n in heads if n > len(witness)):
        head = heads[number]
        problems.append(
            Divergence(
                head.docname,
                head.lineno,
                f"¶{number} does not exist: the witness has {len(witness)} paragraphs",
            )
        )
    for number in range(1, len(witness) + 1):
        if number not in heads:
            problems.append(_missing(number, witness, heads))
            continue
        expected = normalise(witness[number - 1])
        # The same text as _map_paragraph's, without mapping each character to its line:
        # only a paragraph that differs needs the map, to say where.
        joined = " ".join("".join(p.text for p in s.pieces) for s in by_number[number])
        if normalise(joined) == expected:
            continue
        mapped = _map_paragraph(by_number[number])
        difference = describe_difference(expected, mapped.text)
        if difference is not None:
            index, description = difference
            if mapped.where:
                docname, line = mapped.where[min(index, len(mapped.where) - 1)]
            else:
                docname, line = heads[number].docname, heads[number].lineno
            problems.append(
                Divergence(docname, line, f"¶{number} differs from the witness: {description}")
            )
    return sorted(problems, key=lambda d: (d.docname, d.line))


def _order_problems(heads: Iterable[Segment]) -> list[Divergence]:
    """Paragraphs that a document sets in another order than the witness."""
    problems: list[Divergence] = []
    previous: Segment | None = None
    for head in sorted(heads, key=lambda s: (s.docname, s.order)):
        if (
            previous is not None
            and previous.docname == head.docname
            and head.paragraph < previous.paragraph
        ):
            problems.append(
                Divergence(
                    head.docname,
                    head.lineno,
                    f"¶{head.paragraph} comes after ¶{previous.paragraph}, "
                    "but the witness has it before",
                )
            )
        previous = head
    return problems


def _missing(number: int, witness: Sequence[str], heads: dict[int, Segment]) -> Divergence:
    """A dropped paragraph, located where it should have been."""
    after = [n for n in heads if n > number]
    before = [n for n in heads if n < number]
    anchor = heads[min(after)] if after else heads[max(before)]
    start = normalise(witness[number - 1])
    return Divergence(
        anchor.docname,
        anchor.lineno,
        f"¶{number} of the witness is missing from the edition: '{_excerpt(start, 0, 0)}'",
    )
