"""Tables whose column widths an editor gave keep them."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

GIVEN, AUTO = "colwidths-given", "colwidths-auto"


class GivenWidths(SphinxTransform):
    """A Markdown table inside a ``table`` directive with ``:widths:`` is marked both
    ``colwidths-auto`` (by MyST, for every Markdown table) and ``colwidths-given`` (by the
    directive), and the HTML writer then drops the widths (MyST-Parser issue #793).  The
    widths the editor gave win.  Given widths also keep a web page's table from being laid out
    again as its later rows arrive (render/assets.py, HEAD_STYLE)."""

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            classes: list[str] = table["classes"]
            if GIVEN in classes and AUTO in classes:
                classes.remove(AUTO)
