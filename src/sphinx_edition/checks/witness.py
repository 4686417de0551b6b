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
        # A byte-order mark is how some editors write UTF-8, not a character of the text.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        start = err.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        raise WitnessError(
            f"the witness file {path} is not UTF-8 (byte {start}: {raw[start]:#04x})"
        ) from None
    # Lines end with LF, CRLF or CR; str.splitlines() would also break at U+2028, form
    # feeds and other characters that may stand inside a paragraph.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs = [line for line in lines if line.strip()]
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


WINDOW = 400  # characters either side of the first difference that difflib aligns


def describe_difference(expected: str, found: str) -> tuple[int, str] | None:
    """Where *found* first departs from *expected*, and a short description of how.

    Returns the index in *found* of the first difference and the description, or None when
    the two are equal.  Linear in the length of the texts: the common start and end are found
    by a scan, and difflib (quadratic) aligns only a window around the first difference; a
    paragraph shorter than the window is aligned whole.
    """
    if expected == found:
        return None
    limit = min(len(expected), len(found))
    start = 0
    while start < limit and expected[start] == found[start]:
        start += 1
    end = 0  # the length of the common ending, not reaching into the common start
    while end < limit - start and expected[-1 - end] == found[-1 - end]:
        end += 1
    lo = max(0, start - WINDOW)
    old_end, new_end = len(expected) - end, len(found) - end
    old_hi = min(len(expected), old_end + WINDOW, lo + 4 * WINDOW)
    new_hi = min(len(found), new_end + WINDOW, lo + 4 * WINDOW)
    matcher = difflib.SequenceMatcher(None, expected[lo:old_hi], found[lo:new_hi], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        i1, i2, j1, j2 = lo + i1, lo + i2, lo + j1, lo + j2
        if i2 == old_hi < old_end or j2 == new_hi < new_end:
            i2, j2 = max(i2, old_end), max(j2, new_end)  # it runs on past the window
        if i1 == i2:
            what = f"'{_shorten(found[j1:j2])}' is added"
        elif j1 == j2:
            what = f"'{_shorten(expected[i1:i2])}' is missing"
        else:
            what = f"'{_shorten(expected[i1:i2])}' became '{_shorten(found[j1:j2])}'"
        return j1, (
            f"{what}: witness has '{_excerpt(expected, i1, i2)}', "
            f"edition has '{_excerpt(found, j1, j2)}'"
        )
    return None  # pragma: no cover - unequal strings always have a non-equal opcode


def _shorten(text: str) -> str:
    return text if len(text) <= 2 * CONTEXT else f"{text[:CONTEXT]}…{text[-CONTEXT:]}"


def compare(witness: Sequence[str], segments: Iterable[Segment]) -> list[Divergence]:
    """Every way the transcription in *segments* departs from the *witness* paragraphs."""
    problems: list[Divergence] = []
    by_number: dict[int, list[Segment]] = defaultdict(list)
    heads: dict[int, Segment] = {}
    unnumbered: list[Segment] = []
    for segment in sorted(segments, key=lambda s: (s.docname, s.order)):
        if segment.kind == "unnumbered":
            unnumbered.append(segment)
            continue
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
    # A paragraph whose number is malformed (already reported) stands for the one after the
    # paragraph before it, when that one is missing: its text is compared, and the missing
    # paragraph is not reported a second time.
    for segment in unnumbered:
        if segment.paragraph not in heads:
            heads[segment.paragraph] = segment
            by_number[segment.paragraph].append(segment)
    if not heads:
        return [Divergence("", 0, "the edition marks no paragraph as coming from the witness")]

    problems.extend(_order_problems(h for h in heads.values() if h.kind == "paragraph"))
    texts = {
        n: normalise(" ".join("".join(p.text for p in s.pieces) for s in by_number[n]))
        for n in heads
    }
    expected = [normalise(p) for p in witness]
    shifted = _shifted(heads, texts, expected, problems)
    for number in sorted(n for n in heads if n > len(witness) and n not in shifted):
        head = heads[number]
        problems.append(
            Divergence(
                head.docname,
                head.lineno,
                f"¶{number} does not exist: the witness has {len(witness)} paragraphs",
            )
        )
    accounted = set(shifted.values())
    for number in range(1, len(witness) + 1):
        if number not in heads or number in shifted:
            if number not in accounted:
                problems.append(_missing(number, witness, heads))
            continue
        if texts[number] == expected[number - 1]:
            continue
        mapped = _map_paragraph(by_number[number])
        difference = describe_difference(expected[number - 1], mapped.text)
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


def _shifted(
    heads: dict[int, Segment],
    texts: dict[int, str],
    expected: Sequence[str],
    problems: list[Divergence],
) -> dict[int, int]:
    """Paragraphs numbered wrongly: the edition's number → the witness paragraph it holds.

    A paragraph whose text is exactly another witness paragraph's (a skipped or repeated
    number, and every paragraph after it) is one warning at the first of the run, not a
    missing, a changed and a non-existent paragraph.
    """
    position: dict[str, int] = {}
    for number, text in enumerate(expected, 1):
        position.setdefault(text, number)
    right = {n for n in heads if n <= len(expected) and texts[n] == expected[n - 1]}
    shifted: dict[int, int] = {}
    offset, run = 0, 0
    for head in sorted(heads.values(), key=lambda s: (s.docname, s.order)):
        number = head.paragraph
        held = position.get(texts[number], 0)
        if number in right or not held or held in right or held in shifted.values():
            offset = 0
            continue
        shifted[number] = held
        if number - held != offset:
            offset, run = number - held, len(problems)
            problems.append(
                Divergence(
                    head.docname,
                    head.lineno,
                    f"¶{number} has the text of the witness's ¶{held}: the numbering is off "
                    f"by {number - held} from here",
                )
            )
        else:
            first = problems[run]
            problems[run] = first._replace(
                message=first.message.split(" (")[0] + f" (to ¶{number})"
            )
    return shifted


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
