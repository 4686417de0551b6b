"""Tables whose column widths an editor gave keep them."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

GIVEN, AUTO = "colwidths-given", "colwidths-auto"
# The class a table with given widths carries to the page, where docutils' own markers are not
# written: tables.css lays such a table out by its widths alone.
GIVEN_WIDTHS = "ed-given-widths"


class GivenWidths(SphinxTransform):
    """A Markdown table inside a ``table`` directive with ``:widths:`` is marked both
    ``colwidths-auto`` (by MyST, for every Markdown table) and ``colwidths-given`` (by the
    directive), and the HTML writer then drops the widths (MyST-Parser issue #793).  The
    widths the editor gave win, and the table is marked GIVEN_WIDTHS, so that a web page lays
    it out by them alone and does not lay it out again as its later rows arrive (tables.css)."""

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            classes: list[str] = table["classes"]
            if GIVEN in classes:
                if AUTO in classes:
                    classes.remove(AUTO)
                if GIVEN_WIDTHS not in classes:
                    classes.append(GIVEN_WIDTHS)
