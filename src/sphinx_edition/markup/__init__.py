"""Source to format-neutral nodes: the ``ed`` directives and roles, and the lemmas' placing.

The directives and roles are registered through the domain (:mod:`sphinx_edition.domain`);
what this layer registers itself are the read-time steps that follow parsing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition.markup.lemmas import PlaceLemmas, strip_editorial_from_titles

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def register(app: Sphinx) -> None:
    """The transform that places the notes' lemmas, and the clean-up of section titles."""
    app.add_transform(PlaceLemmas)
    # After Sphinx's collectors (priority 500) have copied the section titles.
    app.connect("doctree-read", strip_editorial_from_titles, priority=900)
