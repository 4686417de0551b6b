"""Run one Sphinx build and print, as JSON, its wall time, peak memory and the extension's time.

``python measure.py SPHINX-BUILD-ARGS...`` runs ``sphinx-build`` in this process. The time the
extension spends after reading (checks, indexes, back-references, timeline, cards, apparatus,
collecting records, deciding what to rewrite) is summed by wrapping those entry points; the
parsing of ``ed`` markup itself is part of reading, like any other markup.
"""

from __future__ import annotations

import contextlib
import functools
import json
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

SPENT = {"extension": 0.0}


def _timed(owner: Any, name: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            SPENT["extension"] += time.perf_counter() - start

    setattr(owner, name, wrapper)


def instrument() -> None:
    from sphinx_edition import domain, incremental, indices, notes, report, transforms

    _timed(domain.EditionDomain, "process_doc")
    _timed(domain.EditionDomain, "check_consistency")
    _timed(domain.EditionDomain, "merge_domaindata")
    _timed(domain.EditionDomain, "clear_doc")
    _timed(indices.RegisterIndex, "generate")
    _timed(notes.PlaceLemmas, "apply")
    for name in (
        "BackReferences",
        "Timeline",
        "HoverCards",
        "JsonLd",
        "ApparatusTable",
        "ReadingSwitch",
        "FootnoteNotes",
        "StaticNotes",
    ):
        _timed(getattr(transforms, name), "run")
    _timed(incremental, "pages_to_rewrite")
    _timed(incremental, "reread_on_witness_change")
    _timed(report, "log_summary")


def main(argv: list[str]) -> int:
    from sphinx.cmd.build import build_main

    with contextlib.suppress(ImportError):  # the baseline has no extension to time
        instrument()
    start = time.perf_counter()
    status = build_main(argv)
    wall = time.perf_counter() - start
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(
        json.dumps(
            {
                "status": status,
                "wall_s": wall,
                "peak_rss_mb": peak / 1024,
                "extension_s": SPENT["extension"],
            }
        )
    )
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
