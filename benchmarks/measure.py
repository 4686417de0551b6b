"""Run one Sphinx build and print, as JSON, its wall time, peak memory and the extension's time.

``python measure.py SPHINX-BUILD-ARGS...`` runs ``sphinx-build`` in this process. The time the
extension spends after reading (checks, indexes, back-references, timeline, cards, apparatus,
collecting records, deciding what to rewrite, the ``data/`` folder with the TEI document) is
summed by wrapping those entry points, counting only the outermost when one runs inside another;
the parsing of ``ed`` markup itself is part of reading, like any other markup.

The time the interpreter's cyclic garbage collector spends is summed too, over the whole build
and over the part of it that fell inside the extension's entry points.  A full collection scans
every live object (Sphinx's doctrees and environment as much as the extension's records) and
fires in whichever code happens to allocate when enough objects have survived, so it is
reported beside the extension's time rather than silently inside it.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

SPENT = {"extension": 0.0, "gc": 0.0, "extension_gc": 0.0}
_DEPTH = [0]
_GC_START = [0.0]


def _collector(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _GC_START[0] = time.perf_counter()
        return
    spent = time.perf_counter() - _GC_START[0]
    SPENT["gc"] += spent
    if _DEPTH[0]:
        SPENT["extension_gc"] += spent


def _timed(owner: Any, name: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        _DEPTH[0] += 1
        try:
            return original(*args, **kwargs)
        finally:
            _DEPTH[0] -= 1
            if not _DEPTH[0]:  # write_data resolving a page runs the timed transforms
                SPENT["extension"] += time.perf_counter() - start

    setattr(owner, name, wrapper)


def instrument() -> None:
    from sphinx_edition import builders, domain, export, render
    from sphinx_edition.domain.domain import EditionDomain
    from sphinx_edition.domain.indices import RegisterIndex
    from sphinx_edition.markup.lemmas import PlaceLemmas

    for method in ("process_doc", "check_consistency", "merge_domaindata", "clear_doc"):
        _timed(EditionDomain, method)
    _timed(RegisterIndex, "generate")
    _timed(PlaceLemmas, "apply")
    for transform in render.POST_TRANSFORMS:
        _timed(transform, "run")
    # Event handlers are connected by the names each layer's register() imported, so they
    # are wrapped there (wrapping them in their own modules would time nothing).
    for layer, names in (
        (domain, ("pages_to_rewrite", "reread_on_witness_change")),
        (builders, ("log_summary",)),
        (render, ("write_cards", "page_assets", "serve_static", "page_context")),
        # The data/ folder (CSV, JSON, TEI) and the TEI parts made as pages are written.
        (export, ("write_data", "keep_part", "start_writing")),
    ):
        for name in names:
            _timed(layer, name)


def main(argv: list[str]) -> int:
    from sphinx.cmd.build import build_main

    with contextlib.suppress(ImportError):  # the baseline has no extension to time
        instrument()
    gc.callbacks.append(_collector)
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
                "gc_s": SPENT["gc"],
                "extension_gc_s": SPENT["extension_gc"],
            }
        )
    )
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
