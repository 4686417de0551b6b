"""What a reader does with the edition, in headless Chromium against the served HTML."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from .conftest import NewPage
from .support import (
    CLIPPED,
    DESKTOP,
    PHONE,
    Site,
    box_across,
    card_shown_by,
    in_viewport,
    tab_to,
)

pytestmark = pytest.mark.browser

FIRST_MENTION = "#p1 a.ed-mention"  # Alexei Kosygin, the first person the text names


def test_a_mention_shows_its_card_on_hover(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    link = page.locator(FIRST_MENTION).first
    expect(page.locator(".ed-card")).to_have_count(0)  # none in the page until asked for
    link.hover()
    card = card_shown_by(page, link)
    expect(card).to_be_visible()
    expect(card).to_contain_text("Alexei Kosygin")
    expect(card).to_contain_text("1904–1980")
    # The card stands just below (or above) the link, inside the window.
    link_box, card_box = link.bounding_box(), box_across(card, DESKTOP["width"])
    assert link_box
    below = 0 <= card_box["y"] - (link_box["y"] + link_box["height"]) < 20
    above = 0 <= link_box["y"] - (card_box["y"] + card_box["height"]) < 20
    assert below or above, (link_box, card_box)
    # The pointer may move onto the card without losing it (WCAG 1.4.13), and it goes
    # away when the pointer leaves both.
    page.mouse.move(card_box["x"] + 10, card_box["y"] + card_box["height"] / 2, steps=4)
    page.wait_for_timeout(400)
    expect(card).to_be_visible()
    page.mouse.move(2, DESKTOP["height"] - 2, steps=4)
    expect(card).to_be_hidden()


def test_a_mention_shows_its_card_on_keyboard_focus(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    tab_to(page, FIRST_MENTION)
    card = card_shown_by(page, page.locator(FIRST_MENTION).first)
    expect(card).to_be_visible()
    expect(card).to_contain_text("Alexei Kosygin")
    # Escape dismisses it and leaves the focus where it was.
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    assert page.evaluate("s => document.activeElement.matches(s)", FIRST_MENTION)
    # Moving on, the next mention shows its own card (the one card of the page, refilled),
    # and the first no longer points at it.
    link = page.locator(FIRST_MENTION).first
    tab_to(page, "#p1 a.ed-mention:not([href$='#person-kosygin'])")
    expect(card_shown_by(page, page.locator(":focus"))).not_to_contain_text("Alexei Kosygin")
    expect(link).not_to_have_attribute("aria-describedby", re.compile(".*"))
    assert page.locator(".ed-card:not([hidden])").count() == 1


CARD_FILES = ("cards.js", "cards.css", "ed-cards.js")  # the code, its style, the site's cards


def test_the_cards_load_when_a_reader_first_points_at_a_link(
    edition: Site, new_page: NewPage
) -> None:
    page = new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url.rsplit("/", 1)[-1]))
    page.goto(edition.url("text.html"), wait_until="networkidle")
    assert not set(CARD_FILES) & set(asked), asked  # a reader who never points pays nothing
    page.locator(FIRST_MENTION).first.hover()
    card = card_shown_by(page, page.locator(FIRST_MENTION).first)
    expect(card).to_be_visible()
    # Shown styled: the style sheet had arrived when the card was drawn.
    assert card.evaluate("c => getComputedStyle(c).position") == "absolute"
    page.locator("#p2 a.ed-mention").first.hover()
    expect(card_shown_by(page, page.locator("#p2 a.ed-mention").first)).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert sorted(name for name in asked if name in CARD_FILES) == sorted(CARD_FILES)


def test_a_glossary_term_shows_its_definition_card(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    term = "#p1 a[href*='glossary.html#term-']"
    page.locator(term).first.hover()
    card = card_shown_by(page, page.locator(term).first)
    expect(card).to_be_visible()
    expect(card).to_contain_text("term")


def test_notes_stand_beside_their_paragraph_on_a_desktop(edition: Site, new_page: NewPage) -> None:
    page = new_page(viewport=DESKTOP)
    page.goto(edition.url("text.html"))
    text = page.locator("#p1 > p").first.bounding_box()
    assert text is not None
    notes = page.locator("#p1 > aside.ed-note")
    assert notes.count() >= 2
    previous_bottom = 0.0
    for index in range(notes.count()):
        note = notes.nth(index)
        expect(note).to_be_visible()
        box = note.bounding_box()
        assert box is not None
        # In the margin to the right of the text, in the window, not over the last note.
        assert box["x"] >= text["x"] + text["width"], (index, box, text)
        assert box["x"] + box["width"] <= DESKTOP["width"]
        assert box["y"] >= previous_bottom
        previous_bottom = box["y"] + box["height"]
    # The first note stands level with the line of its marker.
    first = notes.first
    marker = page.locator(f"#ref-{first.get_attribute('id')}").bounding_box()
    note_box = first.bounding_box()
    assert marker
    assert note_box
    assert abs(note_box["y"] - marker["y"]) < 40, (note_box, marker)


def test_an_address_with_a_malformed_escape_leaves_the_notes_working(
    edition: Site, new_page: NewPage
) -> None:
    # decodeURIComponent throws on "%E0"; the notes' script must not stop there.
    page = new_page(viewport=DESKTOP)
    page.goto(edition.url("text.html#%E0"))
    more = page.locator("#p1 .ed-note-more:visible").first
    expect(more).to_be_visible()
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")


def test_a_long_note_beside_the_text_shows_its_first_lines_and_opens_whole(
    edition: Site, new_page: NewPage
) -> None:
    page = new_page(viewport=DESKTOP)
    page.goto(edition.url("text.html"))
    note = page.locator("#p1 > aside.ed-note").nth(1)  # "urgent impromptu meeting"
    body, button = note.locator(".ed-note-body"), note.get_by_role("button")
    # Shut: its whole head, the start of its explanation, and a button to read the rest.
    expect(note.locator(".ed-note-head")).to_contain_text("hastily arranged meeting")
    expect(body).to_contain_text("The meeting was not impromptu.", use_inner_text=True)
    assert body.evaluate(CLIPPED)
    expect(button).to_have_text("more")
    expect(button).to_have_attribute("aria-expanded", "false")
    shut = note.bounding_box()
    button.click()
    # Open: all of it, in place; the notes after it move down and do not overlap it.
    assert not body.evaluate(CLIPPED)
    expect(button).to_have_text("less")
    expect(button).to_have_attribute("aria-expanded", "true")
    opened, after = note.bounding_box(), note.locator("xpath=following-sibling::aside[1]")
    following = after.bounding_box()
    assert shut
    assert opened
    assert following
    assert opened["height"] > shut["height"] + 100, (shut, opened)
    assert abs(opened["y"] - shut["y"]) < 1
    assert following["y"] >= opened["y"] + opened["height"]
    button.click()
    assert body.evaluate(CLIPPED)
    expect(button).to_have_attribute("aria-expanded", "false")


def test_an_edition_can_show_more_lines_of_its_notes(edition: Site, new_page: NewPage) -> None:
    # As docs/editors.md tells an editor: one custom property in the edition's own CSS.
    page = new_page(viewport=DESKTOP)
    page.goto(edition.url("text.html"))
    body = page.locator("#p1 > aside.ed-note").nth(1).locator(".ed-note-body")
    line = body.evaluate("body => parseFloat(getComputedStyle(body).lineHeight)")
    assert abs(body.evaluate("body => body.clientHeight") - 2 * line) < 2
    page.add_style_tag(content=":root { --ed-note-lines: 6; }")
    assert abs(body.evaluate("body => body.clientHeight") - 6 * line) < 2
    assert body.evaluate(CLIPPED)


def test_a_notes_number_in_the_text_opens_it_whole(edition: Site, new_page: NewPage) -> None:
    page = new_page(viewport=DESKTOP)
    page.goto(edition.url("text.html"))
    marker = page.locator("#p1 a.ed-note-ref").nth(3)  # "After 3½ hours"
    note = page.locator(str(marker.get_attribute("href")))
    body = note.locator(".ed-note-body")
    assert body.evaluate(CLIPPED)
    marker.click()
    assert not body.evaluate(CLIPPED)
    assert in_viewport(page, note)
    # Shut again, it opens again from its number, though it is still the page's target.
    note.get_by_role("button", name="less").click()
    assert body.evaluate(CLIPPED)
    marker.click()
    assert not body.evaluate(CLIPPED)
    # An address that names the note opens it on arrival.
    page.goto(edition.url(f"text.html{marker.get_attribute('href')}"))
    assert not page.locator(f"{marker.get_attribute('href')} .ed-note-body").evaluate(CLIPPED)


def test_without_javascript_a_note_opens_whole_as_the_pages_target(
    edition: Site, new_page: NewPage
) -> None:
    page = new_page(viewport=DESKTOP, java_script_enabled=False)
    page.goto(edition.url("text.html"))
    marker = page.locator("#p1 a.ed-note-ref").nth(3)
    body = page.locator(f"{marker.get_attribute('href')} .ed-note-body")
    assert body.evaluate(CLIPPED)
    expect(page.locator(".ed-note-more")).to_have_count(0)  # the buttons are the script's
    marker.click()
    assert not body.evaluate(CLIPPED)


def test_the_text_reads_on_beside_its_notes(edition: Site, new_page: NewPage) -> None:
    # The notes are four times as long as the text: shown whole beside it, they left up to
    # two windows of blank column under a paragraph. Shut, none leaves as much as one.
    page = new_page(viewport=DESKTOP)
    page.goto(edition.url("text.html"))
    blank = page.evaluate(
        """() => [...document.querySelectorAll('.ed-paragraph.ed-has-notes')].map(box =>
            box.getBoundingClientRect().height
            - box.querySelector(':scope > p').getBoundingClientRect().height)"""
    )
    assert len(blank) >= 10
    assert max(blank) < DESKTOP["height"], blank
    page.locator(".ed-note-more").first.click()  # the measure sees a note that opens
    opened = page.evaluate(
        "() => document.querySelector('.ed-has-notes').getBoundingClientRect().height"
        " - document.querySelector('.ed-has-notes > p').getBoundingClientRect().height"
    )
    assert opened > blank[0]


def test_a_note_opens_from_its_number_on_a_phone(edition: Site, new_page: NewPage) -> None:
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(edition.url("text.html"))
    marker = page.locator("#p1 a.ed-note-ref").first
    note = page.locator(str(marker.get_attribute("href")))
    expect(note).to_be_hidden()  # the text reads without the notes in the way
    marker.tap()
    expect(note).to_be_visible()
    assert in_viewport(page, note)
    box_across(note, PHONE["width"])
    # On a phone the note opens whole: nothing cut off, no "more".
    assert not note.locator(".ed-note-body").evaluate(CLIPPED)
    expect(note.locator(".ed-note-more")).to_be_hidden()
    # Its "Back to the text" link returns to the marker and closes it.
    note.get_by_role("link", name="Back to the text").tap()
    expect(note).to_be_hidden()
    assert in_viewport(page, marker)


def test_the_reading_switch_changes_the_text_and_survives_a_reload(
    edition: Site, new_page: NewPage
) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    text = page.locator("#p1 > p").first
    switch = page.locator("fieldset.ed-reading")
    expect(switch).to_be_visible()
    expect(text).to_contain_text("urgent impromptu meeting", use_inner_text=True)
    expect(text).not_to_contain_text("hastily arranged meeting", use_inner_text=True)
    switch.get_by_label("Emended").check()
    expect(text).to_contain_text("hastily arranged meeting", use_inner_text=True)
    expect(text).not_to_contain_text("urgent impromptu meeting", use_inner_text=True)
    page.reload()
    expect(page.locator("fieldset.ed-reading").get_by_label("Emended")).to_be_checked()
    expect(page.locator("#p1 > p").first).to_contain_text(
        "hastily arranged meeting", use_inner_text=True
    )
    expect(page.locator("#p1 > p").first).not_to_contain_text(
        "urgent impromptu meeting", use_inner_text=True
    )
    page.locator("fieldset.ed-reading").get_by_label("As printed").check()
    expect(page.locator("#p1 > p").first).to_contain_text(
        "urgent impromptu meeting", use_inner_text=True
    )


@pytest.mark.parametrize("number", [1, 7, 13])
def test_a_paragraph_permalink_lands_on_its_paragraph(
    edition: Site, new_page: NewPage, number: int
) -> None:
    page = new_page()
    page.goto(edition.url(f"text.html#p{number}"))
    paragraph = page.locator(f"#p{number}")
    expect(paragraph).to_contain_text(f"¶{number}")
    assert in_viewport(page, paragraph)
    # The paragraph that was linked to is marked.
    colour = paragraph.evaluate("element => getComputedStyle(element).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    # Its ¶ number is the permalink.
    href = page.locator(f"#p{number} a.ed-pnum").get_attribute("href")
    assert href == f"#p{number}"


def test_following_a_paragraph_number_sets_the_address(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    page.locator("#p7 a.ed-pnum").click()
    expect(page).to_have_url(re.compile(r"text\.html#p7$"))
    assert in_viewport(page, page.locator("#p7"))


def search(page: Page, site: Site, query: str) -> list[str]:
    """Search as a reader does, from the search page; return the result links."""
    page.goto(site.url(f"search.html?q={quote(query)}"))
    expect(page.locator("#search-results .search-summary")).to_contain_text("found")
    links = page.locator("#search-results li a")
    return [str(links.nth(i).get_attribute("href")) for i in range(links.count())]


@pytest.mark.parametrize(
    ("query", "anchor", "name"),
    [
        ("Chou En-lai", "person-zhou-enlai", "Zhou Enlai"),
        ("Mao Tse-tung", "person-mao-zedong", "Mao Zedong"),
        ("Peking", "place-beijing", "Beijing"),
    ],
)
def test_search_finds_an_entry_by_another_spelling(
    edition: Site, new_page: NewPage, query: str, anchor: str, name: str
) -> None:
    page = new_page()
    results = search(page, edition, query)
    assert any(href.endswith(f"#{anchor}") for href in results), results
    page.locator(f"#search-results li a[href$='#{anchor}']").first.click()
    entry = page.locator(f"#{anchor}")
    expect(entry.locator(".ed-entry-title")).to_contain_text(name)
    assert in_viewport(page, entry)


def test_search_finds_a_glossary_term(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    results = search(page, edition, "de-Stalinization")
    assert "glossary.html#term-de-Stalinization" in results, results
    page.locator("#search-results li a[href='glossary.html#term-de-Stalinization']").click()
    term = page.locator("#term-de-Stalinization")
    expect(term).to_contain_text("de-Stalinization")
    assert in_viewport(page, term)


def test_every_search_result_leads_to_something_on_its_page(
    edition: Site, new_page: NewPage
) -> None:
    page = new_page()
    target = page.context.new_page()
    missing = []
    for query in ("Kosygin", "Beijing Airport", "de-Stalinization", "Chou En-lai"):
        results = search(page, edition, query)
        assert results, query
        for href in sorted({r for r in results if "#" in r}):
            path, _, anchor = href.partition("#")
            target.goto(edition.url(path))
            if target.evaluate("id => !document.getElementById(id)", anchor):
                missing.append(f"{query!r}: {href}")
    assert missing == [], "search results that lead to no element on their page"


def plain_quotes(text: str) -> str:
    """Text with curly apostrophes straightened and spaces collapsed, for comparing labels."""
    return " ".join(text.replace("’", "'").split())


def test_timeline_marks_lead_to_their_entries(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("timeline.html"))
    marks = page.locator("svg.ed-timeline-svg a")
    assert marks.count() >= 10
    hrefs = [str(marks.nth(i).get_attribute("href")) for i in range(marks.count())]
    labels = [marks.nth(i).locator("title").text_content() or "" for i in range(marks.count())]
    assert {href.partition("#")[0] for href in hrefs} == {"events.html"}
    events = page.context.new_page()
    events.goto(edition.url("events.html"))
    names = events.evaluate(
        """anchors => anchors.map(id => {
             const entry = document.getElementById(id);
             return entry ? entry.querySelector(".ed-entry-title strong").textContent : null;
           })""",
        [href.partition("#")[2] for href in hrefs],
    )
    for href, label, name in zip(hrefs, labels, names, strict=True):
        assert name is not None, f"{href} leads nowhere"
        assert plain_quotes(name) in plain_quotes(label), (href, label, name)
    # A reader who follows a mark lands on its entry.
    middle = len(hrefs) // 2
    marks.nth(middle).click()
    page.wait_for_url(re.compile(re.escape(hrefs[middle]) + "$"))
    entry = page.locator("#" + hrefs[middle].partition("#")[2])
    assert in_viewport(page, entry)
    expect(entry).to_contain_text(names[middle])


@pytest.mark.parametrize("register", ["people", "events", "places", "orgs"])
def test_back_references_lead_to_the_right_paragraphs(
    edition: Site, new_page: NewPage, register: str
) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    where = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(".ed-mention[id]")].map(
             m => [m.id, m.closest(".ed-paragraph")?.dataset.n ?? null]))"""
    )
    page.goto(edition.url(f"{register}.html"))
    links = page.evaluate(
        """() => [...document.querySelectorAll(".ed-backrefs-list a")].map(
             a => [a.getAttribute("href"), a.textContent.trim()])"""
    )
    assert links, f"{register}.html has no back-references"
    for href, label in links:
        path, _, anchor = href.partition("#")
        assert path == "text.html", href
        assert anchor in where, f"{href} leads nowhere"
        assert label == f"¶{where[anchor]}", (href, label, where[anchor])
    # Following one lands on the mention, in its paragraph.
    href, label = links[0]
    page.locator(f".ed-backrefs-list a[href='{href}']").first.click()
    mention = page.locator("#" + href.partition("#")[2])
    assert in_viewport(page, mention)
    assert mention.evaluate("m => '¶' + m.closest('.ed-paragraph').dataset.n") == label
