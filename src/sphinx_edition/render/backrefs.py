"""Each register entry's list of the places in the text that mention it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from docutils import nodes
from sphinx.util.nodes import make_refnode

from sphinx_edition.core.records import Mention
from sphinx_edition.locale import _, ngettext
from sphinx_edition.markup.nodes import backrefs
from sphinx_edition.render.base import EditionPostTransform


class BackReferences(EditionPostTransform):
    """Fill each entry's list of the places in the text that mention it."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        placeholders = list(self.document.findall(backrefs))
        if not placeholders:
            return
        by_target: dict[str, list[Mention]] = defaultdict(list)
        for record in self.domain.mentions:
            by_target[record.target].append(record)
        for placeholder in placeholders:
            found = sorted(
                by_target.get(placeholder["target"], ()),
                key=lambda m: (m.docname, m.paragraph, m.lineno, m.anchor),
            )
            placeholder.replace_self(self._render(found))

    def _render(self, found: list[Mention]) -> nodes.Element:
        box = nodes.container(classes=["ed-backrefs"])
        if not found:
            # Translators: under a register entry that no place in the text mentions.
            box += nodes.paragraph(text=_("Not mentioned in the text."))
            return box
        count = len(found)
        # Translators: above the list of the places in the text that mention an entry.
        title = ngettext(
            "Mentioned {count} time in the text:", "Mentioned {count} times in the text:", count
        )
        box += nodes.paragraph(text=title.format(count=count), classes=["ed-backrefs-title"])
        items = nodes.bullet_list(classes=["ed-backrefs-list"])
        for record in found:
            where = f"¶{record.paragraph}" if record.paragraph else record.docname
            link = make_refnode(
                self.builder,
                self.env.docname,
                record.docname,
                record.anchor,
                nodes.inline(text=where),
                f"{where}: {record.text}",
            )
            paragraph = nodes.paragraph(
                "",
                "",
                link,
                nodes.Text(" "),
                nodes.inline(text=record.snippet, classes=["ed-snippet"]),
            )
            items += nodes.list_item("", paragraph)
        box += items
        return box
