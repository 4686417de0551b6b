"""The reference tables in the docs' Markdown match the code they are made from."""

from __future__ import annotations

import sys

import pytest

from conftest import DOCS

sys.path.insert(0, str(DOCS / "_ext"))
import reference_tables


@pytest.mark.parametrize("page", reference_tables.PAGES)
def test_the_committed_tables_are_those_the_code_makes(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    assert reference_tables.names_in(text), f"{page} has no reference table"
    assert reference_tables.synced(text) == text, (
        f"{page}: a reference table differs from the code; run "
        "`python docs/_ext/reference_tables.py` and commit the result"
    )


def test_every_table_stands_in_a_page() -> None:
    shown = [
        name
        for page in reference_tables.PAGES
        for name in reference_tables.names_in((DOCS / page).read_text(encoding="utf-8"))
    ]
    assert sorted(shown) == sorted(reference_tables.TABLES)


def test_a_table_that_falls_behind_the_code_is_caught() -> None:
    text = (DOCS / "editors.md").read_text(encoding="utf-8")
    stale = text.replace("| `edition_witness` |", "| `edition_witnesses` |", 1)
    assert stale != text
    assert reference_tables.synced(stale) == text
