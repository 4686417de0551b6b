"""The witness check on one long paragraph: how long a build takes to report one changed
character in it, against the same paragraph unchanged; written to long_paragraph.json.

The comparison is linear in the paragraph's length (difflib, which is quadratic, aligns only
a window around the first difference), so a 200 KB paragraph with one changed character is
reported in about the time the unchanged one builds.  Figures only: nothing here is asserted.

    python benchmarks/long_paragraph.py [--kb 200] [--repeat 3] [--out benchmarks]
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CONF = (
    'extensions = ["sphinx_edition"]\nmyst_enable_extensions = ["colon_fence"]\n'
    'edition_witness = "witness.txt"\nexclude_patterns = ["_build"]\nhtml_theme = "basic"\n'
)
WORDS = ("border", "treaty", "Ussuri", "1969", "premier", "the", "of", "talks", "river")


def paragraph(kb: int) -> str:
    """About *kb* kilobytes of words, the same every time."""
    words = [WORDS[(i * 7 + i // 5) % len(WORDS)] for i in range(kb * 1024 // 4)]
    return " ".join(words)[: kb * 1024].rstrip() + "."


def project(root: Path, text: str, witness: str) -> Path:
    root.mkdir(parents=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    (root / "index.md").write_text(
        f"# Long\n\n:::{{ed:paragraph}} 1\n{text}\n:::\n", encoding="utf-8"
    )
    (root / "witness.txt").write_text(witness + "\n", encoding="utf-8")
    return root


def build(root: Path) -> tuple[float, list[str]]:
    """Seconds for a full HTML build, and its warning lines."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-E", "-q", "-b", "html", root, root / "_build"],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    return seconds, warnings


def measure(kb: int, repeat: int, work: Path) -> dict[str, Any]:
    witness = paragraph(kb)
    middle = len(witness) // 2
    middle = witness.index(" ", middle) + 1  # the first letter of a word near the middle
    changed = witness[:middle] + ("X" if witness[middle] != "X" else "Y") + witness[middle + 1 :]
    same = project(work / "same", witness, witness)
    differs = project(work / "differs", changed, witness)
    same_times, differs_times, warnings = [], [], []
    for _ in range(repeat):
        seconds, warned = build(same)
        same_times.append(seconds)
        assert not warned, warned
        seconds, warnings = build(differs)
        differs_times.append(seconds)
    located = [
        w for w in warnings if re.search(r"index\.md:\d+: WARNING: .*\[edition\.witness\]", w)
    ]
    return {
        "paragraph_kb": kb,
        "characters": len(witness),
        "repeat": repeat,
        "unchanged_build_s": round(statistics.median(same_times), 2),
        "one_changed_character_build_s": round(statistics.median(differs_times), 2),
        "warnings": len(warnings),
        "located_witness_warnings": len(located),
        "warning": located[0].split("WARNING: ", 1)[1][:200] if located else "",
        "python": platform.python_version(),
        "machine": platform.machine(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure(args.kb, args.repeat, Path(tmp))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "long_paragraph.json").write_text(
        json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
