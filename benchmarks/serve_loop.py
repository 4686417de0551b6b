"""An editor's save-to-page time under ``nox -s serve`` (sphinx-autobuild), on the real edition.

``python benchmarks/serve_loop.py`` copies ``docs/`` (with the witness and the benchmark results
it includes) to a temporary folder, starts sphinx-autobuild on it as ``nox -s serve`` does, waits
for its first build, then saves an edit to the words of one note and times how long it takes
until the served text page holds the new words: the watcher noticing the save, the rebuild, and
the page being served, which is what the browser, told by sphinx-autobuild to reload, then shows.
It does so ``--repeat`` times and writes ``serve_loop.json`` with each time and their median,
and ``serve_loop.md``, the sentence the Performance page includes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))

from run import build_env  # noqa: E402

NOTE = "Misprint for 'born'."


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(url: str, words: str, limit: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if words in _page(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise RuntimeError(f"{words!r} did not appear at {url} within {limit} s")


def run(repeat: int, work: Path) -> dict[str, Any]:
    shutil.copytree(PROJECT / "docs", work / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(PROJECT / "seeds", work / "seeds")
    (work / "benchmarks").mkdir()
    for page in HERE.glob("*.md"):  # the results the Performance page includes
        shutil.copy(page, work / "benchmarks" / page.name)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/text.html"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sphinx_autobuild",
            str(work / "docs"),
            str(work / "html"),
            "--port",
            str(port),
            "--host",
            "127.0.0.1",
            "-q",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=build_env(),  # bytecode kept, as on an editor's machine (see run.build_env)
    )
    try:
        first = _wait_for(url, NOTE, 600)
        text = work / "docs" / "text.md"
        source = text.read_text(encoding="utf-8")
        times = []
        for n in range(repeat):
            time.sleep(2)  # let the watcher settle after the last build
            words = f"{NOTE} Edited {n}."
            text.write_text(source.replace(NOTE, words, 1), encoding="utf-8")
            times.append(_wait_for(url, words, 300))
        text.write_text(source, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(30)
    return {
        "first_build_s": round(first, 2),
        "save_to_page_s": [round(t, 2) for t in times],
        "median_s": round(statistics.median(times), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="edition-serve-") as work:
        figures = run(args.repeat, Path(work))
    (args.out / "serve_loop.json").write_text(json.dumps(figures, indent=2) + "\n")
    times = ", ".join(f"{t:.2f}" for t in figures["save_to_page_s"])
    (args.out / "serve_loop.md").write_text(
        f"Save to page: **{figures['median_s']:.2f} s** (median of {args.repeat}: {times} s); "
        f"the first build when sphinx-autobuild starts: {figures['first_build_s']:.2f} s.\n",
        encoding="utf-8",
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
