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
    """Every way the transcription in *segments* departs from the *witness* paragraphs.

    Each paragraph is first matched by its number; one whose text is exactly another witness
    paragraph's is misnumbered (a skipped or repeated number, and the paragraphs after it):
    one warning for the run, not a missing, a changed and a non-existent paragraph each.
    """
    ordered = sorted(segments, key=lambda s: (s.docname, s.order))
    paragraphs = [s for s in ordered if s.kind in {"paragraph", "unnumbered"}]
    if not paragraphs:
        return [
            Divergence(
                "",
                0,
                "the edition marks no paragraph as coming from the witness: transcribe each "
                "paragraph as an ed:paragraph (with ::: fences, myst_enable_extensions must "
                "have 'colon_fence')",
            )
        ]
    expected = [normalise(p) for p in witness]
    parts = _parts(ordered)
    texts = {id(p): normalise(" ".join(_joined(s) for s in parts[id(p)])) for p in paragraphs}

    claimed: dict[int, Segment] = {}  # witness paragraph → the edition's paragraph with its text
    for p in paragraphs:
        n = p.paragraph
        if (
            p.kind == "paragraph"
            and n <= len(expected)
            and n not in claimed
            and texts[id(p)] == expected[n - 1]
        ):
            claimed[n] = p
    problems: list[Divergence] = []
    problems.extend(_misnumbered(paragraphs, texts, expected, claimed))
    matched = {id(p) for p in claimed.values()}

    heads: dict[int, Segment] = {}  # the paragraphs compared with the witness by their number
    for p in paragraphs:
        if id(p) in matched:
            continue
        n = p.paragraph
        if n in claimed or n in heads:
            if p.kind == "paragraph":
                first = next(q for q in paragraphs if q.paragraph == n and q.kind == "paragraph")
                problems.append(
                    Divergence(
                        p.docname,
                        p.lineno,
                        f"¶{n} is given twice (first in {first.docname}, line {first.lineno})",
                    )
                )
            continue
        heads[n] = p
    numbered = {**heads, **claimed}
    problems.extend(
        _order_problems(
            p for p in paragraphs if p.kind == "paragraph" and numbered.get(p.paragraph) is p
        )
    )
    for n in sorted(n for n in heads if n > len(expected)):
        problems.append(
            Divergence(
                heads[n].docname,
                heads[n].lineno,
                f"¶{n} does not exist: the witness has {len(witness)} "
                f"paragraph{'s' * (len(witness) != 1)}",
            )
        )
    for n in range(1, len(expected) + 1):
        if n in claimed:
            continue
        if n not in heads:
            problems.append(_missing(n, witness, numbered))
            continue
        mapped = _map_paragraph(parts[id(heads[n])])
        difference = describe_difference(expected[n - 1], mapped.text)
        if difference is not None:
            index, description = difference
            if mapped.where:
                docname, line = mapped.where[min(index, len(mapped.where) - 1)]
            else:
                docname, line = heads[n].docname, heads[n].lineno
            problems.append(
                Divergence(docname, line, f"¶{n} differs from the witness: {description}")
            )
    return sorted(problems, key=lambda d: (d.docname, d.line))


def _joined(segment: Segment) -> str:
    return "".join(piece.text for piece in segment.pieces)


def _parts(ordered: Sequence[Segment]) -> dict[int, list[Segment]]:
    """Each paragraph's segments: the witness text set before it (a run-in heading), which
    belongs to the first paragraph of its number, and the paragraph itself."""
    headings: dict[int, list[Segment]] = defaultdict(list)
    for segment in ordered:
        if segment.kind == "heading":
            headings[segment.paragraph].append(segment)
    parts: dict[int, list[Segment]] = {}
    for segment in ordered:
        if segment.kind in {"paragraph", "unnumbered"}:
            parts[id(segment)] = [*headings.pop(segment.paragraph, []), segment]
    return parts


def _misnumbered(
    paragraphs: Sequence[Segment],
    texts: dict[int, str],
    expected: Sequence[str],
    claimed: dict[int, Segment],
) -> list[Divergence]:
    """Paragraphs whose text is another witness paragraph's: each claims that paragraph, and
    a run of them numbered wrongly by the same amount is one warning, at its first."""
    position: dict[str, int] = {}
    for number, text in enumerate(expected, 1):
        position.setdefault(text, number)
    problems: list[Divergence] = []
    offset, run = 0, -1
    for p in paragraphs:
        held = position.get(texts[id(p)], 0)
        if claimed.get(p.paragraph) is p or not held or held in claimed or held == p.paragraph:
            offset = 0
            continue
        claimed[held] = p
        if p.paragraph - held == offset and run >= 0:
            first = problems[run]
            problems[run] = first._replace(
                message=first.message.split(" (to ¶")[0] + f" (to ¶{p.paragraph})"
            )
            continue
        offset, run = p.paragraph - held, len(problems)
        what = f"numbered ¶{p.paragraph}" if p.kind == "paragraph" else "unnumbered"
        problems.append(
            Divergence(
                p.docname,
                p.lineno,
                f"{what}, this paragraph has the text of the witness's ¶{held}: the numbering "
                f"is {abs(offset)} too {'high' if offset > 0 else 'low'} from here",
            )
        )
    return problems


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
