"""Directives for the edition's own documentation, generated from the extension's code."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

from sphinx_edition.config import CONFIG_VALUES
from sphinx_edition.core.durations import DEFAULT_QUALIFIER, QUALIFIERS, RELATIONS
from sphinx_edition.config import note_categories
from sphinx_edition.core.vocabulary import ACT_LABELS
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
                nodes.paragraph("", "", nodes.literal(text=category.name)),
                nodes.paragraph(text=category.meaning),
                nodes.paragraph(text=ACT_LABELS[category.act]),
            )
            for category in note_categories(self.config).values()
        ]
        return [_table(("category", "what the note answers", "editorial act"), rows)]


class Tolerances(SphinxDirective):
    """The duration qualifiers and what each allows, from the checker's own table."""

    def run(self) -> list[nodes.Node]:
        by_rule: dict[str, list[str]] = {}
        for word, qualifier in QUALIFIERS.items():
            by_rule.setdefault(qualifier.meaning, []).append(word)
        rows = []
        for meaning, words in by_rule.items():
            low, high = QUALIFIERS[words[0]].window(30)
            example = f"{max(low, 0):g} to {high:g}" if high != float("inf") else f"{low:g} or more"
            names = ", ".join(words) + (" (the default)" if DEFAULT_QUALIFIER in words else "")
            rows.append(
                (
                    nodes.paragraph("", "", nodes.literal(text=names)),
                    nodes.paragraph(text=meaning),
                    nodes.paragraph(text=f"a claim of 30 years holds for {example} years"),
                )
            )
        return [_table(("qualifier", "the real value may be", "example"), rows)]


class Relations(SphinxDirective):
    """The relations a sequence claim may use, from the checker's own table."""

    def run(self) -> list[nodes.Node]:
        rows = [
            (nodes.paragraph("", "", nodes.literal(text=name)), nodes.paragraph(text=meaning))
            for name, meaning in RELATIONS.items()
        ]
        return [_table(("relation", "meaning"), rows)]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("edition-warning-subtypes", WarningSubtypes)
    app.add_directive("edition-config-values", ConfigValues)
    app.add_directive("edition-note-categories", NoteCategories)
    app.add_directive("edition-tolerances", Tolerances)
    app.add_directive("edition-relations", Relations)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
