"""The extension's warnings: one type, ``edition``, and an enum of documented subtypes.

Every problem in an editor's files is reported through :func:`warn`, which always passes a
location, so that ``-W`` turns it into a failed build and ``suppress_warnings =
["edition.<subtype>"]`` silences exactly one kind of problem.  The reference documentation's
list of subtypes is generated from this enum, so the docs cannot drift from the code.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils import nodes

WARNING_TYPE = "edition"

logger = logging.getLogger("sphinx_edition")


class Subtype(Enum):
    """The subtypes of the ``edition`` warning type.

    Each member carries its documentation (``doc``) and an example warning line (``example``).
    """

    doc: str
    example: str

    def __new__(cls, value: str, doc: str, example: str) -> Subtype:
        member = object.__new__(cls)
        member._value_ = value
        member.doc = doc
        member.example = example
        return member

    WITNESS = (
        "witness",
        "The transcription differs from the witness file (a lost, added or changed character, "
        "a dropped, duplicated or reordered paragraph), or the witness cannot be read.",
        "text.md:12: WARNING: ¶5 differs from the witness at character 48: witness has "
        "'…seized power in Petrograd…', edition has '…seized power in Moscow…'",
    )
    CONFIG = (
        "config",
        "A configuration value of the extension has the wrong type or an impossible value.",
        "conf.py: WARNING: edition_witness must be a path (str), not int",
    )
    XREF = (
        "xref",
        "A reference of the ``ed`` domain points to nothing: an unknown paragraph or entry.",
        "about.md:5: WARNING: ed:para: no paragraph '14' (the edition has ¶1–¶13)",
    )
    OPTION = (
        "option",
        "A directive or role of the ``ed`` domain was given a malformed argument or option.",
        "text.md:3: WARNING: ed:paragraph needs a whole number from 1 up as its argument, "
        "not 'five'",
    )

    @property
    def name_in_config(self) -> str:
        """The string to put in ``suppress_warnings`` to silence this subtype."""
        return f"{WARNING_TYPE}.{self.value}"


def warn(
    subtype: Subtype,
    message: str,
    location: str | tuple[str | None, int | None] | nodes.Node | None,
) -> None:
    """Emit one located ``edition.<subtype>`` warning."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype.value, location=location)
