"""The order of a sorted glossary (``:sorted:``): the Unicode Collation Algorithm, as registers.

Sphinx sorts a glossary by its terms' lower-cased, decomposed code points, so "Łódź" would
follow "z"; this transform sorts it again by :func:`sphinx_edition.core.collation.key`.
"""

from __future__ import annotations

from typing import Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from sphinx_edition.core import collation


class CollateGlossaries(SphinxTransform):
    """Sort each ``:sorted:`` glossary by the collation of its items' first terms."""

    default_priority = 501  # after Sphinx's GlossarySorter (500), so after translation too

    def apply(self, **kwargs: Any) -> None:
        for glossary in self.document.findall(addnodes.glossary):
            if glossary["sorted"]:
                items = cast("nodes.definition_list", glossary[0])
                items[:] = sorted(items, key=_first_term)


def _first_term(item: nodes.Node) -> collation.Key:
    return collation.key(cast("nodes.definition_list_item", item)[0].astext())
