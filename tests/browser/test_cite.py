"""The "Cite this paragraph" control (cite.js), as a reader uses it."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from .conftest import NewPage
from .support import Site
from .test_accessibility import violations

pytestmark = pytest.mark.browser

PERMALINK = "https://sphinx-edition.readthedocs.io/en/latest/text.html#p7"


def test_every_paragraph_has_a_cite_button(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    buttons = page.locator(".ed-paragraph button.ed-cite")
    expect(buttons).to_have_count(13)
    expect(buttons.nth(6)).to_have_attribute("aria-label", "Cite paragraph 7")


def test_the_dialog_gives_text_bibtex_and_csl_json(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    page.locator('.ed-paragraph[data-n="7"] button.ed-cite').click()
    dialog = page.locator("dialog.ed-cite-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("h2").first).to_have_text("Cite ¶7")
    expect(dialog.locator(".ed-cite-text")).to_contain_text(
        "“Sino-Soviet Border Conflict”, ¶7, in The Sino-Soviet Split and the 1969 Border "
        "Crisis: An Annotated Critical Edition, edited by the sphinx-edition editors, "
        f"version 0.1 (2026), {PERMALINK} (accessed "
    )
    bibtex, csl = (dialog.locator("pre").nth(i).inner_text() for i in (0, 1))
    assert bibtex.startswith("@incollection{sinosoviet2026p7,\n  title = {Sino-Soviet Border")
    assert f"  url = {{{PERMALINK}}}," in bibtex
    assert "  editor = {{the sphinx-edition editors}}," in bibtex
    (item,) = json.loads(csl)
    assert item["type"] == "chapter"
    assert item["URL"] == PERMALINK
    assert item["issued"] == {"date-parts": [[2026]]}
    assert item["editor"] == [{"literal": "the sphinx-edition editors"}]


def test_copy_puts_the_citation_on_the_clipboard(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(edition.url("text.html"))
    page.locator('.ed-paragraph[data-n="3"] button.ed-cite').click()
    page.get_by_role("button", name="Copy the BibTeX").click()
    expect(page.locator(".ed-cite-status")).to_have_text("BibTeX copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@incollection{sinosoviet2026p3,")


def test_escape_closes_the_dialog_and_returns_focus(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    button = page.locator('.ed-paragraph[data-n="5"] button.ed-cite')
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.ed-cite-dialog")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()


def test_axe_finds_no_violation_with_the_dialog_open(edition: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(edition.url("text.html"))
    page.locator('.ed-paragraph[data-n="1"] button.ed-cite').click()
    expect(page.locator("dialog.ed-cite-dialog")).to_be_visible()
    assert violations(page) == []


def test_without_javascript_the_number_is_the_permalink(edition: Site, new_page: NewPage) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(edition.url("text.html"))
    expect(page.locator("button.ed-cite")).to_have_count(13)
    expect(page.locator("button.ed-cite:visible")).to_have_count(0)
    expect(page.locator('.ed-paragraph[data-n="7"] a.ed-pnum')).to_have_attribute("href", "#p7")
