"""Directives for the edition's own documentation, generated from the extension's code."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

from sphinx_edition.config import CONFIG_VALUES
from sphinx_edition.records import CATEGORIES, CATEGORY_MEANINGS
from sphinx_edition.warnings import Subtype


def _table(headers: tuple[str, ...], rows: list[tuple[nodes.Node, ...]]) -> nodes.table:
    table = nodes.table(classes=["colwidths-auto"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec() for _ in headers)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", nodes.paragraph(text=h)) for h in headers))
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *(nodes.entry("", cell) for cell in cells))
    group += head
    group += body
    return table


class WarningSubtypes(SphinxDirective):
    """A table of every ``edition.*`` warning subtype, from the enum in the code."""

    def run(self) -> list[nodes.Node]:
        rows = [
            (
                nodes.paragraph("", "", nodes.literal(text=subtype.name_in_config)),
                nodes.paragraph(text=subtype.doc.replace("``", "")),
                nodes.literal_block(text=subtype.example),
            )
            for subtype in Subtype
        ]
        return [_table(("suppress with", "meaning", "example"), rows)]


class ConfigValues(SphinxDirective):
    """A table of the extension's configuration values, from their declarations."""

    def run(self) -> list[nodes.Node]:
        rows = [
            (
                nodes.paragraph("", "", nodes.literal(text=value.name)),
                nodes.paragraph("", "", nodes.literal(text=repr(value.default))),
                nodes.paragraph(text=value.doc),
            )
            for value in CONFIG_VALUES
        ]
        return [_table(("name", "default", "meaning"), rows)]


class NoteCategories(SphinxDirective):
    """A table of the categories of editorial notes, from the extension's definitions."""

    def run(self) -> list[nodes.Node]:
        rows = [
            (
                nodes.paragraph("", "", nodes.literal(text=category)),
                nodes.paragraph(text=CATEGORY_MEANINGS[category]),
            )
            for category in CATEGORIES
        ]
        return [_table(("category", "what the note answers"), rows)]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("edition-warning-subtypes", WarningSubtypes)
    app.add_directive("edition-config-values", ConfigValues)
    app.add_directive("edition-note-categories", NoteCategories)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
