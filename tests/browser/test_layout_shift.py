"""The page does not move once drawn: the reading switch, the "cite" buttons and the notes
beside the text are in place in the first picture the browser draws.

The browser's own record of layout shifts (the Layout Instability API, which Lighthouse's
cumulative layout shift adds up) is read after the page has loaded, its scripts have run and
its fonts are in; the processor is slowed eight times, as on a cheap phone, so that the
browser has time to draw before the scripts run if the page lets it."""

from __future__ import annotations

import pytest

from .conftest import NewPage
from .support import DESKTOP, PHONE, Site

pytestmark = pytest.mark.browser

RECORD_SHIFTS = """
window.edShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.edShifts.push({
      value: entry.value,
      moved: entry.sources.map(s => s.node ? (s.node.id || s.node.className || s.node.nodeName)
                                           : "?").join(", "),
    });
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize(
    "path",
    [
        "text.html",
        "text.html#p7",
        "text.html#note-p7-died-suddenly",
        "people.html",
        "timeline.html",
    ],
)
def test_nothing_moves_after_the_first_paint(
    edition: Site, new_page: NewPage, path: str, size: str
) -> None:
    phone = size == "phone"
    page = new_page(
        viewport=PHONE if phone else DESKTOP, is_mobile=phone, has_touch=phone, color_scheme="dark"
    )
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 8})
    page.add_init_script(RECORD_SHIFTS)
    page.goto(edition.url(path), wait_until="load")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(500)
    assert page.evaluate("window.edShifts") == []


@pytest.mark.parametrize(
    ("size", "path"),
    [
        ("desktop", "text.html"),  # the notes beside the text are placed first
        ("phone", "text.html"),  # drawn as it arrived, the page moved Furo's header
        ("phone", "text.html#note-p7-died-suddenly"),  # the note it names is shown first
    ],
)
def test_the_text_page_waits_for_its_notes_to_be_placed(
    edition: Site, new_page: NewPage, size: str, path: str
) -> None:
    phone = size == "phone"
    page = new_page(viewport=PHONE if phone else DESKTOP, is_mobile=phone, has_touch=phone)
    page.goto(edition.url(path), wait_until="load")
    wait = page.locator('head link[rel="expect"][blocking="render"][href="#ed-notes-placed"]')
    assert wait.count() == 1
    if path.partition("#")[2]:
        assert page.locator(f"#{path.partition('#')[2]}").is_visible()
