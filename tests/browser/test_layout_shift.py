"""The page does not move once drawn: the reading switch, the "cite" buttons and the notes
beside the text are in place in the first picture the browser draws.

The browser's own record of layout shifts (the Layout Instability API, which Lighthouse's
cumulative layout shift adds up) is read after the page has loaded, its scripts have run and
its fonts are in; the processor is slowed eight times, as on a cheap phone, so that the
browser has time to draw before the scripts run if the page lets it.  Every page is also read
as a slow network brings it, in parts: the browser waits for the whole page before drawing
it, so nothing moves when the rest arrives."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .conftest import NewPage
from .support import DESKTOP, PHONE, STALL, Site, serve

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


@pytest.fixture(scope="module")
def slow_edition(edition: Site) -> Iterator[Site]:
    """The edition as a slow network brings it: each page in three parts, with pauses before
    Furo's search field and halfway through (support._StallingHandler)."""
    with serve(edition.folder.parent, stall=True) as base:
        yield Site(edition.folder, f"{base}{edition.folder.name}/")


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_no_page_is_drawn_before_it_has_arrived_whole(
    slow_edition: Site, new_page: NewPage, size: str
) -> None:
    # Drawn as they arrived, the pages moved: Furo's search icon, centred on a field not yet
    # there, jumped 11 pixels (on every page), and a register entry's heading 3 pixels when
    # its badges came (render/assets.py, PAGE_PARSED).
    phone = size == "phone"
    pages = sorted(path.name for path in slow_edition.folder.glob("*.html"))
    assert {"text.html", "people.html", "search.html", "genindex.html"} <= set(pages)
    moved, early = {}, {}
    for name in pages:
        page = new_page(
            viewport=PHONE if phone else DESKTOP,
            is_mobile=phone,
            has_touch=phone,
            color_scheme="dark",
        )
        page.add_init_script(RECORD_SHIFTS)
        page.goto(slow_edition.url(name), wait_until="load")
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(100)
        if shifts := page.evaluate("window.edShifts"):
            moved[name] = shifts
        # Two pauses: a page drawn before the second had ended was drawn unfinished.
        painted = page.evaluate("performance.getEntriesByName('first-paint').map(e => e.startTime)")
        if not painted or painted[0] < 2 * STALL * 1000:
            early[name] = painted
        page.context.close()
    assert moved == {}
    assert early == {}


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_note_an_address_names_is_shown_when_the_page_appears(
    edition: Site, new_page: NewPage, size: str
) -> None:
    phone = size == "phone"
    page = new_page(viewport=PHONE if phone else DESKTOP, is_mobile=phone, has_touch=phone)
    page.goto(edition.url("text.html#note-p7-died-suddenly"), wait_until="load")
    assert page.locator("#note-p7-died-suddenly").is_visible()
