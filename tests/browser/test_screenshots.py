"""Screenshots of the edition, a register and the timeline, at desktop and phone widths, in
light and dark mode, written to tests/artifacts/ for people to look at; and what can be checked
on them without eyes: nothing sticks out sideways, and dark mode is dark."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import NewPage
from .support import ARTIFACTS, DESKTOP, PHONE, Site, box_across, card_shown_by

pytestmark = pytest.mark.browser

SIZES = {"desktop": DESKTOP, "phone": PHONE}
PAGES = {"text": "text.html", "people": "people.html", "timeline": "timeline.html"}

LUMINANCE = """element => {
  const [r, g, b] = getComputedStyle(element).backgroundColor.match(/[\\d.]+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


def overflowing(page: Page) -> list[str]:
    """Elements of the page's text that stick out to the right of the window."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll("article *")]
                 .filter(e => e.getClientRects().length &&
                              e.getBoundingClientRect().right > innerWidth + 1 &&
                              !e.closest(".ed-card[hidden], .table-wrapper, pre"))
                 .slice(0, 10).map(e => e.outerHTML.slice(0, 120))"""
        )
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshot(edition: Site, new_page: NewPage, name: str, size: str, scheme: str) -> None:
    phone = size == "phone"
    page = new_page(viewport=SIZES[size], color_scheme=scheme, is_mobile=phone, has_touch=phone)
    page.goto(edition.url(PAGES[name]))
    page.evaluate("document.fonts.ready")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-{size}-{scheme}.png", animations="disabled")
    # Nothing sticks out sideways: the page does not scroll horizontally.
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    assert overflowing(page) == []
    # Dark mode is dark, light mode light.
    shade = page.locator("body").evaluate(LUMINANCE)
    assert (shade < 0.25) if scheme == "dark" else (shade > 0.75), shade


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_screenshot_of_a_card_and_a_note(
    edition: Site, new_page: NewPage, size: str, scheme: str
) -> None:
    phone = size == "phone"
    page = new_page(viewport=SIZES[size], color_scheme=scheme, is_mobile=phone, has_touch=phone)
    page.goto(edition.url("text.html#note-p1-urgent-impromptu-meeting"))
    page.locator("fieldset.ed-reading").get_by_label("Emended").check()
    link = page.locator("#p1 a.ed-mention[href$='#person-kosygin']")
    link.scroll_into_view_if_needed()
    link.focus()
    card = card_shown_by(page, link)
    expect(card).to_be_visible()
    box_across(card, SIZES[size]["width"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"text-card-{size}-{scheme}.png", animations="disabled")
