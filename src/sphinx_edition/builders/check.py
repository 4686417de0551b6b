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
from sphinx_edition.checks.witness import WitnessError, compare, read_witness
from sphinx_edition.domain.domain import EditionDomain, edition_domain
from sphinx_edition.locale import _
from sphinx_edition.warnings import reported

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def build_summary(app: Sphinx) -> str:
    """The checker's one line; its problems are every ``edition.*`` warning of the build."""
    domain = edition_domain(app.env)
    data = domain.rule_data()
    figures = counts(data, domain.notes, domain.findings())
    figures["problems"] = len(reported(app))
    return summary_line(figures)


def log_summary(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: every HTML build ends with the checker's one-line summary."""
    if exception is None and app.builder.format == "html" and app.config.edition_checks:
        logger.info(build_summary(app))


def read_everything(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: the report builder reads every page, so that its report holds
    every warning the pages give, not only those of the pages changed since the last run."""
    if app.builder.name != EditionCheckBuilder.name:
        return []
    return sorted(env.found_docs - added - changed - removed)


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
        found = domain.findings()
        figures = counts(data, domain.notes, found)

        def listed(status: str) -> list[dict[str, Any]]:
            return [finding_dict(f, domain.notes, self._path) for f in found if f.status == status]

        problems = self._problems(listed(PROBLEM))
        figures["problems"] = len(problems)
        report = {
            "summary": summary_line(figures),
            "counts": figures,
            "witness": self._witness(domain),
            "problems": problems,
            "acknowledged": listed(ACKNOWLEDGED),
            "checked": listed(OK),
        }
        out = Path(self.outdir)
        out.mkdir(parents=True, exist_ok=True)
        (out / "report.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (out / "report.txt").write_text(as_text(report, _), encoding="utf-8")

    def _problems(self, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Every ``edition.*`` warning of the build, with its location, in the order given;
        each with the check that found it (``reading`` for one given while reading a page)."""
        check = {(f["location"], f["message"]): f["check"] for f in findings}
        problems = []
        for warning in reported(self.app):
            location = self._relative(warning.location)
            subtype = f"edition.{warning.subtype}"
            problems.append(
                {
                    "check": check.get(
                        (location, warning.message),
                        "witness" if warning.subtype == "witness" else "reading",
                    ),
                    "subtype": subtype,
                    "location": location,
                    "message": warning.message,
                }
            )
        return problems

    def _relative(self, location: str) -> str:
        """*location* with the source folder's path left out, as the report gives paths."""
        prefix = f"{Path(self.srcdir)}/"
        return location.removeprefix(prefix)

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
