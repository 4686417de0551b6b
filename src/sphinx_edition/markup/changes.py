"""``ed:changes``: the changelog of the edition's text-critical changes, release by release.

The directive only marks its place; what it shows (the notes each release added, changed and
removed, from the anchor manifest's history, and those changed since the manifest was
written) is filled in once every page is read (:mod:`sphinx_edition.render.changes`).
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes

from sphinx_edition.markup.base import EditionDirective

CHANGES_CLASS = "ed-changes"


class ChangesDirective(EditionDirective):
    """``ed:changes``: the notes added, changed and removed in each release."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        container = nodes.container(classes=[CHANGES_CLASS])
        container["ed_changes"] = True
        self.set_source_info(container)
        return [container]
