"""Hover cards: what a reader sees on pointing at a mention, a glossary term or a citation.

Every card of the site is in one file, ``_static/ed-cards.js``, written at the end of each web
build from the domains' data.  ``sphinx-edition.js`` loads it the first time a reader points at
or tabs to a link, and the browser keeps it for the other pages: a page carries no card it may
never show, and an entry that changes
changes one file, not every page that names it.  A script rather than JSON, because browsers
refuse ``fetch`` to a page opened from disk (``file://``) but load its scripts.

The card data is made here without Sphinx (``card_script``); ``write_cards`` gathers it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sphinx_edition.core.dates import DateWords
from sphinx_edition.core.labels import dates_label
from sphinx_edition.core.records import Entry
from sphinx_edition.core.vocabulary import KIND
from sphinx_edition.domain.domain import EditionDomain, edition_domain
from sphinx_edition.locale import _, date_words
from sphinx_edition.markup import bibliography
from sphinx_edition.render.base import WEB_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CARDS_FILE = "ed-cards.js"


class Card(NamedTuple):
    """One card: the link target it describes (page and anchor) and what it says."""

    page: str  # the page, relative to the site's root; "" on a single-page site
    anchor: str
    title: str
    kind: str  # "person", "term", "source", ...
    when: str  # the dates a reader sees, or ""
    summary: str
    where: str  # what the card's own link leads to: "Register", "Glossary", "Bibliography"


def card_script(cards: Iterable[Card]) -> str:
    """The cards as a script that sets ``window.edCards``, keyed by ``page#anchor``."""
    data = {
        f"{card.page}#{card.anchor}": {
            key: value
            for key, value in (
                ("t", card.title),
                ("k", card.kind),
                ("d", card.when),
                ("s", card.summary),
                ("w", card.where),
            )
            if value
        }
        for card in cards
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # JSON allows these two line separators in strings; older JavaScript did not.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.edCards={text};\n"


def write_cards(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the site's cards into ``_static`` (web builders only)."""
    if exception is not None or app.builder.name not in WEB_BUILDERS:
        return
    builder = app.builder

    def page(docname: str) -> str:
        uri = builder.get_target_uri(docname)
        return "" if uri.startswith("#") else uri  # singlehtml: every page is the one page

    domain = edition_domain(app.env)
    words = date_words(app.config.language)
    # Translators: where a hover card's link leads: an entry of the registers.
    register = _("Register")
    cards = [
        Card(
            page(entry.docname),
            entry.anchor,
            entry.name,
            _(KIND[entry.kind].label),
            _when_and_where(entry, domain, words),
            entry.summary,
            register,
        )
        for entry in domain.all_entries()
    ]
    # Translators: the kind a hover card names for a glossary term.
    term_kind = _("term")
    glossary = _("Glossary")
    cards.extend(
        Card(
            page(term.docname), term.anchor, term.display, term_kind, "", term.definition, glossary
        )
        for term in domain.terms
    )
    cards.extend(_citation_cards(app, page))
    if not cards:
        return
    folder = Path(app.outdir) / "_static"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CARDS_FILE).write_text(card_script(cards), encoding="utf-8")


def _citation_cards(app: Sphinx, page: Callable[[str], str]) -> list[Card]:
    """A card for each reference the bibliography pages list: the full reference."""
    # Translators: the kind a hover card names for a reference of the bibliography.
    kind = _("source")
    bibliography_page = _("Bibliography")
    return [
        Card(page(c.docname), c.anchor, "", kind, "", c.text, bibliography_page)
        for c in bibliography.citations(app.env)
    ]


def _when_and_where(entry: Entry, domain: EditionDomain, words: DateWords) -> str:
    """An entry's dates, and for an event the places it happened in: '11 September 1969 ·
    Beijing Airport'."""
    names = [place.name for p in entry.places if (place := domain.entry(p, "place"))]
    return " · ".join(part for part in (dates_label(entry, words), ", ".join(names)) if part)
