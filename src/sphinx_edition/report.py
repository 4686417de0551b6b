"""The checker's report: ``sphinx-build -b edition-check`` and the summary of every HTML build.

The report lists every check that ran, with counts; every problem with its location; and every
acknowledged discrepancy with the note that answers it.  It is written as ``report.json`` (for
tools) and ``report.txt`` (for people) into the builder's output folder.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders import Builder
from sphinx.util import logging

from .records import KINDS
from .rules import ACKNOWLEDGED, OK, PROBLEM, Finding, check_all
from .witness import WitnessError, compare, read_witness

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def findings(domain: Any) -> list[Finding]:
    return check_all(domain.rule_data())


def counts(domain: Any, found: list[Finding]) -> dict[str, Any]:
    """The figures of the report and of the build summary."""
    entries = Counter(r[0].kind for r in domain.entries.values())
    mentions = Counter(m.kind for m in domain.mentions)
    status = Counter(f.status for f in found)
    return {
        "entries": {kind: entries.get(kind, 0) for kind in KINDS},
        "mentions": {kind: mentions.get(kind, 0) for kind in KINDS},
        "dates": len(domain.dates),
        "durations": len(domain.data["durations"]),
        "sequences": len(domain.data["sequences"]),
        "notes": len(domain.notes),
        "checks": dict(sorted(Counter(f.check for f in found).items())),
        "ok": status.get(OK, 0),
        "problems": status.get(PROBLEM, 0),
        "acknowledged": status.get(ACKNOWLEDGED, 0),
    }


def summary_line(domain: Any) -> str:
    found = findings(domain)
    figures = counts(domain, found)
    return (
        f"edition check: {sum(figures['entries'].values())} entries, "
        f"{sum(figures['mentions'].values())} mentions, {figures['dates']} dates, "
        f"{figures['durations']} durations, {figures['sequences']} sequences checked; "
        f"{figures['problems']} problems, {figures['acknowledged']} acknowledged by notes"
    )


def log_summary(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: every HTML build ends with the checker's one-line summary."""
    if exception is None and app.builder.format == "html" and app.config.edition_checks:
        logger.info(summary_line(app.env.domains["ed"]))


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
        domain: Any = self.env.domains["ed"]
        found = findings(domain)
        report = {
            "summary": summary_line(domain),
            "counts": counts(domain, found),
            "witness": self._witness(domain),
            "problems": [_as_dict(f, domain) for f in found if f.status == PROBLEM],
            "acknowledged": [_as_dict(f, domain) for f in found if f.status == ACKNOWLEDGED],
            "checked": [_as_dict(f, domain) for f in found if f.status == OK],
        }
        out = Path(self.outdir)
        out.mkdir(parents=True, exist_ok=True)
        (out / "report.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (out / "report.txt").write_text(_as_text(report), encoding="utf-8")

    def _witness(self, domain: Any) -> dict[str, Any]:
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
            "problems": [f"{_path(domain, p.docname)}:{p.line}: {p.message}" for p in problems],
        }


def _path(domain: Any, docname: str) -> str:
    """The source file of *docname*, relative to the source folder, as warnings give it."""
    try:
        return str(domain.env.doc2path(docname, False))
    except Exception:
        return docname


def _as_dict(finding: Finding, domain: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "check": finding.check,
        "subtype": f"edition.{finding.subtype.value}",
        "location": f"{_path(domain, finding.docname)}:{finding.line}",
        "message": finding.message,
    }
    if finding.note:
        note = next((n for n in domain.notes if n.anchor == finding.note), None)
        item["note"] = {
            "anchor": finding.note,
            "number": note.number if note else None,
            "category": note.category if note else None,
            "lemma": note.lemma if note else None,
            "correction": note.corr if note else None,
        }
    return item


def _as_text(report: dict[str, Any]) -> str:
    lines = [report["summary"], ""]
    figures = report["counts"]
    lines.append("Checks run: " + ", ".join(f"{k} {v}" for k, v in figures["checks"].items()))
    witness = report["witness"]
    if witness.get("checked"):
        lines.append(
            f"Witness: {witness.get('paragraphs', 0)} paragraphs, "
            f"{len(witness['problems'])} differences"
        )
    for title, key in (("Problems", "problems"), ("Acknowledged by notes", "acknowledged")):
        lines += ["", f"{title} ({len(report[key])}):"]
        for item in report[key]:
            line = f"  {item['location']}: {item['message']} [{item['subtype']}]"
            if "note" in item:
                note = item["note"]
                line += (
                    f"\n      answered by note {note['number']} ({note['category']}) on "
                    f"{note['lemma']!r}"
                    + (f" → {note['correction']!r}" if note["correction"] else "")
                )
            lines.append(line)
    lines += ["", f"Checked and consistent ({len(report['checked'])}):"]
    lines += [f"  {item['location']}: {item['message']}" for item in report["checked"]]
    return "\n".join(lines) + "\n"
