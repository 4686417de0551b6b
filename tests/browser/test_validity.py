"""Validity: every page of the edition passes the Nu HTML checker (vnu.jar, pinned by npm)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import require_tool

from .support import VNU_JAR, Site, require

pytestmark = pytest.mark.browser


def check(files: list[Path]) -> list[dict[str, Any]]:
    """The Nu HTML checker's errors on *files* (one Java process for all of them)."""
    require_tool("java")
    require(VNU_JAR.exists(), "vnu-jar (npm)")
    java = shutil.which("java")
    assert java is not None
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        check=True,
    )
    messages: list[dict[str, Any]] = json.loads(result.stderr)["messages"]
    return messages


def test_every_page_passes_the_nu_html_checker(edition: Site) -> None:
    pages = sorted(edition.folder.glob("*.html"))
    assert len(pages) >= 15
    messages = check(pages)
    # Every message is an error (--errors-only); non-document errors (I/O) would say so.
    assert all(message["type"] == "error" for message in messages), messages
    errors = [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine')}: {message['message']}"
        for message in messages
    ]
    assert errors == []


def test_the_checker_reports_an_error(tmp_path: Path) -> None:
    """The test above could not pass by checking nothing: a broken page fails."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html lang="en"><title>x</title><p id="a b">x</p></html>',
        encoding="utf-8",
    )
    messages = check([broken])
    assert [m["message"] for m in messages] == [
        "Bad value “a b” for attribute “id” on element “p”: An ID must not contain whitespace."
    ]
