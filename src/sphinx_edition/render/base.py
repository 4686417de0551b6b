"""The post-transforms' base: the current builder and the ``ed`` domain, typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_edition.domain.domain import EditionDomain, edition_domain

if TYPE_CHECKING:
    from sphinx.builders import Builder

WEB_BUILDERS = ("html", "dirhtml", "singlehtml")
"""The builders whose pages run scripts (cards, notes, the reading switch, citation metadata)."""


class EditionPostTransform(SphinxPostTransform):
    """A post-transform of sphinx-edition."""

    @property
    def builder(self) -> Builder:
        """The current builder (``SphinxTransform.app`` is deprecated from Sphinx 9)."""
        app = getattr(self.env, "_app", None)
        return (app if app is not None else self.app).builder

    @property
    def domain(self) -> EditionDomain:
        return edition_domain(self.env)
