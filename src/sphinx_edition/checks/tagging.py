"""The rules on markup (pure): names left unmarked, and the same words marked as different entries.

No edition tool checks either as part of its build: an entry's name that stands in the
transcription without a mention of it is a *missed mention*; the same words marked as one
entry here and as another there are *inconsistent tagging*.  Both run on the records alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from sphinx_edition.checks.findings import OK, PROBLEM, Finding
from sphinx_edition.core.records import Entry, Mention, Segment, Unmarked
from sphinx_edition.core.subtypes import Subtype

MIN_NAME = 3  # shorter names ("UN") are left to the editor: they match too much


def _names(entry: Entry) -> list[str]:
    names = {entry.name, *(alt.name for alt in entry.alt)}
    return sorted((n for n in names if len(n) >= MIN_NAME), key=len, reverse=True)


_WORD = re.compile(r"\w+")


def _words(name: str) -> frozenset[str]:
    """The words a whole-word match of *name* puts in the text: a match starts where a word
    starts and ends where one ends, so each word of the name is a whole word of the text
    there. A paragraph that lacks one of them cannot hold the name."""
    return frozenset(_WORD.findall(name))


def _word_character(char: str) -> bool:
    # What ``\w`` matches in a str pattern: a character str.isalnum() accepts, or "_".
    return char.isalnum() or char == "_"


def _occurrences(name: str, text: str) -> list[tuple[int, int]]:
    r"""The spans of the whole-word occurrences of *name* in *text*, as
    ``re.finditer(r"(?<!\w)NAME(?!\w)", text)`` gives them (case matters: "china" in
    "porcelain china" is not China).

    Each place ``str.find`` gives is checked at its two ends, without a regular expression:
    compiling one for each name of every register took 1.3 s of a build at N = 200, and
    scanning a paragraph with it for each of its names was quadratic in a long paragraph's
    mentions.
    """
    found, size = [], len(name)
    start = text.find(name) if size else -1
    while start >= 0:
        end = start + size
        if (start == 0 or not _word_character(text[start - 1])) and (
            end == len(text) or not _word_character(text[end])
        ):
            found.append((start, end))
            start = text.find(name, end)
        else:
            start = text.find(name, start + 1)
    return found


def _blanked(text: str, found: list[tuple[int, int]]) -> str:
    """*text* with the spans in *found* (in order, not overlapping) set to NULs."""
    pieces, end = [], 0
    for start, stop in found:
        pieces += [text[end:start], "\0" * (stop - start)]
        end = stop
    return "".join([*pieces, text[end:]])


def _line_at(segment: Segment, offset: int) -> int:
    seen = 0
    for piece in segment.pieces:
        if offset < seen + len(piece.text):
            return piece.line + piece.text.count("\n", 0, offset - seen)
        seen += len(piece.text)
    return segment.lineno


def missed_mentions(
    entries: Mapping[str, Sequence[Entry]],
    segments: Sequence[Segment],
    mentions: Sequence[Mention],
    unmarked: Sequence[Unmarked] = (),
) -> Iterator[Finding]:
    """Every name (or alternative name) of an entry that stands in the transcription more
    often than it stands inside markup: a mention (of it, or of an entry whose name holds it,
    as "Beijing" in "Beijing Airport"), a glossary term, or words marked ``{ed:unmarked}``."""
    marked: dict[tuple[str, int], list[str]] = defaultdict(list)
    for record in mentions:
        if record.in_text:
            marked[(record.docname, record.paragraph)].append(record.text)
    for span in unmarked:
        marked[(span.docname, span.paragraph)].append(span.text)
    # A paragraph's marked words in one string, for one search per name: searching each
    # marked text for each name was quadratic in a paragraph's mentions.  A name holds no NUL,
    # and NUL is no word character, so no match spans two texts and each text's ends bound a
    # whole word as the string's ends do.
    marked_words = {where: "\0".join(texts) for where, texts in marked.items()}
    # Which entries can name something in a paragraph: by the longest word of each name, so
    # that a paragraph is searched for the few entries whose names it can hold, not for
    # every name of every register (N² over an edition).
    order = {entry_id: i for i, entry_id in enumerate(entries)}
    names = {
        entry_id: [(name, _words(name)) for name in _names(records[0])]
        for entry_id, records in entries.items()
    }
    by_word: dict[str, set[str]] = defaultdict(set)
    anywhere: set[str] = set()  # a name without a word, looked for in every paragraph
    for entry_id, entry_names in names.items():
        for _, words in entry_names:
            if words:
                by_word[max(sorted(words), key=len)].add(entry_id)
            else:
                anywhere.add(entry_id)
    for segment in segments:
        text = "".join(piece.text for piece in segment.pieces)
        where = (segment.docname, segment.paragraph)
        present = set(_WORD.findall(text))
        candidates = set(anywhere)
        for word in present & by_word.keys():
            candidates |= by_word[word]
        # In the registers' order, as before: a longer name blanked out is not found again.
        for entry_id in sorted(candidates, key=order.__getitem__):
            entry = entries[entry_id][0]
            for name, words in names[entry_id]:
                if not words <= present:
                    continue
                found = _occurrences(name, text)
                if not found:
                    continue
                covered = len(_occurrences(name, marked_words.get(where, "")))
                # Words already counted for a longer name of the entry are not counted again.
                text = _blanked(text, found)
                if len(found) <= covered:
                    yield Finding(
                        "mentions",
                        OK,
                        Subtype.MISSED,
                        segment.docname,
                        segment.lineno,
                        f"{name!r} is marked as ed:{entry.kind} {entry.id} in ¶{segment.paragraph}",
                    )
                    continue
                missed = found[covered]
                yield Finding(
                    "mentions",
                    PROBLEM,
                    Subtype.MISSED,
                    segment.docname,
                    _line_at(segment, missed[0]),
                    f"{name!r} in ¶{segment.paragraph} names ed:{entry.kind} {entry.id} but is "
                    f"not marked: mark it with {{ed:{entry.kind}}}`{name} <{entry.id}>`, or "
                    f"with {{ed:unmarked}}`{name}` if it is meant otherwise",
                )


def inconsistent_tagging(
    entries: Mapping[str, Sequence[Entry]], mentions: Sequence[Mention]
) -> Iterator[Finding]:
    """The same words, a name of one of the entries they are marked as, marked as different
    entries in different places of the text."""
    names: dict[str, set[str]] = defaultdict(set)
    for records in entries.values():
        for name in [*_names(records[0]), records[0].name]:
            names[" ".join(name.split())].add(records[0].id)
    by_words: dict[str, list[Mention]] = defaultdict(list)
    for record in mentions:
        if record.in_text and record.target in entries:
            by_words[" ".join(record.text.split())].append(record)
    for words, found in sorted(by_words.items()):
        targets = {m.target for m in found}
        if len(targets) < 2 or not (names.get(words, set()) & targets):
            continue
        first = found[0]
        for record in found[1:]:
            if record.target == first.target:
                continue
            yield Finding(
                "mentions",
                PROBLEM,
                Subtype.TAGGING,
                record.docname,
                record.lineno,
                f"{words!r} is marked as ed:{record.kind} {record.target} here but as "
                f"ed:{first.kind} {first.target} in {first.docname}, line {first.lineno}",
            )
