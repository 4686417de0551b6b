"""Privacy: reading the edition asks nothing of any host but the one that serves it."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Request

from .conftest import NewContext
from .support import PHONE, Site

pytestmark = pytest.mark.browser

# What a page may load without asking any host: inline data and the browser's own pages.
LOCAL_SCHEMES = {"data", "blob", "about"}


PIXEL = "http://example.invalid/pixel.png"


def record(context: BrowserContext) -> list[str]:
    """Every request any page of *context* makes, from now on."""
    requests: list[str] = []

    def seen(request: Request) -> None:
        requests.append(request.url)

    context.on("request", seen)
    return requests


def elsewhere(requests: list[str], site: Site) -> list[str]:
    home = urlsplit(site.base)
    return sorted(
        {
            url
            for url in requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES
            and (urlsplit(url).scheme, urlsplit(url).netloc) != (home.scheme, home.netloc)
        }
    )


def read_through(context: BrowserContext, site: Site, path: str) -> None:
    """Open a page, wait until the network is quiet, point at a link and scroll to the end."""
    page = context.new_page()
    page.goto(site.url(path), wait_until="networkidle")
    link = page.locator("article a.ed-mention, article a.reference").first
    if link.count() and link.is_visible():
        link.hover()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.close()


def test_no_page_asks_another_host(edition: Site, new_context: NewContext) -> None:
    pages = sorted(path.name for path in edition.folder.glob("*.html"))
    assert "text.html" in pages
    assert len(pages) >= 15
    context = new_context()
    requests = record(context)
    for path in [*pages, "search.html?q=Chou+En-lai"]:
        read_through(context, edition, path)
    assert len(requests) > len(pages)  # the pages, their styles and scripts were recorded
    assert any(urlsplit(url).path.endswith("searchindex.js") for url in requests)
    assert elsewhere(requests, edition) == []


def test_the_edition_on_a_phone_in_dark_mode_asks_no_other_host(
    edition: Site, new_context: NewContext
) -> None:
    context = new_context(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme="dark")
    requests = record(context)
    page = context.new_page()
    page.goto(edition.url("text.html#note-p1-zhou-enlai"), wait_until="networkidle")
    page.locator("fieldset.ed-reading").get_by_label("Emended").check()
    page.goto(edition.url("timeline.html"), wait_until="networkidle")
    page.goto(edition.url("people.html"), wait_until="networkidle")
    assert any(urlsplit(url).path.endswith("sphinx-edition.css") for url in requests)
    assert elsewhere(requests, edition) == []


def test_the_recording_sees_a_request_to_another_host(
    edition: Site, new_context: NewContext
) -> None:
    """The test above could not pass by missing requests: a third-party image is caught."""
    context = new_context()
    requests = record(context)
    context.route("http://example.invalid/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(edition.url("text.html"))
    # Waited for by its failure (the route aborts it), which comes after its request: waiting
    # for the network to be idle returned at once when the page had been idle before the
    # image was asked for, and the recording had not yet seen it (one CI-like run in many).
    with page.expect_event("requestfailed", lambda request: request.url == PIXEL):
        page.evaluate(
            """(url) => { const image = new Image(); image.src = url;
                          document.body.append(image); }""",
            PIXEL,
        )
    assert elsewhere(requests, edition) == [PIXEL]
