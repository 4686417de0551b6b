"""The roles of the ``ed`` domain."""

from __future__ import annotations

from docutils import nodes
from sphinx.roles import XRefRole
from sphinx.util.docutils import SphinxRole

from .nodes import witness_text


class WitnessTextRole(SphinxRole):
    """``{ed:text}`…```: witness text set outside a paragraph, e.g. a run-in word as a heading.

    The text belongs to the transcription of the ``ed:paragraph`` that follows it.
    """

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        node = witness_text(self.rawtext, self.text)
        node["support_smartquotes"] = False
        self.set_source_info(node)
        return [node], []


class ParagraphReferenceRole(XRefRole):
    """``{ed:para}`7```: a link to ¶7 of the edition, shown as "¶7" unless given a title."""

    def __init__(self) -> None:
        super().__init__(warn_dangling=True, innernodeclass=nodes.inline)

    def process_link(
        self,
        env: object,
        refnode: nodes.Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        target = target.strip().lstrip("¶")
        return (title if has_explicit_title else f"¶{target}"), target
