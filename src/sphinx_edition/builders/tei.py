"""``sphinx-build -b tei``: the whole edition as one TEI P5 document.

The document is made by :mod:`sphinx_edition.export.tei`; this module only runs it.
"""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path

from docutils import nodes
from sphinx.builders import Builder

from sphinx_edition.core.edition import edition
from sphinx_edition.export.tei.context import TEI_FILE, TeiContext
from sphinx_edition.export.tei.document import make_parts, report, write_tei


class TeiBuilder(Builder):
    """Writes the edition as one TEI P5 document, ``edition.tei.xml``."""

    name = "tei"
    format = "tei"
    epilog = f"The edition's TEI document is %(outdir)s/{TEI_FILE}."
    allow_parallel = False

    def get_outdated_docs(self) -> str:
        return "the TEI document of the edition"  # one file: always written whole

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        """Links leave the TEI for the edition's web pages."""
        uri = f"{docname}{self.config.html_file_suffix or '.html'}"
        return edition(self.config).page_url(uri) or uri

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to, typ)

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_documents(self, docnames: Set[str]) -> None:
        context = TeiContext(
            self.env, lambda docname: f"{docname}{self.config.html_file_suffix or '.html'}"
        )
        parts = make_parts(
            context,
            lambda docname: self.env.get_and_resolve_doctree(docname, self, tags=self.tags),
        )
        _, problems = write_tei(context, parts, Path(self.outdir) / TEI_FILE)
        report(problems)

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass  # the document is written whole, by write_documents
