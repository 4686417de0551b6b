"""The adversarial corpus (``tests/corpus/*.txt``): each tiny project gives exactly the located
``edition.*`` warnings it lists, no other warning and no traceback; a valid one gives none.

The cases are built once, spread over the machine's cores, and each is then one test.
"""

from __future__ import annotations

import pytest
from corpus.run import Case, Outcome, all_cases, figures, run_all

CASES = all_cases()


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    return run_all(CASES)


def test_the_corpus_is_large_and_has_valid_cases_too() -> None:
    assert len(CASES) >= 100
    assert len({c.source for c in CASES}) == len(CASES)
    assert sum(1 for c in CASES if not c.expected) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c.source for c in CASES])
def test_case_gives_exactly_its_located_warnings(case: Case, outcomes: dict[str, Outcome]) -> None:
    got = outcomes[case.source]
    assert got.traceback == ""
    assert got.other == []
    assert got.pages == []
    assert got.located == case.expected


def test_figures_count_every_case(outcomes: dict[str, Outcome]) -> None:
    found = figures(CASES, outcomes)
    assert found["cases"] == found["with a problem"] + found["valid"] == len(CASES)
    assert found["as expected"] == len(CASES)
