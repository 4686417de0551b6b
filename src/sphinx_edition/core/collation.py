"""The order of names in registers and indexes (pure): the Unicode Collation Algorithm.

Names are compared by the UCA with its default table (DUCET), through pyuca, so that
"Łódź" stands among the L's, "Österreich" among the O's and "Ürümqi" among the U's instead of
after "Z" as code points would put them.  pyuca is pure Python; PyICU would add CLDR's
tailorings for each language, but it needs the ICU C library built and installed, which an
editor's machine or a documentation host often lacks.  The price is that nothing is tailored:
Swedish "ö after z", Spanish "ñ after n" or pinyin order for Chinese are not available.  Han
characters have no DUCET entries and sort by DUCET's implicit weights, which follow the code
points: radical-stroke order within each of the Unicode blocks.  pyuca weighs spaces and
punctuation as characters ("non-ignorable"), so "Lü-shun" comes before "Lushun".

The table is UCA 10.0.0's, the newest pyuca ships.  Reading it (``allkeys.txt``) takes 150 to
200 ms, so the collator is built once, on first use, and never at import.  Keys and headings
once computed are kept (:func:`memo`), and an edition keeps them between builds
(:mod:`sphinx_edition.domain.memo`): a rebuild that names no new entry never builds it.
"""

from __future__ import annotations

import functools
import string
import unicodedata
from collections.abc import Mapping
from typing import Any, Protocol

Key = tuple[tuple[int, ...], str, str]
"""A name's place in the order: its UCA sort key, then its case-folded form and the name
itself, so that two different names never compare equal (a total, stable order)."""


class _Collator(Protocol):
    def sort_key(self, text: str) -> tuple[int, ...]: ...

    def collation_elements(self, normalized: str) -> list[list[int]]: ...


@functools.cache
def _collator() -> _Collator:
    from pyuca.collator import Collator_10_0_0  # type: ignore[import-untyped]

    collator: _Collator = Collator_10_0_0()
    return collator


# What the keys are computed with: a memo made with another table is not used.
TABLE = "pyuca Collator_10_0_0, ties by casefold"
_KEYS: dict[str, Key] = {}
_HEADINGS: dict[str, str] = {}


def key(text: str) -> Key:
    """Where *text* stands among names: by the UCA, ties broken by the case-folded text."""
    found = _KEYS.get(text)
    if found is None:
        found = _KEYS[text] = (_collator().sort_key(text), text.casefold(), text)
    return found


def memo() -> tuple[str, dict[str, Key], dict[str, str]]:
    """The keys and headings computed so far, with :data:`TABLE` (the live dictionaries)."""
    return (TABLE, _KEYS, _HEADINGS)


def learn(held: Any) -> None:
    """Take the keys and headings of a :func:`memo` made earlier (ignored if of another
    table or not a memo at all)."""
    if not (isinstance(held, tuple) and len(held) == 3 and held[0] == TABLE):
        return
    keys, headings = held[1], held[2]
    if isinstance(keys, Mapping) and keys is not _KEYS:
        _KEYS.update(keys)
    if isinstance(headings, Mapping) and headings is not _HEADINGS:
        _HEADINGS.update(headings)


def _primary(char: str) -> int | None:
    """The primary weight of *char*: what the UCA compares first (the base letter)."""
    normalized = unicodedata.normalize("NFD", char)
    for element in _collator().collation_elements(normalized):
        if element[0]:
            return element[0]
    return None


@functools.cache
def _latin() -> dict[int, str]:
    return {p: c for c in string.ascii_uppercase if (p := _primary(c)) is not None}


def initial(text: str) -> str | None:
    """The letter *text* is indexed under; None when it does not start with a letter.

    A letter with a diacritic stands under its base letter ("Ö" under "O"), and so do letters
    the UCA weighs as a Latin letter although Unicode does not decompose them ("Ł" under "L",
    "Ø" under "O", "ß" under "S"): the primary weights decide.  A letter with a primary weight
    of its own stands under itself ("Þ", Russian "Й"), and so does a Han character or a Hangul
    syllable ("北", "한").
    """
    first = text.strip()[:1]
    return _heading(first) if first.isalpha() else None


def _heading(char: str) -> str:
    found = _HEADINGS.get(char)
    if found is None:
        found = _HEADINGS[char] = _compute_heading(char)
    return found


def _compute_heading(char: str) -> str:
    weight = _primary(char)
    if weight in _latin():
        return _latin()[weight]
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    # Only diacritics are taken off: a Hangul syllable decomposes into letters (jamo) too.
    plain = all(unicodedata.category(m).startswith("M") for m in marks)
    letter = base if plain and _primary(base) == weight else char
    upper = letter.upper()
    return upper if len(upper) == 1 else letter
