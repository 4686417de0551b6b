"""Helpers for the browser tests: tools, the local server, and what a reader does and sees."""

from __future__ import annotations

import functools
import gzip
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import FloatRect, Locator, Page

HERE = Path(__file__).parent
TESTS = HERE.parent
NODE_MODULES = HERE / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = TESTS / "artifacts"

# Debian's chromium, driven by PyPI playwright: nothing is downloaded, nothing phones home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}

# The pages a reader reads: the edition, every register, the glossary, apparatus, timeline.
READING_PAGES = (
    "text.html",
    "people.html",
    "events.html",
    "places.html",
    "orgs.html",
    "glossary.html",
    "apparatus.html",
    "timeline.html",
)

INSTALL_HINT = (
    "see README: the browser tests need chromium, Java and `npm ci --prefix tests/browser`"
)


def require(found: bool, what: str) -> None:
    """Skip when a tool is missing, unless CI demands every tool be there (as ``require_tool``)."""
    if found:
        return
    message = f"needs {what} ({INSTALL_HINT})"
    if os.environ.get("EDITION_REQUIRE_TOOLS"):
        pytest.fail(message)
    pytest.skip(message)


def chromium_path() -> str | None:
    """Debian's chromium (or the one named by EDITION_CHROMIUM)."""
    named = os.environ.get("EDITION_CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


# What a web host compresses (Read the Docs serves the edition's text files gzipped).
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _CompressingHandler(_QuietHandler):
    """Serves text files gzipped to a browser that accepts it, as a web host does."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and kind.startswith(COMPRESSED_TYPES)):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# How long a slow network keeps a reader waiting in the middle of a page (_PausingHandler).
PAUSE = 0.4


class _PausingHandler(_QuietHandler):
    """Sends an HTML page in two parts, pausing at the point ``pause_at`` finds in it (none:
    ``-1``), as a slow network (or a browser's own parser, giving way on a busy processor)
    does: a browser that draws a page as it arrives draws it unfinished there."""

    @staticmethod
    def pause_at(body: bytes) -> int:
        return -1

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        body = path.read_bytes() if path.suffix == ".html" and path.is_file() else b""
        cut = self.pause_at(body) if body else -1
        if cut <= 0:
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:cut])
        self.wfile.flush()
        time.sleep(PAUSE)
        self.wfile.write(body[cut:])


@contextmanager
def serve(
    folder: Path, *, compress: bool = False, pause_at: Callable[[bytes], int] | None = None
) -> Iterator[str]:
    """Serve *folder* on 127.0.0.1 from a background thread; yield the base URL.  With
    *compress*, text files go gzipped to browsers that accept it, as a web host sends them;
    with *pause_at*, an HTML page comes in two parts, with a pause at the offset it gives for
    the page's bytes (``_PausingHandler``)."""
    handler_class: type[_QuietHandler] = _CompressingHandler if compress else _QuietHandler
    if pause_at is not None:
        handler_class = type("Pausing", (_PausingHandler,), {"pause_at": staticmethod(pause_at)})
    handler = functools.partial(handler_class, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass(frozen=True)
class Site:
    """A built site, served: its folder and its URL."""

    folder: Path
    base: str

    def url(self, path: str = "") -> str:
        return self.base + path


def tab_to(page: Page, selector: str, limit: int = 250) -> None:
    """Press Tab, as a keyboard user does, until the focused element matches *selector*."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab ({limit} presses)")


def focus_ring_is_visible(page: Page) -> bool:
    """True when the focused element looks different from the same element unfocused.

    The picture of the element that has keyboard focus (with a margin for an outline) is
    compared with its picture once focus has left it; then the focus is put back.
    """
    handle = page.evaluate_handle("document.activeElement").as_element()
    assert handle is not None
    box = handle.bounding_box()
    assert box is not None, "the focused element is not displayed"
    clip = {
        "x": max(0, box["x"] - 4),
        "y": max(0, box["y"] - 4),
        "width": box["width"] + 8,
        "height": box["height"] + 8,
    }
    focused = page.screenshot(clip=clip, animations="disabled")
    page.evaluate("document.activeElement.blur()")
    unfocused = page.screenshot(clip=clip, animations="disabled")
    handle.focus()
    return focused != unfocused


SEEN = """element => {
  const box = element.getClientRects()[0];  // the first line of a link that wraps
  if (!box) return false;
  if (box.height <= 0 || box.top < 0 || box.top >= innerHeight) return false;
  const x = Math.min(Math.max(box.left + 2, 0), innerWidth - 1);
  const y = Math.min(box.top + Math.min(box.height / 2, 8), innerHeight - 1);
  const seen = document.elementFromPoint(x, y);
  return !!seen && (element === seen || element.contains(seen));
}"""


# For a note's explanation: some of its lines are cut off (a note beside the text, shut).
CLIPPED = "body => body.scrollHeight > body.clientHeight + 1"


def in_viewport(page: Page, locator: Locator, timeout: float = 5000) -> bool:
    """True when the reader sees the element: its top is on screen and nothing covers it.

    As after following a link to it, once the (possibly smooth) scroll has ended; a sticky
    header over the element would hide it.
    """
    waited = 0.0
    while not locator.evaluate(SEEN):
        if waited >= timeout:
            return False
        page.wait_for_timeout(100)
        waited += 100
    return True


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Inject the pinned axe-core into *page*; return its WCAG 2.1 A/AA violations."""
    page.add_script_tag(path=str(AXE_JS))
    result: list[dict[str, Any]] = page.evaluate(
        """async tags => {
          const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
          return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html,
                                       summary: n.failureSummary}))
          }));
        }""",
        AXE_TAGS,
    )
    return result


def box_across(element: Locator, width: int) -> FloatRect:
    """*element*'s box, which must lie across the window's *width* without sticking out."""
    box = element.bounding_box()
    assert box is not None
    assert box["x"] >= 0, box
    assert box["x"] + box["width"] <= width, (box, width)
    return box


def card_shown_by(page: Page, link: Locator) -> Locator:
    """The card *link* shows: the page's script loads the cards, opens one and names it in
    the link's aria-describedby, which the link carries only while its card is open."""
    from playwright.sync_api import expect

    expect(link).to_have_attribute("aria-describedby", re.compile(r"\S"))
    return page.locator("#" + str(link.get_attribute("aria-describedby")))
