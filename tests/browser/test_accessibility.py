"""Accessibility: axe-core finds no WCAG 2.1 A/AA violation, and the keyboard does it all."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import NewPage
from .support import (
    AXE_JS,
    CLIPPED,
    DESKTOP,
    PHONE,
    READING_PAGES,
    Site,
    card_shown_by,
    focus_ring_is_visible,
    in_viewport,
    require,
    run_axe,
    tab_to,
)

pytestmark = pytest.mark.browser


def violations(page: Page) -> list[str]:
    """axe's WCAG 2.1 A/AA violations on the page as it is now."""
    require(AXE_JS.exists(), "axe-core (npm)")
    return [
        f"{violation['id']}: {node['target']}: {node['summary']}"
        for violation in run_axe(page)
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(edition: Site, new_page: NewPage, scheme: str) -> None:
    pages = sorted(path.name for path in edition.folder.glob("*.html"))
    assert set(READING_PAGES) | {"index.html", "bibliography.html", "editors.html"} <= set(pages)
    page = new_page(color_scheme=scheme)
    found = {}
    for name in pages:
        page.goto(edition.url(name))
        found[name] = violations(page)
    assert {name: problems for name, problems in found.items() if problems} == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_with_a_card_and_a_note_open_in_the_corrected_reading(
    edition: Site, new_page: NewPage, scheme: str
) -> None:
    page = new_page(color_scheme=scheme)
    page.goto(edition.url("text.html"))
    page.locator("fieldset.ed-reading").get_by_label("Emended").check()
    page.locator("#p1 .ed-note-more").first.click()
    expect(page.locator("#p1 .ed-note-more").first).to_have_attribute("aria-expanded", "true")
    page.locator("#p1 a.ed-mention").first.hover()
    expect(page.locator(".ed-card:not([hidden])")).to_have_count(1)
    assert violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_a_phone_with_a_note_open(
    edition: Site, new_page: NewPage, scheme: str
) -> None:
    page = new_page(color_scheme=scheme, viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(edition.url("text.html#note-p1-urgent-impromptu-meeting"))
    expect(page.locator("#note-p1-urgent-impromptu-meeting")).to_be_visible()
    assert violations(page) == []


def test_keyboard_shows_a_card_with_a_visible_focus(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    tab_to(page, "#p1 a.ed-mention")
    link = page.locator("#p1 a.ed-mention").first
    expect(card_shown_by(page, link)).to_be_visible()
    assert focus_ring_is_visible(page)
    # A glossary term too.
    tab_to(page, "#p1 a[href*='glossary.html#term-']")
    focused = page.locator(":focus")
    expect(card_shown_by(page, focused)).to_be_visible()
    assert focus_ring_is_visible(page)


def test_keyboard_follows_a_paragraph_number(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    tab_to(page, "#p1 a.ed-pnum")
    assert focus_ring_is_visible(page)
    page.keyboard.press("Enter")
    # A key press does not wait for the navigation it starts (a click does): the address
    # changes a moment later, which a loaded machine makes long enough to miss.
    expect(page).to_have_url(re.compile(r"text\.html#p1$"))


def test_keyboard_opens_and_closes_a_note_on_a_phone(edition: Site, new_page: NewPage) -> None:
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(edition.url("text.html"))
    tab_to(page, "#p1 a.ed-note-ref")
    marker = page.locator("#" + page.evaluate("document.activeElement.id"))
    note = page.locator(str(marker.get_attribute("href")))
    assert focus_ring_is_visible(page)
    expect(note).to_be_hidden()
    page.keyboard.press("Enter")
    expect(note).to_be_visible()
    assert in_viewport(page, note)
    # The note's own links come next in the tab order, ending with the way back.
    tab_to(page, ".ed-note:target a.ed-note-back", limit=20)
    assert focus_ring_is_visible(page)
    page.keyboard.press("Enter")
    expect(note).to_be_hidden()
    assert in_viewport(page, marker)


def test_keyboard_reaches_the_notes_beside_the_text(edition: Site, new_page: NewPage) -> None:
    page = new_page(viewport=DESKTOP)
    page.goto(edition.url("text.html"))
    tab_to(page, "#p1 a.ed-note-ref")
    page.keyboard.press("Enter")
    note = page.locator("#p1 .ed-note:target")
    expect(note).to_be_visible()
    # The note's source links follow the text's links of the paragraph in the tab order.
    tab_to(page, "#p1 .ed-note a", limit=80)
    assert focus_ring_is_visible(page)


def test_keyboard_opens_the_notes_beside_the_text(edition: Site, new_page: NewPage) -> None:
    page = new_page(viewport=DESKTOP)
    page.goto(edition.url("text.html"))
    # A link in the cut-off lines of a note, reached with Tab, opens the note: it is seen.
    tab_to(page, "#p1 .ed-note-body a")
    note = "#" + page.evaluate("document.activeElement.closest('aside.ed-note').id")
    body = page.locator(f"{note} > .ed-note-body")
    assert not body.evaluate(CLIPPED)
    assert in_viewport(page, page.locator(":focus"))
    assert focus_ring_is_visible(page)
    # The note's button, further on, shuts it and opens it again.
    tab_to(page, "#p1 .ed-note-more")
    button = page.locator(f"{note} > .ed-note-more")
    expect(button).to_be_focused()
    assert focus_ring_is_visible(page)
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert body.evaluate(CLIPPED)
    expect(button).to_be_focused()
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")
    assert not body.evaluate(CLIPPED)


def test_keyboard_switches_the_reading(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    tab_to(page, "fieldset.ed-reading input")
    radio = page.locator(":focus")
    assert radio.get_attribute("value") == "printed"
    assert focus_ring_is_visible(page)
    page.keyboard.press("ArrowRight")
    expect(page.locator("fieldset.ed-reading input[value=corrected]")).to_be_focused()
    text = page.locator("#p1 > p").first
    expect(text).to_contain_text("hastily arranged meeting", use_inner_text=True)
    page.keyboard.press("ArrowLeft")
    expect(text).to_contain_text("urgent impromptu meeting", use_inner_text=True)
    expect(text).not_to_contain_text("hastily arranged meeting", use_inner_text=True)


@pytest.mark.parametrize(
    ("path", "links"),
    [("timeline.html", "svg.ed-timeline-svg a"), ("people.html", ".ed-backrefs-list a")],
    ids=["timeline mark", "back-reference"],
)
def test_keyboard_follows_a_link_to_its_target(
    edition: Site, new_page: NewPage, path: str, links: str
) -> None:
    page = new_page()
    page.goto(edition.url(path))
    tab_to(page, links)
    link = page.locator(":focus")
    href = str(link.get_attribute("href"))
    assert focus_ring_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert in_viewport(page, page.locator("#" + href.partition("#")[2]))
