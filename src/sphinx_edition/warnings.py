"""Emitting the extension's warnings: one type, ``edition``, and the subtypes in ``subtypes``.

Every problem in an editor's files is reported through :func:`warn`, which always passes a
location, so that ``-W`` turns it into a failed build and ``suppress_warnings =
["edition.<subtype>"]`` silences exactly one kind of problem.

:func:`register` also keeps every ``edition.*`` warning of the build, with its location, for
the check report (:func:`reported`), and lets the extension's own warning replace another
package's where the extension reports the same mistake better (:data:`REPLACED`).
"""

from __future__ import annotations

import logging as python_logging
import re
from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.util import logging

from sphinx_edition.core.subtypes import WARNING_TYPE, Subtype

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["Reported", "Subtype", "register", "reported", "warn"]

logger = logging.getLogger("sphinx_edition")

# Warnings of other packages that the extension gives as an ``edition.*`` warning of its own,
# with the line of the mistake: the start of their messages.
REPLACED = (
    # Sphinx's std domain, at the glossary's first line: edition.duplicate, at the term's.
    re.compile(r"duplicate term description of "),
    # MyST, when an ed directive's options are not valid YAML: the directive reads them
    # line by line and says so as edition.option.
    re.compile(r"'ed:[a-z]+': Invalid options format"),
)


class Reported(NamedTuple):
    """An ``edition.*`` warning as the build gave it."""

    location: str  # "path:line", as the warning line shows it
    subtype: str
    message: str


def warn(
    subtype: Subtype,
    message: str,
    location: str | tuple[str | None, int | None] | nodes.Node | None,
) -> None:
    """Emit one located ``edition.<subtype>`` warning."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype.value, location=location)


_REPORTED: WeakKeyDictionary[Sphinx, list[Reported]] = WeakKeyDictionary()


def reported(app: Sphinx) -> list[Reported]:
    """Every ``edition.*`` warning of this build (not suppressed), in the order given."""
    return list(_REPORTED.get(app, ()))


class _Keeper(python_logging.Handler):
    """Keeps every ``edition.*`` warning, from this process and from parallel workers."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(python_logging.WARNING)
        self.app = app

    def emit(self, record: python_logging.LogRecord) -> None:
        # Sphinx holds warnings back while reading and hands them on again afterwards: the
        # same record comes twice, and is kept once.
        if getattr(record, "type", "") != WARNING_TYPE or getattr(record, "_edition_kept", False):
            return
        record._edition_kept = True
        subtype = str(getattr(record, "subtype", ""))
        suppressed = getattr(self.app.config, "suppress_warnings", ())
        if logging.is_suppressed_warning(WARNING_TYPE, subtype, suppressed):
            return
        # The plain message: Sphinx's record class prefixes the location, and its warning
        # handler (when it saw the record first) adds the [type.subtype] suffix.
        message = python_logging.LogRecord.getMessage(record)
        message = message.removesuffix(f" [{WARNING_TYPE}.{subtype}]")
        location = self._location(getattr(record, "location", None))
        _REPORTED.setdefault(self.app, []).append(Reported(location, subtype, message))

    def _location(self, location: object) -> str:
        """The location as Sphinx prints it (the record may not have been translated yet)."""
        if isinstance(location, tuple):
            docname, line = location
            if not docname:
                return ""
            path = str(self.app.env.doc2path(docname))
            return f"{path}:{line}" if line else path
        if isinstance(location, nodes.Node):
            return logging.get_node_location(location) or ""
        if isinstance(location, str) and location and ":" not in location:
            return str(self.app.env.doc2path(location))
        return str(location or "")


class _Replaced(python_logging.Filter):
    """Drops the warnings of other packages that an ``edition.*`` warning replaces."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app

    def filter(self, record: python_logging.LogRecord) -> bool:
        if getattr(record, "type", "") == WARNING_TYPE or record.levelno < python_logging.WARNING:
            return True
        message = record.getMessage()
        return not any(pattern.match(message) for pattern in REPLACED)


def register(app: Sphinx) -> None:
    """Keep this build's ``edition.*`` warnings, and drop the warnings they replace."""
    sphinx_logger = python_logging.getLogger(logging.NAMESPACE)
    _REPORTED[app] = []
    for handler in sphinx_logger.handlers:
        if isinstance(handler, logging.WarningStreamHandler):
            handler.filters.insert(0, _Replaced(app))
    sphinx_logger.addHandler(_Keeper(app))
