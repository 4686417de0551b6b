"""The adversarial corpus: many tiny projects, each with the warnings it must give.

A case file (``tests/corpus/*.txt``) holds cases separated by ``=== name`` lines.  Inside a
case, ``--- path`` starts a file of the project (replacing the default of that name, or
adding a page; ``--- +path`` adds lines to the default).  A line of a file that ends with
``  ⟸ subtype`` (or ``⟸ subtype*2``, or ``⟸ a, b``) must give that warning at that line; the
mark is not part of the file.  ``--- expect`` lists other warnings, one per line as
``path:line subtype [count]``; ``--- builders`` names builders to run after ``html``
(``edition-check``, ``tei``, ``latex``, ``text``), which must warn no more than it does;
``--- shows`` and ``--- never`` list ``page.html: text`` that the built page must and must
not contain.  A case with no expected warning is valid input and must build without one.

Each case is built in a fresh folder by Sphinx in this process; :func:`run_all` spreads
the cases over the machine's cores.  Run ``python -m tests.corpus.run`` for the figures
that ``docs/quality.md`` reports.
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).parent

DEFAULTS = {
    "conf.py": (
        'extensions = ["sphinxcontrib.bibtex", "sphinx_edition"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        'edition_witness = "witness.txt"\n'
        'bibtex_bibfiles = ["refs.bib"]\n'
        'exclude_patterns = ["_build"]\n'
        'html_theme = "basic"\n'
    ),
    "index.md": "# Corpus\n\n```{toctree}\n:glob:\n\n*\n```\n",
    "text.md": "# Text\n\n:::{ed:paragraph} 1\nAlpha beta gamma.\n:::\n",
    "witness.txt": "Alpha beta gamma.\n",
    "refs.bib": (
        '@misc{k1,\n  author = "Doe, Jane",\n  title = "A Book",\n  publisher = "P",\n'
        '  year = "2001"\n}\n'
    ),
    "bibliography.md": "# Sources\n\n```{bibliography}\n:all:\n```\n",
}
_WARNING = re.compile(r"^(?P<path>[^\s:][^:]*?):(?P<line>\d+): WARNING: (?P<message>.*)$")
_SUBTYPE = re.compile(r"\[edition\.(?P<subtype>[a-z_]+)\]$")


@dataclass(frozen=True)
class Case:
    """One tiny project and the warnings it must give."""

    source: str  # the case file and name, e.g. "options.txt::paragraph-superscript"
    files: dict[str, str]
    expected: Counter[tuple[str, int, str]]
    builders: tuple[str, ...] = ("html",)
    shows: tuple[tuple[str, str], ...] = ()
    never: tuple[tuple[str, str], ...] = ()


@dataclass
class Outcome:
    """What building a case gave."""

    located: Counter[tuple[str, int, str]] = field(default_factory=Counter)
    other: list[str] = field(default_factory=list)  # warnings not edition.* with file:line
    traceback: str = ""
    pages: list[str] = field(default_factory=list)  # what the built pages lack or hold wrongly


def load(path: Path) -> list[Case]:
    """The cases of one case file."""
    cases = []
    for block in re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
        name, _, body = block.partition("\n")
        files: dict[str, str] = {}
        current = ""
        for line in body.splitlines(keepends=True):
            if line.startswith("--- "):
                current = line[4:].strip()
                files[current] = ""
            elif current:
                files[current] += line
        expected: Counter[tuple[str, int, str]] = Counter()
        for line in files.pop("expect", "").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            where, subtype, *count = line.split()
            file, _, number = where.rpartition(":")
            expected[(file, int(number), subtype)] += int(count[0]) if count else 1
        builders = ("html", *files.pop("builders", "").split())
        shows, never = (_page_lines(files.pop(key, "")) for key in ("shows", "never"))
        project: dict[str, str] = {}
        for given, text in files.items():
            target = given.removeprefix("+")
            appended = given.startswith("+")
            text = _marks(target, text, expected, appended)
            project[target] = DEFAULTS[target] + text if appended else text
        project = {k: _unescape(v) for k, v in project.items()}
        cases.append(
            Case(f"{path.name}::{name.strip()}", project, expected, builders, shows, never)
        )
    return cases


_MARK = "  ⟸ "


def _marks(name: str, text: str, expected: Counter[tuple[str, int, str]], appended: bool) -> str:
    """*text* without its ``⟸`` marks, each noted in *expected* at its line."""
    lines = text.split("\n")
    offset = DEFAULTS.get(name, "").count("\n") if appended else 0
    for number, line in enumerate(lines, 1):
        if _MARK in line:
            content, _, marks = line.rpartition(_MARK)
            lines[number - 1] = content
            for mark in marks.split(","):
                subtype, _, count = mark.strip().partition("*")
                expected[(name, number + offset, subtype)] += int(count or 1)
    return "\n".join(lines)


def _page_lines(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for line in text.splitlines():
        if line.strip():
            page, _, wanted = line.partition(": ")
            pairs.append((page.strip(), wanted))
    return tuple(pairs)


def _unescape(text: str) -> str:
    r"""A file's text: ``\r`` ``\ufeff`` ``\x..`` escapes written as ``{{CR}}``, ``{{BOM}}``,
    ``{{NOEOL}}`` (no final line end), ``{{REPEAT n text}}``; the rest as written."""
    text = text.replace("{{CR}}\n", "\r\n").replace("{{BOM}}", "\ufeff")
    text = re.sub(r"\{\{REPEAT (\d+) ([^}]*)\}\}", lambda m: m[2] * int(m[1]), text)
    if text.endswith("{{NOEOL}}\n"):
        text = text[: -len("{{NOEOL}}\n")]
    return text


def all_cases() -> list[Case]:
    return [case for path in sorted(CORPUS.glob("*.txt")) for case in load(path)]


def build(case: Case) -> Outcome:
    """Build *case* in a fresh folder with each of its builders; what the builds warned."""
    from sphinx.application import Sphinx
    from sphinx.util.console import strip_escape_sequences
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    outcome = Outcome()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        files = {**DEFAULTS, **case.files}
        for name, text in files.items():
            target = src / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if name.endswith(".latin1"):
                target.with_suffix("").write_bytes(text.encode("latin-1"))
            else:
                target.write_bytes(text.encode("utf-8"))
        for builder in case.builders:
            warnings = io.StringIO()
            try:
                with patch_docutils(src), docutils_namespace():
                    app = Sphinx(
                        src,
                        src,
                        Path(tmp) / builder,
                        Path(tmp) / "doctrees" / builder,
                        builder,
                        status=None,
                        warning=warnings,
                        freshenv=True,
                    )
                    app.build()
            except Exception:
                outcome.traceback = traceback.format_exc()
                return outcome
            log = strip_escape_sequences(warnings.getvalue()).replace(f"{src}/", "")
            found: Counter[tuple[str, int, str]] = Counter()
            for line in log.splitlines():
                match = _WARNING.match(line)
                subtype = _SUBTYPE.search(line)
                if match and subtype:
                    found[(match["path"], int(match["line"]), subtype["subtype"])] += 1
                elif line.strip() and not line.startswith(" "):
                    outcome.other.append(f"[{builder}] {line}")
            if builder == "html":
                outcome.located = found
                outcome.pages = _check_pages(case, Path(tmp) / builder)
            elif found - outcome.located:
                # Another builder must not find more than the HTML build did.
                outcome.other.append(f"[{builder}] {dict(found - outcome.located)}")
    return outcome


def _check_pages(case: Case, out: Path) -> list[str]:
    """What the built pages lack of ``--- shows`` or hold of ``--- never``."""
    wrong = []
    for rule, pairs in (("lacks", case.shows), ("holds", case.never)):
        for page, text in pairs:
            try:
                html = (out / page).read_text(encoding="utf-8")
            except OSError:
                wrong.append(f"{page} was not written")
                continue
            if (text in html) != (rule == "lacks"):
                wrong.append(f"{page} {rule} {text!r}")
    return wrong


def _build_safely(case: Case) -> Outcome:
    try:
        return build(case)
    except Exception:
        return Outcome(traceback=traceback.format_exc())


def run_all(cases: list[Case]) -> dict[str, Outcome]:
    """Every case built, spread over the machine's cores."""
    workers = max(1, min(4, os.cpu_count() or 1))
    with ProcessPoolExecutor(workers) as pool:
        return dict(zip((c.source for c in cases), pool.map(_build_safely, cases), strict=True))


def figures(cases: list[Case], outcomes: dict[str, Outcome]) -> dict[str, int]:
    """The corpus's figures as docs/quality.md reports them."""
    faulty = [c for c in cases if c.expected]
    result = {
        "cases": len(cases),
        "with a problem": len(faulty),
        "valid": len(cases) - len(faulty),
        "as expected": 0,
        "tracebacks": 0,
        "silent": 0,
        "valid but warned": 0,
    }
    for case in cases:
        got = outcomes[case.source]
        if got.traceback:
            result["tracebacks"] += 1
        elif got.located == case.expected and not got.other and not got.pages:
            result["as expected"] += 1
        elif case.expected and not got.located and not got.other:
            result["silent"] += 1
        elif not case.expected:
            result["valid but warned"] += 1
    return result


if __name__ == "__main__":
    cases = all_cases()
    if len(sys.argv) > 1:
        cases = [c for c in cases if any(a in c.source for a in sys.argv[1:])]
    outcomes = run_all(cases)
    for case in cases:
        got = outcomes[case.source]
        if got.traceback or got.other or got.pages or got.located != case.expected:
            print(f"--- {case.source}")
            print("  expected:", dict(case.expected))
            print("  got:     ", dict(got.located))
            for line in got.other + got.pages:
                print("  other:   ", line)
            if got.traceback:
                print("  " + got.traceback.strip().splitlines()[-1])
    print(figures(cases, outcomes))
