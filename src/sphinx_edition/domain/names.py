"""Misspelt ``ed`` directives and roles: one located warning, and the closest name is used."""

from __future__ import annotations

import difflib
from typing import Any

from sphinx.domains import Domain

from sphinx_edition.markup.base import unknown_directive
from sphinx_edition.markup.roles import unknown_role


class ForgivingNames(Domain):
    """A domain that reads a misspelt directive or role by its closest name, so that a typo
    (``{ed:persn}``) loses nothing of the text and is reported once, where it is written."""

    def directive(self, name: str) -> Any:
        """The directive ``ed:<name>``; a name the domain lacks is one located warning, and the
        block is read by the closest directive, so that a typo loses nothing."""
        found = super().directive(name)
        if found is not None or self._is_default():
            return found
        close = difflib.get_close_matches(name, self.directives, n=1)
        return unknown_directive(
            name, close[0] if close else "", super().directive(close[0]) if close else None
        )

    def role(self, name: str) -> Any:
        """The role ``ed:<name>``; a name the domain lacks is one located warning, and the text
        is read by the closest role (or kept as text), so that a typo loses nothing."""
        found = super().role(name)
        if found is not None or self._is_default():
            return found
        close = difflib.get_close_matches(name, self.roles, n=1)
        return unknown_role(
            name, close[0] if close else "", super().role(close[0]) if close else None
        )

    def _is_default(self) -> bool:
        """Whether ``ed`` is the page's default domain: Sphinx then asks it first for every
        name written without a domain (``toctree``), which are not the domain's typos."""
        current = getattr(self.env, "current_document", None)
        return getattr(current, "default_domain", None) is self
