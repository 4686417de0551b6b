"""The render layer's words in the edition's language: sentences with nodes in them, and the
words the scripts show.

A translated sentence stays whole for its translator, with ``{named}`` places for what the
page puts into it (:func:`sentence`), even when those are links or emphasis.  The scripts hold
no words of their own: each web page carries those its scripts may show, in the edition's
language, as ``<script type="application/json" id="ed-strings">`` in its head
(:func:`page_words`): the hover cards' on every page, the cite dialog's on pages with
paragraphs, the notes' on pages with notes.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes

from sphinx_edition.locale import _
from sphinx_edition.markup.nodes import editorial_note, witness_paragraph
from sphinx_edition.render.base import WEB_BUILDERS
from sphinx_edition.render.citation import json_script

STRINGS_ID = "ed-strings"
"""The id of the element the scripts read their words from."""

Part = str | nodes.Node | list[nodes.Node]

_PLACE = re.compile(r"\{(\w+)\}")


def sentence(template: str, **parts: Part) -> list[nodes.Node]:
    """*template* (a translated sentence) as nodes, each ``{name}`` replaced by ``parts[name]``.

    Text around the places and ``str`` parts become text nodes; a node (or a list of them)
    stands where its place is, wherever the translation puts it.
    """
    made: list[nodes.Node] = []
    position = 0
    for place in _PLACE.finditer(template):
        if place.start() > position:
            made.append(nodes.Text(template[position : place.start()]))
        part = parts[place.group(1)]
        if isinstance(part, str):
            made.append(nodes.Text(part))
        elif isinstance(part, list):
            made.extend(part)
        else:
            made.append(part)
        position = place.end()
    if position < len(template):
        made.append(nodes.Text(template[position:]))
    return made


def cite_words() -> dict[str, str]:
    """The words of the cite dialog (``cite.js``); ``{name}`` marks what the script puts in."""
    return {
        # Translators: the heading of the dialog that cites paragraph {n}.
        "heading": _("Cite ¶{n}"),
        "close": _("Close"),
        # Translators: {link} is the paragraph's permanent address, as a link.
        "permalink": _("Permanent link: {link}"),
        # Translators: the heading of the citation as running text (the others are "BibTeX"
        # and "CSL-JSON").
        "citation": _("Citation"),
        "copy": _("Copy"),
        # Translators: the name of a copy button for the reader's screen reader; {format} is
        # "Citation", "BibTeX" or "CSL-JSON".
        "copy_label": _("Copy the {format}"),
        # Translators: said when a citation has been copied; {format} as in "Copy the {format}".
        "copied": _("{format} copied."),
        "selected": _("Selected: press Ctrl+C to copy."),
        # Translators: a citation of one paragraph as running text.  {editors}, {version} and
        # {year} are each empty when the edition does not give one, or else the next three
        # messages; {date} is the day the reader cites it (2024-05-01).
        "text": _("“{page}”, ¶{n}, in {title}{editors}{version}{year}, {url} (accessed {date})."),
        # Translators: part of the citation of a paragraph; {names} are the editors.
        "editors": _(", edited by {names}"),
        # Translators: part of the citation of a paragraph: the edition's version.
        "version": _(", version {version}"),
        # Translators: part of the citation of a paragraph: the edition's year.
        "year": _(" ({year})"),
        # Translators: between the last two of a list of names: "Ann Smith and Bo Li".
        "and": _(" and "),
        # Translators: the note of the paragraph's BibTeX entry.
        "note": _("Paragraph {n}"),
    }


def notes_words() -> dict[str, str]:
    """The words of the notes beside the text (``notes.js``)."""
    return {
        "back": _("Back to the text"),
        # Translators: the button under a note shown shortened beside the text.
        "more": _("more"),
        # Translators: the button under a note shown whole beside the text.
        "less": _("less"),
        # Translators: the name of the "more" button for a screen reader; {n} is the note's number.
        "more_label": _("more of note {n}"),
        # Translators: the name of the "less" button for a screen reader; {n} is the note's number.
        "less_label": _("less of note {n}"),
    }


def cards_words() -> dict[str, str]:
    """The words of the hover cards (``cards.js``)."""
    return {
        # Translators: a hover card's link to what it describes; {where} is "Register",
        # "Glossary" or "Bibliography", {title} the entry's name.
        "link": _("{where}: {title}"),
    }


def page_words(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the words of the scripts the page may run, in its head."""
    if app.builder.name not in WEB_BUILDERS:
        return
    words = {"cards": cards_words()}
    if doctree is not None:
        if next(doctree.findall(witness_paragraph), None) is not None:
            words["cite"] = cite_words()
        if next(doctree.findall(editorial_note), None) is not None:
            words["notes"] = notes_words()
    element = json_script("application/json", words, STRINGS_ID)
    context["metatags"] = context.get("metatags", "") + element + "\n"
