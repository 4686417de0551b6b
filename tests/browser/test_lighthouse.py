"""Lighthouse (pinned in package-lock.json, driven against the system's Chromium) on the text,
a register, the timeline, the apparatus and the bibliography, as a phone and as a desktop: 100
in performance, accessibility, best practices and SEO, and no layout shift at all.

The site is served as a web host serves it, text files gzipped (Read the Docs does); the
reports go to tests/artifacts/lighthouse-<page>-<form>.json."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from .support import ARTIFACTS, NODE_MODULES, Site, chromium_path, require, serve

pytestmark = pytest.mark.browser

LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
PAGES = {
    "text": "text.html",
    "register": "people.html",
    "timeline": "timeline.html",
    "apparatus": "apparatus.html",
    "bibliography": "bibliography.html",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse's defaults are a phone (Moto G Power, slow 4G, CPU slowed 4 times); --preset
# desktop is a desktop window on a fast line.
FORMS = {"mobile": [], "desktop": ["--preset=desktop"]}
SCORED = {"binary", "numeric", "metricSavings"}
RUNS = 5  # at most; the timing is judged by their median


@pytest.fixture(scope="package")
def hosted(edition: Site) -> Iterator[Site]:
    """The edition, served with compression, as a web host serves it."""
    with serve(edition.folder, compress=True) as base:
        yield Site(edition.folder, base)


def lighthouse(url: str, form: str) -> dict[str, Any]:
    """Run Lighthouse on *url*; its report, also written to tests/artifacts/."""
    node = shutil.which("node")
    chromium = chromium_path()
    require(node is not None, "node")
    require(chromium is not None, "chromium")
    require(LIGHTHOUSE.exists(), "lighthouse (npm)")
    assert node is not None
    assert chromium is not None
    with_flags = ["--headless=new", "--no-sandbox", "--disable-gpu"]
    result = subprocess.run(
        [
            node,
            str(LIGHTHOUSE),
            url,
            *FORMS[form],
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            "--output-path=stdout",
            f"--chrome-flags={' '.join(with_flags)}",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": chromium},
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def shortfalls(report: dict[str, Any]) -> list[str]:
    """The scored audits that did not pass, with what Lighthouse says of them."""
    return [
        f"{name}: {audit['title']} ({audit.get('displayValue', '')})"
        for name, audit in report["audits"].items()
        if audit.get("scoreDisplayMode") in SCORED
        and audit.get("score") is not None
        and audit["score"] < 1
    ]


def timing_passes(report: dict[str, Any]) -> bool:
    """Performance 100 and no layout shift: the two results that vary from run to run."""
    return (
        report["categories"]["performance"]["score"] == 1
        and report["audits"]["cumulative-layout-shift"]["numericValue"] == 0
    )


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("name", list(PAGES))
def test_lighthouse_gives_100_and_no_layout_shift(hosted: Site, name: str, form: str) -> None:
    # Lighthouse's own guidance on variability (docs/variability.md) is to run it five times
    # and judge by the median, which halves the spread of one run: a page passes when the
    # median of five runs gives performance 100 and no shift, that is when three of them do
    # (stopping as soon as that is decided). A load spike on a shared machine fails a run,
    # not the page. The other categories do not depend on timing and must be 100 in every run.
    passed = failed = 0
    report: dict[str, Any] = {}
    while passed < RUNS // 2 + 1 and failed < RUNS // 2 + 1:
        report = lighthouse(hosted.url(PAGES[name]), form)
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"lighthouse-{name}-{form}.json").write_text(json.dumps(report), "utf-8")
        assert report["lighthouseVersion"] == "12.2.3"
        assert not report.get("runtimeError"), report.get("runtimeError")
        scores = {category: report["categories"][category]["score"] for category in CATEGORIES}
        untimed = {key: score for key, score in scores.items() if key != "performance"}
        assert untimed == dict.fromkeys(untimed, 1), shortfalls(report)
        if timing_passes(report):
            passed += 1
        else:
            failed += 1
    assert passed > RUNS // 2, shortfalls(report)
