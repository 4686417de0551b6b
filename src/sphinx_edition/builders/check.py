"""``sphinx-build -b edition-check``: every check of the edition, written as a report.

Also the one-line summary that every HTML build ends with.  The report's content is made by
:mod:`sphinx_edition.checks.report`; this module only runs the checks and writes the files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders import Builder
from sphinx.util import logging

from sphinx_edition.checks.findings import ACKNOWLEDGED, OK, PROBLEM
from sphinx_edition.checks.report import as_text, counts, finding_dict, summary_line
from sphinx_edition.checks.rules import check_all
from sphinx_edition.checks.witness import WitnessError, compare, read_witness
from sphinx_edition.domain.domain import EditionDomain, edition_domain

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def build_summary(domain: EditionDomain) -> str:
    data = domain.rule_data()
    return summary_line(counts(data, domain.notes, check_all(data)))


def log_summary(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: every HTML build ends with the checker's one-line summary."""
    if exception is None and app.builder.format == "html" and app.config.edition_checks:
        logger.info(build_summary(edition_domain(app.env)))


class EditionCheckBuilder(Builder):
    """Runs every check of the edition and writes report.json and report.txt."""

    name = "edition-check"
    format = "edition-check"
    epilog = "The edition's check report is in %(outdir)s (report.txt, report.json)."
    allow_parallel = True

    def get_outdated_docs(self) -> Iterable[str]:
        return self.env.found_docs

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def finish(self) -> None:
        domain = edition_domain(self.env)
        data = domain.rule_data()
        found = check_all(data)
        figures = counts(data, domain.notes, found)

        def listed(status: str) -> list[dict[str, Any]]:
            return [finding_dict(f, domain.notes, self._path) for f in found if f.status == status]

        report = {
            "summary": summary_line(figures),
            "counts": figures,
            "witness": self._witness(domain),
            "problems": listed(PROBLEM),
            "acknowledged": listed(ACKNOWLEDGED),
            "checked": listed(OK),
        }
        out = Path(self.outdir)
        out.mkdir(parents=True, exist_ok=True)
        (out / "report.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (out / "report.txt").write_text(as_text(report), encoding="utf-8")

    def _path(self, docname: str) -> str:
        """The source file of *docname*, relative to the source folder, as warnings give it."""
        try:
            return str(self.env.doc2path(docname, False))
        except Exception:
            return docname

    def _witness(self, domain: EditionDomain) -> dict[str, Any]:
        path = self.config.edition_witness
        if not path:
            return {"checked": False}
        try:
            witness = read_witness(Path(path))
        except WitnessError as err:
            return {"checked": True, "problems": [str(err)]}
        problems = compare(witness, domain.segments)
        return {
            "checked": True,
            "paragraphs": len(witness),
            "problems": [f"{self._path(p.docname)}:{p.line}: {p.message}" for p in problems],
        }
