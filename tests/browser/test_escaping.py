"""Hostile strings in a real browser: nothing of theirs runs, the page keeps its shape, and
cards show them as the editor wrote them (tests/roots/test-hostile; see tests/test_escaping.py
for the same pages read as HTML)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import NewPage
from .support import DESKTOP, PHONE, Site, box_across, card_shown_by

pytestmark = pytest.mark.browser

PAGES = (
    "text.html",
    "people.html",
    "events.html",
    "places.html",
    "glossary.html",
    "timeline.html",
    "apparatus.html",
    "genindex.html",
    "search.html?q=script",
)
NAME = "<script>window.edPwned = 'name'</script>\"Mao\" <!--<script>"
SUMMARY = (
    '"Mao" onmouseover="window.edPwned=\'summary\'" '
    "x=\"</p><script>window.edPwned='summary2'</script>"
)
PLACE = "Airport \"<i>quoted</i>\" & <script>window.edPwned = 'place'</script>"

# Any dialog, or a script that runs, marks the page.
TRAP = """
window.alert = window.confirm = window.prompt = () => { window.edPwned = "dialog"; };
"""


def open_trapped(new_page: NewPage, site: Site, path: str, **options: object) -> Page:
    page = new_page(**options)
    page.add_init_script(TRAP)
    page.on("dialog", lambda dialog: dialog.dismiss())
    page.goto(site.url(path))
    return page


def show_every_card(page: Page) -> None:
    """Point at, then tab to, every link that has a card; Escape hides each card again, so
    that it does not cover the next link (as it would for a reader who then used the mouse)."""
    links = page.locator("article a.ed-mention, article a[href*='#term-']")
    for index in range(links.count()):
        link = links.nth(index)
        if link.is_visible():
            link.hover()
            link.focus()
            page.keyboard.press("Escape")


@pytest.mark.parametrize("path", PAGES)
def test_nothing_hostile_runs_and_the_page_keeps_its_shape(
    hostile: Site, new_page: NewPage, path: str
) -> None:
    page = open_trapped(new_page, hostile, path)
    show_every_card(page)
    page.mouse.move(1, 1)
    assert page.evaluate("window.edPwned") is None
    # Everything after the content is still there: the footer and the page's own scripts.
    expect(page.locator("footer")).to_have_count(1)
    assert page.locator("script[src*='sphinx-edition.js']").count() == 1
    assert page.evaluate("document.querySelectorAll('[onerror], [onmouseover], img').length") == 0


def test_cards_show_hostile_strings_as_written(hostile: Site, new_page: NewPage) -> None:
    page = open_trapped(new_page, hostile, "text.html")
    for target, texts in (("#person-mao", (NAME, SUMMARY)), ("#place-airport", (PLACE,))):
        link = page.locator(f"#p1 a[href$='{target}']")
        link.hover()
        card = card_shown_by(page, link)
        expect(card).to_be_visible()
        shown = card.evaluate("card => card.innerText")
        for text in texts:
            assert text in shown
    assert page.evaluate("window.edPwned") is None


@pytest.mark.parametrize(("size", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_a_very_long_name_stays_inside_its_card_and_the_window(
    hostile: Site, new_page: NewPage, size: str, viewport: dict[str, int]
) -> None:
    page = open_trapped(new_page, hostile, "text.html", viewport=viewport)
    link = page.locator("#p2 a[href$='#person-long']")
    link.hover()
    card = card_shown_by(page, link)
    expect(card).to_be_visible()
    box = box_across(card, viewport["width"])
    assert card.evaluate("card => card.scrollWidth <= card.clientWidth")
    # The card is not taller than the window: a long summary scrolls inside it.
    assert box["height"] <= viewport["height"]
    for path in ("people.html", "text.html"):
        page.goto(hostile.url(path))
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_right_to_left_text_does_not_turn_the_rest_of_the_line(
    hostile: Site, new_page: NewPage
) -> None:
    # The entry's name opens a right-to-left override and never closes it; the label that
    # follows the name must still read left to right, after it.
    page = open_trapped(new_page, hostile, "text.html")
    link = page.locator("#p2 a[href$='#person-rtl']")
    link.hover()
    card = card_shown_by(page, link)
    expect(card).to_be_visible()
    name = card.locator(".ed-card-title strong").bounding_box()
    kind = card.locator(".ed-card-kind").bounding_box()
    assert name
    assert kind
    assert kind["x"] >= name["x"] + name["width"] - 1, (name, kind)
    page.goto(hostile.url("people.html"))
    title = page.locator("#person-rtl .ed-entry-title")
    name = title.locator("strong").bounding_box()
    badge = title.locator(".sd-badge").first.bounding_box()
    assert name
    assert badge
    assert badge["x"] >= name["x"] + name["width"] - 1, (name, badge)
