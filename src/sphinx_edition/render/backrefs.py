"""Each register entry's list of the places in the text that mention it."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.nodes import make_refnode

from sphinx_edition.core.records import Mention
from sphinx_edition.locale import _, ngettext
from sphinx_edition.markup.nodes import backref_list, backrefs
from sphinx_edition.render.base import EditionPostTransform

if TYPE_CHECKING:
    from sphinx.builders import Builder


def draws_lists(builder: Builder) -> bool:
    """Whether *builder* gets each list as one :class:`backref_list` its HTML visitor draws.

    The HTML builders do, but for the single page: it rewrites the addresses of the page's
    references after the post-transforms (``SingleFileHTMLBuilder.fix_refuris``), which a
    drawn link would escape.  Every other builder gets the list as a tree of docutils nodes,
    which its own writer renders; the visitor writes what HTML5Translator writes for that tree.
    """
    return builder.format == "html" and builder.name != "singlehtml"


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
        drawn = draws_lists(self.builder)
        for placeholder in placeholders:
            found = sorted(
                by_target.get(placeholder["target"], ()),
                key=lambda m: (m.docname, m.paragraph, m.lineno, m.anchor),
            )
            placeholder.replace_self(self._drawn(found) if drawn else self._tree(found))

    def _heading(self, found: list[Mention]) -> str:
        count = len(found)
        if not count:
            # Translators: under a register entry that no place in the text mentions.
            return _("Not mentioned in the text.")
        # Translators: above the list of the places in the text that mention an entry.
        title = ngettext(
            "Mentioned {count} time in the text:", "Mentioned {count} times in the text:", count
        )
        return title.format(count=count)

    def _link(self, record: Mention) -> tuple[nodes.reference, str]:
        """The link to a mention, as Sphinx makes a cross-reference, and its words (¶n)."""
        where = f"¶{record.paragraph}" if record.paragraph else record.docname
        link = make_refnode(
            self.builder,
            self.env.docname,
            record.docname,
            record.anchor,
            nodes.inline(text=where),
            f"{where}: {record.text}",
        )
        return link, where

    def _drawn(self, found: list[Mention]) -> backref_list:
        links = []
        for record in found:
            link, where = self._link(record)
            # HTML5Translator.visit_reference: a refuri as it is, a refid as a fragment.
            href = (link["refuri"] or "#") if "refuri" in link else "#" + link["refid"]
            links.append((href, link["reftitle"], where, record.snippet))
        return backref_list(heading=self._heading(found), links=links, classes=["ed-backrefs"])

    def _tree(self, found: list[Mention]) -> nodes.Element:
        box = nodes.container(classes=["ed-backrefs"])
        if not found:
            box += nodes.paragraph(text=self._heading(found))
            return box
        box += nodes.paragraph(text=self._heading(found), classes=["ed-backrefs-title"])
        items = nodes.bullet_list(classes=["ed-backrefs-list"])
        for record in found:
            link, _where = self._link(record)
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
