"""Emitting the extension's warnings: one type, ``edition``, and the subtypes in ``subtypes``.

Every problem in an editor's files is reported through :func:`warn`, which always passes a
location, so that ``-W`` turns it into a failed build and ``suppress_warnings =
["edition.<subtype>"]`` silences exactly one kind of problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_edition.core.subtypes import WARNING_TYPE, Subtype

if TYPE_CHECKING:
    from docutils import nodes

__all__ = ["Subtype", "warn"]

logger = logging.getLogger("sphinx_edition")


def warn(
    subtype: Subtype,
    message: str,
    location: str | tuple[str | None, int | None] | nodes.Node | None,
) -> None:
    """Emit one located ``edition.<subtype>`` warning."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype.value, location=location)
