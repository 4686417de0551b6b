"""The reference tables of the docs, made from the extension's code and kept in the Markdown.

The tables of configuration values, warning subtypes, duration qualifiers, sequence relations
and note categories are written into the pages between markers::

    <!-- reference: config-values (made by docs/_ext/reference_tables.py) -->
    :::{table}
    :widths: 38 11 51
    ...
    :::
    <!-- /reference -->

so that the pages read whole in an editor or on a code host, unbuilt.  ``python
docs/_ext/reference_tables.py`` rewrites them after the code changed; ``tests/
test_reference_docs.py`` fails while a page and the code disagree.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from sphinx_edition.config import CONFIG_VALUES
from sphinx_edition.core.durations import DEFAULT_QUALIFIER, QUALIFIERS, RELATIONS
from sphinx_edition.core.subtypes import Subtype
from sphinx_edition.core.vocabulary import ACT_LABELS, DEFAULT_CATEGORIES

DOCS = Path(__file__).parents[1]
PAGES = ("editors.md", "principles.md")
_BLOCK = re.compile(
    r"(?P<open><!-- reference: (?P<name>[a-z-]+) [^\n]*-->\n)"
    r"(?P<body>.*?)"
    r"(?P<close><!-- /reference -->)",
    re.S,
)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _code(text: str) -> str:
    text = " ".join(text.split())
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]], widths: str) -> str:
    """A Markdown table in a ``table`` directive: its columns *widths* wide (relative), so
    that the PDF gives each column its room and a web page does not lay the table out again as
    its rows arrive; a ``longtable``, so that the PDF breaks it across pages."""
    heads = list(headers)
    lines = [":::{table}", f":widths: {widths}", ":class: longtable", ""]
    lines += ["| " + " | ".join(heads) + " |", "|" + " --- |" * len(heads)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join([*lines, ":::"]) + "\n"


def config_values() -> str:
    return _table(
        ("name", "default", "meaning"),
        ((_code(v.name), _code(repr(v.default)), _cell(v.doc)) for v in CONFIG_VALUES),
        "38 11 51",
    )


def warning_subtypes() -> str:
    return _table(
        ("suppress with", "meaning", "example"),
        (
            (_code(s.name_in_config), _cell(s.doc.replace("``", "`")), _code(s.example))
            for s in Subtype
        ),
        "30 38 32",
    )


def tolerances() -> str:
    by_rule: dict[str, list[str]] = {}
    for word, qualifier in QUALIFIERS.items():
        by_rule.setdefault(qualifier.meaning, []).append(word)
    rows = []
    for meaning, words in by_rule.items():
        low, high = QUALIFIERS[words[0]].window(30)
        example = f"{max(low, 0):g} to {high:g}" if high != float("inf") else f"{low:g} or more"
        names = ", ".join(words) + (" (the default)" if DEFAULT_QUALIFIER in words else "")
        rows.append(
            (_code(names), _cell(meaning), f"a claim of 30 years holds for {example} years")
        )
    return _table(("qualifier", "the real value may be", "example"), rows, "28 40 32")


def relations() -> str:
    return _table(
        ("relation", "meaning"),
        ((_code(name), _cell(text)) for name, text in RELATIONS.items()),
        "25 75",
    )


def note_categories() -> str:
    return _table(
        ("category", "what the note answers", "editorial act"),
        ((_code(c.name), _cell(c.meaning), ACT_LABELS[c.act]) for c in DEFAULT_CATEGORIES),
        "26 52 22",
    )


TABLES: dict[str, Callable[[], str]] = {
    "config-values": config_values,
    "warning-subtypes": warning_subtypes,
    "tolerances": tolerances,
    "relations": relations,
    "note-categories": note_categories,
}


def synced(text: str) -> str:
    """*text* with every reference table made afresh from the code."""

    def fill(match: re.Match[str]) -> str:
        return match["open"] + TABLES[match["name"]]() + match["close"]

    return _BLOCK.sub(fill, text)


def names_in(text: str) -> list[str]:
    return [m["name"] for m in _BLOCK.finditer(text)]


def main() -> int:
    for name in PAGES:
        path = DOCS / name
        text = path.read_text(encoding="utf-8")
        new = synced(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"rewrote the reference tables of {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
