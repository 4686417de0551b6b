"""The checker's report, as data and as text (pure): counts, problems, acknowledgements.

The report lists every check that ran, with counts; every problem with its location; and every
acknowledged discrepancy with the note that answers it.  :mod:`sphinx_edition.builders.check`
writes it as ``report.json`` (for tools) and ``report.txt`` (for people).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from sphinx_edition.checks.findings import ACKNOWLEDGED, OK, PROBLEM, Data, Finding
from sphinx_edition.core.records import Note
from sphinx_edition.core.vocabulary import KINDS
from sphinx_edition.core.words import N_


def counts(data: Data, notes: Sequence[Note], found: Sequence[Finding]) -> dict[str, Any]:
    """The figures of the report and of the build summary."""
    entries = Counter(records[0].kind for records in data.entries.values() if records)
    mentions = Counter(m.kind for m in data.mentions)
    status = Counter(f.status for f in found)
    return {
        "entries": {kind: entries.get(kind, 0) for kind in KINDS},
        "mentions": {kind: mentions.get(kind, 0) for kind in KINDS},
        "dates": len(data.dates),
        "durations": len(data.durations),
        "sequences": len(data.sequences),
        "notes": len(notes),
        "checks": dict(sorted(Counter(f.check for f in found).items())),
        "ok": status.get(OK, 0),
        "problems": status.get(PROBLEM, 0),
        "acknowledged": status.get(ACKNOWLEDGED, 0),
    }


def summary_line(figures: dict[str, Any]) -> str:
    """The one line every HTML build ends with."""
    return (
        f"edition check: {sum(figures['entries'].values())} entries, "
        f"{sum(figures['mentions'].values())} mentions, {figures['dates']} dates, "
        f"{figures['durations']} durations, {figures['sequences']} sequences checked; "
        f"{figures['problems']} problems, {figures['acknowledged']} acknowledged by notes"
    )


def finding_dict(
    finding: Finding, notes: Sequence[Note], path_of: Callable[[str], str]
) -> dict[str, Any]:
    """One finding as the report lists it; *path_of* gives a document's source file."""
    item: dict[str, Any] = {
        "check": finding.check,
        "subtype": f"edition.{finding.subtype.value}",
        "location": f"{path_of(finding.docname)}:{finding.line}",
        "message": finding.message,
    }
    if finding.note:
        note = next((n for n in notes if n.anchor == finding.note), None)
        item["note"] = {
            "anchor": finding.note,
            "number": note.number if note else None,
            "category": note.category if note else None,
            "lemma": note.lemma if note else None,
            "correction": note.corr if note else None,
        }
    return item


def as_text(report: dict[str, Any], gettext: Callable[[str], str] = N_) -> str:
    """The report for people: report.txt, its headings in the language *gettext* translates to.

    The problems' messages are the build's warnings, as Sphinx's log gives them (in English).
    """
    lines = [report["summary"], ""]
    figures = report["counts"]
    run = ", ".join(f"{k} {v}" for k, v in figures["checks"].items())
    lines.append(gettext(N_("Checks run: {checks}")).format(checks=run))
    witness = report["witness"]
    if witness.get("checked"):
        lines.append(
            gettext(N_("Witness: {paragraphs} paragraphs, {differences} differences")).format(
                paragraphs=witness.get("paragraphs", 0), differences=len(witness["problems"])
            )
        )
    headings = ((N_("Problems ({count}):"), "problems"),
                (N_("Acknowledged by notes ({count}):"), "acknowledged"))  # fmt: skip
    for title, key in headings:
        lines += ["", gettext(title).format(count=len(report[key]))]
        for item in report[key]:
            line = f"  {item['location']}: {item['message']} [{item['subtype']}]"
            if "note" in item:
                note = item["note"]
                answer = gettext(N_("answered by note {number} ({category}) on {lemma}")).format(
                    number=note["number"], category=note["category"], lemma=repr(note["lemma"])
                )
                line += f"\n      {answer}" + (
                    f" → {note['correction']!r}" if note["correction"] else ""
                )
            lines.append(line)
    checked = gettext(N_("Checked and consistent ({count}):"))
    lines += ["", checked.format(count=len(report["checked"]))]
    lines += [f"  {item['location']}: {item['message']}" for item in report["checked"]]
    return "\n".join(lines) + "\n"
