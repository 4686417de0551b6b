"""Two checks of the markup itself: names left unmarked, and the same words tagged differently."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import edit, warnings_of

MakeApp = Callable[..., SphinxTestApp]


def with_second_sentence(srcdir: Path, marked: str, printed: str) -> None:
    """Add a sentence to ¶1, in the witness as printed and in the text as *marked*."""
    edit(srcdir / "witness.txt", "at Beijing Airport.", f"at Beijing Airport. {printed}")
    edit(srcdir / "text.md", "<beijing-airport>`.", f"<beijing-airport>`. {marked}")


def build(make_app: MakeApp, srcdir: Path) -> list[str]:
    app = make_app("html", srcdir=srcdir)
    app.build()
    return warnings_of(app)


def test_a_name_in_the_text_without_a_mention_is_a_missed_mention(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    # Names and alternative names count (a surname alone is not a name of the entry).
    printed = "Later Zhou Enlai wrote to Alexei Kosygin, who was not Chou En-lai."
    marked = "Later Zhou Enlai wrote to Alexei Kosygin, who was not {ed:unmarked}`Chou En-lai`."
    with_second_sentence(srcdir, marked, printed)
    assert build(make_app, srcdir) == [
        "text.md:4: WARNING: 'Alexei Kosygin' in ¶1 names ed:person kosygin but is not marked: "
        "mark it with {ed:person}`Alexei Kosygin <kosygin>`, or with {ed:unmarked}`Alexei "
        "Kosygin` if it is meant otherwise [edition.missed]",
        "text.md:4: WARNING: 'Zhou Enlai' in ¶1 names ed:person zhou-enlai but is not marked: "
        "mark it with {ed:person}`Zhou Enlai <zhou-enlai>`, or with {ed:unmarked}`Zhou Enlai` "
        "if it is meant otherwise [edition.missed]",
    ]


def test_marked_or_deliberately_unmarked_names_are_no_missed_mention(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    with_second_sentence(
        srcdir,
        "Later {ed:person}`Zhou <zhou-enlai>` wrote to the {ed:unmarked}`Kosygin` family.",
        "Later Zhou wrote to the Kosygin family.",
    )
    assert build(make_app, srcdir) == []
    # The unmarked words are still the witness's: a changed letter in them is found.
    edit(srcdir / "text.md", "{ed:unmarked}`Kosygin`", "{ed:unmarked}`Kossygin`")
    assert any("[edition.witness]" in w for w in build(make_app, srcdir))


def test_the_same_name_tagged_as_two_entries_is_inconsistent(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    with_second_sentence(
        srcdir,
        "Later {ed:person}`Zhou Enlai <kosygin>` wrote.",
        "Later Zhou Enlai wrote.",
    )
    assert build(make_app, srcdir) == [
        "text.md:4: WARNING: 'Zhou Enlai' is marked as ed:person kosygin here but as ed:person "
        "zhou-enlai in text, line 4 [edition.tagging]",
    ]


def test_the_edition_has_no_missed_mention_and_no_inconsistent_tagging(
    make_app: MakeApp, tmp_path: Path
) -> None:
    from conftest import DOCS

    app = make_app("edition-check", srcdir=DOCS, builddir=tmp_path / "build")
    app.build()
    checked = [w for w in warnings_of(app) if "[edition.missed]" in w or "[edition.tagging]" in w]
    assert checked == []


def test_names_are_found_where_a_whole_word_pattern_finds_them() -> None:
    """The name finder checks the ends of each place without compiling a pattern: random
    texts and names of letters, digits, "_", punctuation, spaces, accented, Cyrillic and
    Chinese characters, which overlap and repeat, give the same spans, in the same order, as
    ``re.finditer(r"(?<!\\w)NAME(?!\\w)")``."""
    import random
    import re

    from sphinx_edition.checks.tagging import _occurrences

    rng = random.Random(1969)
    pieces = ["a", "b", "ab", "A", "é", "Ж", "中", "1", "_", " ", "-", "'", ".", "\u00a0", "\0"]
    found = repeated = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        name = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 3)))
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        expected = [match.span() for match in pattern.finditer(text)]
        assert _occurrences(name, text) == expected, (name, text)
        found += len(expected)
        repeated += len(expected) > 1
    assert found > 2_000  # the cases find names,
    assert repeated > 300  # many of them more than once
    # As finditer, the places do not overlap: the second "a a" in "a a a" shares its first "a".
    assert _occurrences("a a", "a a a") == [(0, 3)]
    assert _occurrences("a a", "a a, a a") == [(0, 3), (5, 8)]
