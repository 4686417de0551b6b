"""suppress_warnings silences each subtype of ``edition`` warning, and only that one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from sphinx_edition.core.subtypes import Subtype

MakeApp = Callable[..., SphinxTestApp]

# Where each subtype's suppress test is (here, or with the check it belongs to).
ELSEWHERE = {
    "witness": "tests/test_witness.py::test_suppress_warnings_silences_the_witness_check",
    "xref": "tests/test_registers.py::test_suppress_warnings_silences_each_subtype",
    "date": "tests/test_registers.py::test_suppress_warnings_silences_each_subtype",
    "authority": "tests/test_registers.py::test_suppress_warnings_silences_each_subtype",
    "coordinates": "tests/test_registers.py::test_suppress_warnings_silences_each_subtype",
    "option": "tests/test_registers.py::test_suppress_warnings_silences_each_subtype",
    "note": "tests/test_notes.py::test_suppress_warnings_silences_note_problems",
    "chronology": "tests/test_checks.py::test_suppress_warnings_silences_each_check",
    "duration": "tests/test_checks.py::test_suppress_warnings_silences_each_check",
    "lifespan": "tests/test_checks.py::test_suppress_warnings_silences_each_check",
    "office": "tests/test_checks.py::test_suppress_warnings_silences_each_check",
    "url": "tests/test_checks.py::test_suppress_warnings_silences_each_check",
    "undecided": "tests/test_checks.py::test_suppress_warnings_silences_each_check",
    "anchor": "tests/test_anchors.py::test_suppress_warnings_silences_anchor_warnings",
}


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def _duplicate(root: Path) -> dict[str, object]:
    _append(root / "orgs.md", "\n:::{ed:org} ccp\n:name: Again\n:::\n")
    return {}


def _unused(root: Path) -> dict[str, object]:
    _append(root / "glossary.md", "\n:::{glossary}\nPolitburo\n  Never used.\n:::\n")
    return {}


def _config(root: Path) -> dict[str, object]:
    _append(root / "conf.py", "edition_checks = 'yes'\n")
    return {}


def _second_sentence(root: Path, marked: str, printed: str) -> None:
    """A sentence added to ¶1 of the registers root, as printed and as marked."""
    for name, words, end in (
        ("witness.txt", printed, "at Beijing Airport."),
        ("text.md", marked, "<beijing-airport>`."),
    ):
        path = root / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(end, f"{end} {words}", 1), encoding="utf-8")


def _missed(root: Path) -> dict[str, object]:
    _second_sentence(root, "Later Zhou Enlai wrote.", "Later Zhou Enlai wrote.")
    return {}


def _tagging(root: Path) -> dict[str, object]:
    _second_sentence(
        root, "Later {ed:person}`Zhou Enlai <kosygin>` wrote.", "Later Zhou Enlai wrote."
    )
    return {}


def _export(root: Path) -> dict[str, object]:
    return {"edition_principles": "no-such-page"}


def _citation(root: Path) -> dict[str, object]:
    text = root / "text.md"
    text.write_text(
        text.read_text(encoding="utf-8").replace(":sources: luthi2008", ":sources: luthi2009"),
        encoding="utf-8",
    )
    return {}


HERE = {
    "duplicate": ("registers", _duplicate),
    "unused": ("registers", _unused),
    "config": ("registers", _config),
    "export": ("registers", _export),
    "citation": ("notes", _citation),
    "missed": ("registers", _missed),
    "tagging": ("registers", _tagging),
}


def test_every_subtype_has_a_suppress_test() -> None:
    assert {s.value for s in Subtype} == set(ELSEWHERE) | set(HERE)


@pytest.mark.parametrize("subtype", sorted(HERE))
def test_suppress_warnings_silences_the_subtype(
    make_app: MakeApp, copy_root: Callable[[str], Path], subtype: str
) -> None:
    root_name, breaks = HERE[subtype]
    srcdir = copy_root(root_name)
    overrides = breaks(srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides=dict(overrides))
    app.build()
    loud = strip_escape_sequences(app.warning.getvalue())
    assert f"[edition.{subtype}]" in loud
    quiet = make_app(
        "html",
        srcdir=srcdir,
        freshenv=True,
        confoverrides={**overrides, "suppress_warnings": [f"edition.{subtype}"]},
    )
    quiet.build(force_all=True)
    assert f"[edition.{subtype}]" not in strip_escape_sequences(quiet.warning.getvalue())
