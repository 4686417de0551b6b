"""Measure what sphinx-edition costs and how that cost grows; write results.json and results.md.

Every figure is the median of several runs on this machine, in one run of this script; the
builds a ratio compares are made in turns (:func:`median_builds`):

* overhead: a full HTML build of the edition at N = 200 articles ÷ the fair plain baseline's
  (the same document in ordinary Sphinx markup; see generate.py), and, once, the baseline of
  the first round (each entry a heading) beside it;
* scaling: full builds at each N for both, the extension's own time, and peak memory;
* incremental: one paragraph changed (a note's words) at N = 200, rebuilt without -E, ÷ the
  baseline's incremental time, and how many pages were written again;
* parallel: -j 2 ÷ -j 1 at N = 200, with identical output;
* the editor's loop on the real edition: one note's words changed and rebuilt, ÷ the same
  edit-and-rebuild of a plain one-page MyST project of the witness with the same theme, each
  timed as the whole ``sphinx-build`` command an editor (or sphinx-autobuild) waits for; and a
  clean build of the real edition ÷ a clean build of the same pages reduced to plain MyST
  (plain_edition.py).

Each target of the issue is written into the results with its figure and whether it is met.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from plain_edition import plain_edition  # noqa: E402

DOCS = HERE.parent / "docs"
WITNESS = HERE.parent / "seeds" / "000_8d8ba7836c4055b4.txt"
# The targets (issue 18): each figure, its bound, and which way it must lie.
TARGETS = {
    "overhead_ratio": ("full build ÷ the fair baseline, at the reference N", 1.5),
    "extension_time_ratio": ("the extension's own time at 2N ÷ at N", 2.2),
    "parallel_ratio": ("-j 2 ÷ -j 1 at the reference N", 0.70),
    "memory_ratio": ("peak memory ÷ the baseline's, at the largest N", 1.2),
    "edition_loop_ratio": ("the edition's note edit and rebuild ÷ a one-page plain project's", 2.5),
    "edition_clean_ratio": ("a clean build of the edition ÷ of its pages in plain MyST", 3.0),
}


# Edit-and-rebuild pairs of the editor's loop (each project's figure is their median).
LOOP_EDITS = 7


def build_env() -> dict[str, str]:
    """The environment of a measured build: Python keeps the bytecode it compiles.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on some CI images and sandboxes) an editable
    install of the extension is compiled again from source at every start, while Sphinx and
    the other libraries load the bytecode pip compiled when it installed them: the edition's
    builds would pay 0.1 s each for a reason of the machine, not of the extension.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(source: Path, out: Path, *extra: str, fresh: bool = True) -> dict[str, Any]:
    """One build, in its own process; returns wall time, peak RSS and extension time."""
    args = [
        sys.executable,
        str(HERE / "measure.py"),
        *(["-E"] if fresh else []),
        "-b",
        "html",
        "-q",
        "-d",
        str(out / "doctrees"),
        *extra,
        str(source),
        str(out / "html"),
    ]
    result = subprocess.run(args, capture_output=True, text=True, check=False, env=build_env())
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"build of {source} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(lines[-1])


def _median(runs: list[dict[str, Any]]) -> dict[str, float]:
    return {
        "wall_s": statistics.median(r["wall_s"] for r in runs),
        "extension_s": statistics.median(r["extension_s"] for r in runs),
        "gc_s": statistics.median(r["gc_s"] for r in runs),
        "extension_gc_s": statistics.median(r["extension_gc_s"] for r in runs),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
    }


def median_builds(
    builds: list[tuple[Path, Path, tuple[str, ...]]], repeat: int
) -> list[dict[str, float]]:
    """The median of *repeat* clean builds of each (source, out, extra arguments), made in
    turns: one of each, then again, so that the projects a ratio compares see the machine in
    the same state.  (In blocks, three of one and then three of the other, a host that slows
    down or speeds up during the run moves the ratio: builds of the same corpus with the same
    code have taken from 50 to 70 s at N = 200 in one run.)"""
    runs: list[list[dict[str, Any]]] = [[] for _ in builds]
    for _ in range(repeat):
        for (source, out, extra), done in zip(builds, runs, strict=True):
            shutil.rmtree(out, ignore_errors=True)
            done.append(measure(source, out, *extra))
    return [_median(done) for done in runs]


def median_build(source: Path, out: Path, repeat: int, *extra: str) -> dict[str, float]:
    return median_builds([(source, out, extra)], repeat)[0]


def _pages(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*.html")}


def incremental(source: Path, out: Path, repeat: int, edit: tuple[str, str, str]) -> dict:
    """Change one paragraph and rebuild without -E: median time and pages written again."""
    name, old, new = edit
    times, rewritten = [], 0
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        measure(source, out)
        before = _pages(out / "html")
        path = source / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        try:
            times.append(measure(source, out, fresh=False)["wall_s"])
        finally:
            path.write_text(text, encoding="utf-8")
        after = _pages(out / "html")
        rewritten = sum(1 for page, stamp in after.items() if before.get(page) != stamp)
    return {
        "wall_s": statistics.median(times),
        "pages_rewritten": rewritten,
        "pages": len(_pages(out / "html")),
    }


def _note_edit(project: Path, plain: bool) -> tuple[str, str, str]:
    """The edit: the words of the first note of the first article."""
    name = "articles/a0000.md"
    text = (project / name).read_text(encoding="utf-8")
    if plain:
        line = next(line for line in text.splitlines() if line.startswith("[^n0]: "))
    else:
        body = text.split(":category: typographical\n\n", 1)[1]
        line = body.splitlines()[0]
    return name, line, line.replace(" ", " edited ", 1)


def identical_output(first: Path, second: Path) -> bool:
    pages = sorted(p.relative_to(first) for p in first.rglob("*.html"))
    return pages == sorted(p.relative_to(second) for p in second.rglob("*.html")) and all(
        (first / p).read_bytes() == (second / p).read_bytes() for p in pages
    )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        )
    except (OSError, StopIteration):
        model = cpu
    memory = ""
    try:
        kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return (
        f"{model}, {os.cpu_count()} cores{memory}; Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def run(sizes: list[int], repeat: int, work: Path, reference: int, edition: bool) -> dict:
    results: dict[str, Any] = {"machine": machine(), "repeat": repeat, "sizes": {}}
    for n in sizes:
        root = work / f"n{n}"
        shutil.rmtree(root, ignore_errors=True)
        ext, base = generate(root, n)
        full, plain = median_builds(
            [(ext, root / "out-ext", ()), (base, root / "out-base", ())], repeat
        )
        if n == reference:
            _, old = generate(root / "old", n, baseline_style="headings")
            results["old_baseline"] = {
                "n": n,
                "build_s": round(median_build(old, root / "out-old", repeat)["wall_s"], 3),
                "fair_build_s": round(plain["wall_s"], 3),
                "edition_build_s": round(full["wall_s"], 3),
            }
        results["sizes"][str(n)] = {
            "full_build_s": round(full["wall_s"], 3),
            "baseline_build_s": round(plain["wall_s"], 3),
            "extension_s": round(full["extension_s"], 3),
            # The collector's passes: in the whole build, in the part timed as the
            # extension's, and in the baseline's build (see measure.py).
            "gc_s": round(full["gc_s"], 3),
            "extension_gc_s": round(full["extension_gc_s"], 3),
            "baseline_gc_s": round(plain["gc_s"], 3),
            "peak_rss_mb": round(full["peak_rss_mb"], 1),
            "baseline_peak_rss_mb": round(plain["peak_rss_mb"], 1),
            "overhead": round(full["wall_s"] / plain["wall_s"], 3),
        }
        print(f"N={n}: {results['sizes'][str(n)]}", flush=True)
        if n == reference:
            inc = incremental(ext, root / "inc-ext", repeat, _note_edit(ext, plain=False))
            inc_base = incremental(base, root / "inc-base", repeat, _note_edit(base, plain=True))
            results["incremental"] = {"edition": inc, "baseline": inc_base}
            results[f"incremental_ratio_{reference}"] = round(inc["wall_s"] / inc_base["wall_s"], 3)
            results["incremental_pages_rewritten"] = inc["pages_rewritten"]
            serial, parallel = median_builds(
                [(ext, root / "j1", ("-j", "1")), (ext, root / "j2", ("-j", "2"))], repeat
            )
            results["parallel"] = {
                "j1_s": round(serial["wall_s"], 3),
                "j2_s": round(parallel["wall_s"], 3),
                "identical_output": identical_output(root / "j1" / "html", root / "j2" / "html"),
            }
            results[f"parallel_ratio_{reference}"] = round(parallel["wall_s"] / serial["wall_s"], 3)
            results[f"overhead_ratio_{reference}"] = results["sizes"][str(n)]["overhead"]
    if str(reference) in results["sizes"] and str(2 * reference) in results["sizes"]:
        results[f"extension_time_ratio_{2 * reference}_{reference}"] = round(
            results["sizes"][str(2 * reference)]["extension_s"]
            / results["sizes"][str(reference)]["extension_s"],
            3,
        )
        # Beside the target, not instead of it: the same ratio with the collector's passes
        # that fired inside the extension's entry points taken out.
        small, large = results["sizes"][str(reference)], results["sizes"][str(2 * reference)]
        results[f"extension_time_without_gc_ratio_{2 * reference}_{reference}"] = round(
            (large["extension_s"] - large["extension_gc_s"])
            / (small["extension_s"] - small["extension_gc_s"]),
            3,
        )
    largest = str(max(sizes))
    at_largest = results["sizes"][largest]
    memory = at_largest["peak_rss_mb"] / at_largest["baseline_peak_rss_mb"]
    results["memory_ratio"] = round(memory, 3)
    results["per_n"] = {
        n: {k: v[k] for k in ("full_build_s", "baseline_build_s", "peak_rss_mb")}
        for n, v in results["sizes"].items()
    }
    if edition:
        results["edition"] = edition_loop(work, repeat)
        results["edition_loop_ratio"] = results["edition"]["loop_ratio"]
        results["edition_clean_ratio"] = results["edition"]["clean_ratio"]
    results["targets"] = targets(results, reference)
    return results


# ``python -m sphinx`` as sphinx/__main__.py runs it, after two notes of the time: when the
# interpreter is ready, and when the last exit handler has run (registered first, it runs last).
# What follows that note is the interpreter's own exit (clearing modules, the collector's last
# passes over what the process still holds), which the whole command includes.
_NOTED_COMMAND = (
    "import atexit, sys, time\n"
    "atexit.register(lambda ready=time.time(), now=time.time, err=sys.stderr: "
    "err.write(f'\\n@times {ready!r} {now()!r}\\n'))\n"
    "from sphinx.cmd.build import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def command(source: Path, out: Path) -> dict[str, float]:
    """One rebuild (no -E) as an editor waits for it: the whole ``sphinx-build`` command.

    Timed from outside its process, as sphinx-autobuild runs it on every save: Python's start,
    importing Sphinx and the extensions, the build, the exit.  ``measure.py`` times from
    inside, after Sphinx is imported, and imports sphinx-edition (to time it) in every build
    it runs, a plain one included: in an edit-and-rebuild loop those fixed costs are a large
    part of the wait, the same for both projects but the extension's own import.

    Returns the whole command (``command``) and its three parts, from the two notes of the
    time the process makes (``_NOTED_COMMAND``): the interpreter's start (``start``), the
    program, Sphinx's imports and build and the exit handlers (``program``), and the
    interpreter's exit after them (``exit``).
    """
    args = [sys.executable, "-c", _NOTED_COMMAND, "-b", "html", "-q", "-d", str(out / "doctrees")]
    began = time.time()
    start = time.perf_counter()
    result = subprocess.run(
        [*args, str(source), str(out / "html")],
        capture_output=True,
        text=True,
        check=False,
        env=build_env(),
    )
    wall = time.perf_counter() - start
    ended = time.time()
    if result.returncode != 0:
        raise RuntimeError(f"build of {source} failed:\n{result.stdout}\n{result.stderr}")
    noted = [line.split()[1:] for line in result.stderr.splitlines() if line.startswith("@times ")]
    ready, finished = (float(value) for value in noted[-1])
    return {
        "command": wall,
        "start": ready - began,
        "program": finished - ready,
        "exit": ended - finished,
    }


def _edit_and_rebuild(source: Path, out: Path, page: str, old: str, new: str) -> dict[str, float]:
    """Change *old* to *new* in *page* and rebuild without -E, the page restored after.

    The rebuild is timed twice, each time after the same edit: as the whole command
    (``command``, the figure of the target, with its parts ``start``, ``program`` and
    ``exit``) and from inside the process (``in_process``, by ``measure.py``, the figure of the
    runs before, kept beside it, with the collector's passes inside that build, ``gc``).
    """
    path = source / page
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise RuntimeError(f"{old!r} is not in {path}")
    figures = {}
    try:
        for how in ("command", "in_process"):
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            if how == "command":
                figures.update(command(source, out))
            else:
                inside = measure(source, out, fresh=False)
                figures[how], figures["gc"] = float(inside["wall_s"]), float(inside["gc_s"])
            path.write_text(text, encoding="utf-8")
            measure(source, out, fresh=False)  # back to the unedited state for the next run
    finally:
        path.write_text(text, encoding="utf-8")
    return figures


def edition_loop(work: Path, repeat: int) -> dict[str, Any]:
    """The real edition against plain Sphinx: its clean build and an editor's note edit."""
    copy = work / "edition"
    shutil.rmtree(copy, ignore_errors=True)
    # A copy, so that the edits never touch the project; ../seeds and ../benchmarks as in it.
    shutil.copytree(DOCS, copy / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(HERE.parent / "seeds", copy / "seeds")
    (copy / "benchmarks").mkdir()
    for page in HERE.glob("*.md"):  # the results the Performance page includes
        shutil.copy(page, copy / "benchmarks" / page.name)
    plain = plain_edition(copy / "docs", copy / "plain")
    one_page = work / "one-page"
    shutil.rmtree(one_page, ignore_errors=True)
    one_page.mkdir()
    (one_page / "conf.py").write_text(
        'project = "The witness"\nhtml_theme = "furo"\nextensions = ["myst_parser"]\n',
        encoding="utf-8",
    )
    paragraphs = [line for line in WITNESS.read_text(encoding="utf-8").splitlines() if line]
    (one_page / "index.md").write_text(
        "# The witness\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
    )
    clean, clean_plain = median_builds(
        [(copy / "docs", work / "out-edition", ()), (plain, work / "out-plain", ())], repeat
    )
    note = "Misprint for 'born'."
    word = paragraphs[0].split()[3]
    measure(one_page, work / "out-one-page")
    edits, plain_edits = [], []
    # In turns, so that both projects' rebuilds meet the machine in the same state; a
    # rebuild takes seconds, so the loop takes more of them than the full builds do.
    for _ in range(max(repeat, LOOP_EDITS)):
        edits.append(
            _edit_and_rebuild(
                copy / "docs", work / "out-edition", "text.md", note, note + " Edited."
            )
        )
        plain_edits.append(
            _edit_and_rebuild(one_page, work / "out-one-page", "index.md", word, word + " edited")
        )

    def median(runs: list[dict[str, float]], how: str) -> float:
        return statistics.median(run[how] for run in runs)

    loop, loop_plain = median(edits, "command"), median(plain_edits, "command")
    inside, inside_plain = median(edits, "in_process"), median(plain_edits, "in_process")
    return {
        "full_build_s": round(clean["wall_s"], 3),
        "plain_full_build_s": round(clean_plain["wall_s"], 3),
        "clean_ratio": round(clean["wall_s"] / clean_plain["wall_s"], 3),
        "incremental_build_s": round(loop, 3),
        "one_page_incremental_s": round(loop_plain, 3),
        "loop_ratio": round(loop / loop_plain, 3),
        "edits": len(edits),
        # The same edits timed from inside the process, as in the runs before (not a target).
        "in_process_incremental_s": round(inside, 3),
        "in_process_one_page_incremental_s": round(inside_plain, 3),
        "in_process_loop_ratio": round(inside / inside_plain, 3),
        # Where the whole command's time goes (medians of the same edits; not targets): the
        # interpreter's start, the program, the interpreter's exit; and the collector's
        # passes inside the build timed from inside the process.
        "parts": {
            part: {
                "edition_s": round(median(edits, part), 3),
                "one_page_s": round(median(plain_edits, part), 3),
            }
            for part in ("start", "program", "exit", "gc")
        },
        "peak_rss_mb": round(clean["peak_rss_mb"], 1),
    }


def targets(results: dict[str, Any], reference: int) -> dict[str, dict[str, Any]]:
    found = {}
    for name, (meaning, bound) in TARGETS.items():
        key = next(
            (k for k in results if k == name or k.startswith(f"{name}_")),
            None,
        )
        if key is None:
            continue
        figure = results[key]
        found[key] = {"meaning": meaning, "bound": bound, "figure": figure, "met": figure <= bound}
    return found


def table(results: dict) -> str:
    rows = [
        "| N articles | edition (s) | baseline (s) | overhead | extension's own time (s) | "
        "of it, collector (s) | peak memory (MB) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    # The collector's time in each whole build, in a table of its own so that the first
    # fits the page's width.
    collector = [
        "| N articles | collector in the edition's build (s) | in the baseline's (s) |",
        "| ---: | ---: | ---: |",
    ]
    for n, v in results["sizes"].items():
        rows.append(
            f"| {n} | {v['full_build_s']:.2f} | {v['baseline_build_s']:.2f} | "
            f"{v['overhead']:.2f} | {v['extension_s']:.2f} | {v['extension_gc_s']:.2f} | "
            f"{v['peak_rss_mb']:.0f} |"
        )
        collector.append(f"| {n} | {v['gc_s']:.2f} | {v['baseline_gc_s']:.2f} |")
    lines = [
        f"Measured on {results['machine']}; each figure is the median of "
        f"{results['repeat']} runs in one run of `nox -s bench`.",
        "",
        *rows,
        "",
        *collector,
        "",
    ]
    if "targets" in results:
        lines += ["| target | figure | bound | met |", "| --- | ---: | ---: | --- |"]
        for key, target in results["targets"].items():
            lines.append(
                f"| {target['meaning']} (`{key}`) | {target['figure']:.2f} | "
                f"≤ {target['bound']:.2f} | {'yes' if target['met'] else '**no**'} |"
            )
        lines.append("")
    without = next((k for k in results if k.startswith("extension_time_without_gc_ratio")), None)
    if without:
        lines.append(
            f"- the extension's own time at 2N ÷ at N with the collector's passes inside it "
            f"taken out (not a target, see the Performance page): {results[without]:.2f}"
        )
    if "old_baseline" in results:
        old = results["old_baseline"]
        lines.append(
            f"- the baselines side by side at N = {old['n']}: the first round's (each entry a "
            f"heading) {old['build_s']:.2f} s, the fair one {old['fair_build_s']:.2f} s; the "
            f"edition {old['edition_build_s']:.2f} s"
        )
    if "incremental" in results:
        inc = results["incremental"]
        lines.append(
            f"- incremental: edition {inc['edition']['wall_s']:.2f} s, "
            f"{inc['edition']['pages_rewritten']} of {inc['edition']['pages']} pages "
            f"written again; baseline {inc['baseline']['wall_s']:.2f} s, "
            f"{inc['baseline']['pages_rewritten']} pages"
        )
    if "parallel" in results:
        par = results["parallel"]
        lines.append(
            f"- parallel: -j 1 {par['j1_s']:.2f} s, -j 2 {par['j2_s']:.2f} s, "
            f"identical output: {par['identical_output']}"
        )
    if "edition" in results:
        ed = results["edition"]
        lines.append(
            f"- this edition: clean build {ed['full_build_s']:.2f} s against "
            f"{ed['plain_full_build_s']:.2f} s for its pages in plain MyST; a note edited and "
            f"rebuilt {ed['incremental_build_s']:.2f} s against {ed['one_page_incremental_s']:.2f}"
            f" s for a word edited in a plain one-page project, each the whole `sphinx-build` "
            f"command, the median of {ed['edits']} edits made in turns (timed from inside the "
            f"process, as in the runs before: "
            f"{ed['in_process_incremental_s']:.2f} s against "
            f"{ed['in_process_one_page_incremental_s']:.2f} s, "
            f"{ed['in_process_loop_ratio']:.2f}); peak memory {ed['peak_rss_mb']:.0f} MB"
        )
        parts = ed.get("parts")
        if parts:
            names = {
                "start": "the interpreter's start",
                "program": "the program (Sphinx's imports, the build, the exit handlers)",
                "exit": "the interpreter's exit after it",
                "gc": "the collector's passes inside the build (timed from inside)",
            }
            lines.append(
                "- the note edited and rebuilt, part by part (edition against the one-page "
                "project, medians of the same edits): "
                + "; ".join(
                    f"{names[part]} {p['edition_s']:.2f} s against {p['one_page_s']:.2f} s"
                    for part, p in parts.items()
                )
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200, 400])
    parser.add_argument("--reference", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--no-edition", action="store_true")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="edition-bench-"))
    results = run(args.sizes, args.repeat, work, args.reference, not args.no_edition)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(table(results), encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
