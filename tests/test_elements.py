"""The collectors' list of a document's elements gives what docutils' own walk gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from conftest import warnings_of
from sphinx_edition.domain.elements import Elements
from sphinx_edition.markup.nodes import editorial_note, mention, witness_paragraph

MakeApp = Callable[..., SphinxTestApp]


def test_the_elements_of_each_class_are_docutils_own_in_document_order(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = make_app("html", srcdir=copy_root("notes"), freshenv=True)
    app.build(force_all=True)
    assert warnings_of(app) == []
    compared: set[type] = set()
    for docname in sorted(app.env.found_docs):
        document = app.env.get_doctree(docname)
        elements = Elements(document)
        # Every class in the page, with their bases (a class asked for takes its subclasses).
        classes = {base for node in document.findall(nodes.Element) for base in type(node).__mro__}
        for cls in sorted(
            (c for c in classes if isinstance(c, type) and issubclass(c, nodes.Element)),
            key=lambda c: c.__qualname__,
        ):
            assert elements.of(cls) == list(document.findall(cls)), (docname, cls)
            assert elements.of(cls) is elements.of(cls)  # picked once
            compared.add(cls)

        def numbered(node: nodes.Element) -> bool:
            return "n" in node.attributes

        assert elements.where(numbered) == [
            n for n in document.findall(nodes.Element) if numbered(n)
        ], docname
    # The classes the collectors ask for are among those compared.
    assert {editorial_note, mention, witness_paragraph} <= compared
