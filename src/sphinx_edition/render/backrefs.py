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
from sphinx_edition.render.survey import holds

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
        if not holds(self.document, backrefs):
            return
        placeholders = list(self.document.findall(backrefs))
        if not placeholders:
            return
        by_target: dict[str, list[Mention]] = defaultdict(list)
        for record in self.domain.mentions:
            by_target[record.target].append(record)
        drawn = draws_lists(self.builder)
        uris: dict[str, str] = {}  # the address of each page from this one
        for placeholder in placeholders:
            found = sorted(
                by_target.get(placeholder["target"], ()),
                key=lambda m: (m.docname, m.paragraph, m.lineno, m.anchor),
            )
            placeholder.replace_self(self._drawn(found, uris) if drawn else self._tree(found))

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

    @staticmethod
    def _where(record: Mention) -> str:
        """A link's words: the paragraph's number (¶n), or the page's name."""
        return f"¶{record.paragraph}" if record.paragraph else record.docname

    def _link(self, record: Mention) -> tuple[nodes.reference, str]:
        """The link to a mention, as Sphinx makes a cross-reference, and its words (¶n)."""
        where = self._where(record)
        link = make_refnode(
            self.builder,
            self.env.docname,
            record.docname,
            record.anchor,
            nodes.inline(text=where),
            f"{where}: {record.text}",
        )
        return link, where

    def _drawn(self, found: list[Mention], uris: dict[str, str]) -> backref_list:
        """The list as one node: for each link the address HTML5Translator writes for the
        reference make_refnode makes (a fragment within the page; else the page's relative
        address, with the fragment), its title, words and snippet.  Made without the nodes: a
        reference and its words for each mention were 1.2 s of a build at N = 200."""
        here, links = self.env.docname, []
        for record in found:
            where = self._where(record)
            if record.docname == here and record.anchor:
                href = "#" + record.anchor
            else:
                uri = uris.get(record.docname)
                if uri is None:
                    uri = uris[record.docname] = self.builder.get_relative_uri(here, record.docname)
                href = (f"{uri}#{record.anchor}" if record.anchor else uri) or "#"
            links.append((href, f"{where}: {record.text}", where, record.snippet))
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
