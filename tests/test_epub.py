"""The EPUB declares its accessibility and DAISY Ace (pinned in tests/browser/package-lock.json,
run with the system's Chromium through puppeteer) finds no violation in it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import require_tool

NODE_MODULES = Path(__file__).parent / "browser" / "node_modules"
ACE = NODE_MODULES / "@daisy" / "ace" / "bin" / "ace-puppeteer.js"
ARTIFACTS = Path(__file__).parent / "artifacts"
DECLARED = {
    "schema:accessMode",
    "schema:accessModeSufficient",
    "schema:accessibilityFeature",
    "schema:accessibilityHazard",
    "schema:accessibilitySummary",
    "dcterms:conformsTo",
    "a11y:certifiedBy",
}


def package_document(epub: Path) -> str:
    with zipfile.ZipFile(epub) as archive:
        return archive.read("content.opf").decode("utf-8")


@pytest.mark.epub
def test_epub_declares_its_accessibility(edition_epub: Path) -> None:
    (epub,) = edition_epub.glob("*.epub")
    opf = package_document(epub)
    declared = dict(re.findall(r'<meta property="([^"]+)">([^<]+)</meta>', opf))
    assert set(declared) >= DECLARED
    assert declared["schema:accessMode"] == "textual"
    assert declared["schema:accessibilityHazard"] == "none"
    assert declared["dcterms:conformsTo"] == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
    with zipfile.ZipFile(epub) as archive:
        pages = [name for name in archive.namelist() if name.endswith(".xhtml")]
        heads = [archive.read(name).decode("utf-8")[:400] for name in pages]
    assert all('lang="en" xml:lang="en"' in head for head in heads)


@pytest.mark.epub
def test_daisy_ace_finds_no_violation(edition_epub: Path, tmp_path: Path) -> None:
    require_tool("node")
    chromium = os.environ.get("EDITION_CHROMIUM") or shutil.which("chromium")
    if chromium is None or not ACE.exists():
        require_tool("chromium", "ace (npm ci --prefix tests/browser)")
    assert chromium is not None
    (epub,) = edition_epub.glob("*.epub")
    node = shutil.which("node")
    assert node is not None
    result = subprocess.run(
        [node, str(ACE), "--silent", "--force", "--outdir", str(tmp_path / "ace"), str(epub)],
        env={**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads((tmp_path / "ace" / "report.json").read_text(encoding="utf-8"))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "ace-report.json").write_text(json.dumps(report, indent=1), "utf-8")
    violations = [
        f"{assertion['earl:testSubject']['url']}: {test['earl:test']['dct:title']}"
        for assertion in report["assertions"]
        for test in assertion.get("assertions", [])
    ]
    assert violations == []
    assert report["earl:result"]["earl:outcome"] == "pass"
    assert set(report["a11y-metadata"]["present"]) >= DECLARED
