"""What a rebuild does not do again: build the collator, import edtf (nor, for a date of the
Gregorian calendar, convertdate).

An editor's rebuild after changing some words names no new entry and no new date, so the keys,
headings and spans of the last build are given back from the environment
(``sphinx_edition.domain.memo``); the pages they sort stay exactly as a clean build writes them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import sphinx_build
from sphinx_edition.core import collation, dates, edtf_dates

# Runs one build in a fresh process and says what that process had to load.
PROBE = """
import json, sys
from sphinx.cmd.build import build_main
status = build_main(sys.argv[1:])
from sphinx_edition.core import collation
print(json.dumps({
    "status": status,
    "edtf": "edtf" in sys.modules,
    "convertdate": "convertdate" in sys.modules,
    "collator": collation._collator.cache_info().currsize,
}))
"""


def _build(source: Path, out: Path, *extra: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "-b", "html", "-q", *extra, str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_a_rebuild_of_changed_words_needs_neither_the_collator_nor_edtf(
    copy_root: Any, tmp_path: Path
) -> None:
    source = copy_root("registers")
    out = tmp_path / "html"
    first = _build(source, out, "-d", str(tmp_path / "doctrees"))
    # The clean build sorts the registers and parses "1958/1962~" with the edtf package.
    assert first == {"status": 0, "edtf": True, "convertdate": False, "collator": 1}
    index = source / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nSome words more.\n", "utf-8")
    second = _build(source, out, "-d", str(tmp_path / "doctrees"))
    assert second == {"status": 0, "edtf": False, "convertdate": False, "collator": 0}
    assert "Some words more." in (out / "index.html").read_text(encoding="utf-8")
    # The indexes written from the kept keys are those a clean build writes.
    clean = tmp_path / "clean"
    assert sphinx_build("-b", "html", "-q", source, clean).returncode == 0
    for page in ("ed-person.html", "ed-place.html", "people.html", "timeline.html"):
        assert (out / page).read_bytes() == (clean / page).read_bytes(), page
    # A new name in a register is sorted: the collator is built for it.
    people = source / "people.md"
    people.write_text(
        people.read_text(encoding="utf-8").replace("Mao Tse-tung [Wade–Giles]", "Mao [short]"),
        "utf-8",
    )
    third = _build(source, out, "-d", str(tmp_path / "doctrees"))
    assert third["collator"] == 1
    # A date of the Julian calendar is converted with convertdate, imported for it.
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\nOn {ed:date}`6 December 1878 <1878-12-06 julian>`.\n",
        "utf-8",
    )
    fourth = _build(source, out, "-d", str(tmp_path / "doctrees"))
    assert fourth["convertdate"] is True
    assert "= 18 December 1878 (New Style)" in (out / "index.html").read_text(encoding="utf-8")


def test_the_memo_of_another_table_or_version_is_not_used() -> None:
    text = "Zz memo test name"
    forged = (0,), text.casefold(), text
    collation.learn(("another table", {text: forged}, {}))
    collation.learn(("another table",))
    edtf_dates.learn(("edtf 0.0.1", {"1961~": "not a span"}))
    assert collation.key(text) != forged
    assert dates.parse("1961~").approximate
    collation.learn((collation.TABLE, {text + "!": forged}, {}))
    assert collation.key(text + "!") == forged  # one of its own table is taken as it is


# The same probe, counting the BibTeX fields the edition converts from LaTeX in the build.
CONVERSIONS = """
import json, sys
from sphinx.cmd.build import build_main
from sphinx_edition.core import edition
converted = []
class Counted:  # latex_text's first step, taken only for a field it converts
    def __init__(self, pattern):
        self.pattern = pattern
    def sub(self, *args):
        converted.append(args[-1])
        return self.pattern.sub(*args)
edition._COMMAND = Counted(edition._COMMAND)
status = build_main(sys.argv[1:])
print(json.dumps({"status": status, "converted": len(converted)}))
"""


def test_a_rebuild_of_changed_words_converts_no_bibtex_field_again(
    copy_root: Any, tmp_path: Path
) -> None:
    source = copy_root("notes")

    def build(out: Path) -> int:
        args = ["-b", "html", "-q", "-d", str(out / "doctrees"), str(source), str(out / "html")]
        result = subprocess.run(
            [sys.executable, "-c", CONVERSIONS, *args], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
        found = json.loads(result.stdout.strip().splitlines()[-1])
        assert found["status"] == 0
        return int(found["converted"])

    out = tmp_path / "out"
    # The clean build converts the fields of the TEI bibliography and the sources' labels.
    assert build(out) > 0
    text = source / "text.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nSome words more.\n", "utf-8")
    assert build(out) == 0
    # The TEI document written from the kept conversions is the one a clean build writes.
    clean = tmp_path / "clean"
    assert build(clean) > 0
    tei = Path("html", "data", "edition.tei.xml")
    assert (out / tei).read_bytes() == (clean / tei).read_bytes()
