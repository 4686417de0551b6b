"""Register entries made whole for every format: the fields made from their records, and the
card of sphinx-design around each (:class:`~sphinx_edition.markup.nodes.entry_card`)."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx_design.shared import create_component

from sphinx_edition.core.records import Entry
from sphinx_edition.locale import date_words
from sphinx_edition.markup.entry_fields import record_fields
from sphinx_edition.markup.nodes import entry_card, entry_fields, register_entry
from sphinx_edition.render.base import EditionPostTransform
from sphinx_edition.render.survey import holds

CARD_CLASSES = ["sd-card", "sd-sphinx-override", "sd-mb-3", "sd-shadow-sm", "ed-entry"]


class EntryCards(EditionPostTransform):
    """Each register entry as the reader sees it: its fields of dates, other names, links and
    coordinates made from its record, and its header and body in sphinx-design's card.

    Among the first post-transforms: the links of its fields are resolved after it.
    """

    default_priority = 1

    def run(self, **kwargs: Any) -> None:
        if not holds(self.document, entry_fields, entry_card):
            return
        words = date_words(self.config.language)
        for place in list(self.document.findall(entry_fields)):
            record = _record(place)
            made = record_fields(record, place["part"], words) if record else []
            if made:
                place.replace_self(made)
            else:
                place.parent.remove(place)
        for card in list(self.document.findall(entry_card)):
            header, *body = card.children
            whole = create_component(
                "card",
                CARD_CLASSES,
                children=[
                    create_component("card-header", ["sd-card-header"], children=[header]),
                    create_component("card-body", ["sd-card-body"], children=body),
                ],
            )
            card.replace_self(whole)


def _record(node: nodes.Element) -> Entry | None:
    """The record of the register entry that holds *node*."""
    parent = node.parent
    while parent is not None and not isinstance(parent, register_entry):
        parent = parent.parent
    if parent is None:
        return None
    # An entry whose id is malformed is shown, but is no record the domain collects.
    record = parent.get("record", parent.get("unlinked"))
    return record if isinstance(record, Entry) else None
