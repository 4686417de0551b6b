"""The pages' directives: ``ed:register`` (entries sorted for the reader), ``ed:apparatus`` and
``ed:timeline`` (placeholders the render layer fills once every page is read)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes

from sphinx_edition.core.labels import sort_key
from sphinx_edition.core.vocabulary import KINDS
from sphinx_edition.markup.base import EditionDirective, Options
from sphinx_edition.markup.nodes import apparatus, register, register_entry, timeline
from sphinx_edition.warnings import Subtype, warn


class RegisterDirective(EditionDirective):
    """``ed:register KIND``: the entries defined in its content, sorted for the reader.

    People, places and organisations are sorted alphabetically (by ``:sort:``, in the order of
    the Unicode Collation Algorithm), events chronologically.
    """

    optional_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = Options()

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0].strip() if self.arguments else ""
        if kind not in KINDS:
            warn(
                Subtype.OPTION,
                f"ed:register: unknown kind {kind!r} (use one of {', '.join(KINDS)})",
                self.get_location(),
            )
            kind = ""
        node = register(kind=kind, classes=["ed-register"])
        self.set_source_info(node)
        self.parse_content(node)
        entries: list[nodes.Element] = []
        others: list[nodes.Node] = []
        for child in node.children:
            if isinstance(child, register_entry):
                if kind and child["kind"] != kind:
                    warn(
                        Subtype.OPTION,
                        f"ed:{child['kind']} {child['id']} stands in a register of kind "
                        f"{kind!r}: move it to the {child['kind']} register",
                        (self.env.docname, child.line or self.lineno),
                    )
                entries.append(child)
            else:
                others.append(child)
        node.children = []
        node.extend(others)
        # By core.labels.sort_key(): date, collation.  Computed here, not kept on the nodes:
        # a read page is held in memory and pickled until it is written.
        entries.sort(key=lambda e: sort_key(e.get("record", e.get("unlinked"))))
        node.extend(entries)
        return [node]


class ApparatusDirective(EditionDirective):
    """``ed:apparatus``: the table of every editorial note, with counts by category."""

    has_content = True  # reported, rather than docutils' error that drops the directive
    optional_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = Options()

    def run(self) -> list[nodes.Node]:
        self.no_content_or_argument()
        node = apparatus(classes=["ed-apparatus"])
        self.set_source_info(node)
        return [node]


class TimelineDirective(EditionDirective):
    """``ed:timeline``: a timeline of every event in the registers, drawn at build time."""

    has_content = True  # reported, rather than docutils' error that drops the directive
    optional_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = Options()

    def run(self) -> list[nodes.Node]:
        self.no_content_or_argument()
        node = timeline(classes=["ed-timeline"])
        self.set_source_info(node)
        return [node]
