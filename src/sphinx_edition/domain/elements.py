"""A document's elements, listed once for the collectors that read them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from docutils import nodes

_E = TypeVar("_E", bound=nodes.Element)


class Elements:
    """A document's elements, listed in one walk in document order, and those of each class
    picked from that list once.

    The collectors (``collect.py``) ask for a dozen classes; docutils' ``findall`` walks the
    whole tree for each, through a generator per node, and those walks were a twentieth of a
    build of the benchmark's edition.  The document must not change while this is in use.
    """

    def __init__(self, document: nodes.document) -> None:
        self.document = document
        elements: list[nodes.Element] = []
        stack: list[nodes.Node] = [document]
        while stack:
            node = stack.pop()
            if isinstance(node, nodes.Element):
                elements.append(node)
                stack.extend(reversed(node.children))
        self._elements = elements
        self._of: dict[type[nodes.Element], list[Any]] = {}

    def of(self, cls: type[_E]) -> list[_E]:
        """The elements that are instances of *cls*, in document order."""
        found = self._of.get(cls)
        if found is None:
            found = self._of[cls] = [node for node in self._elements if isinstance(node, cls)]
        return found

    def classes(self) -> frozenset[type[nodes.Element]]:
        """The classes of the elements (each element's own class, not its bases)."""
        return frozenset(map(type, self._elements))

    def where(self, condition: Callable[[nodes.Element], bool]) -> list[nodes.Element]:
        """The elements for which *condition* is true, in document order."""
        return [node for node in self._elements if condition(node)]
