"""Unresolved ``ed`` references: one ``edition.xref`` warning each, with suggestions."""

from __future__ import annotations

from sphinx.addnodes import pending_xref
from sphinx.domains import Domain

from sphinx_edition.checks.findings import did_you_mean
from sphinx_edition.domain.domain import EditionDomain
from sphinx_edition.warnings import Subtype, warn


def warn_missing_reference(app: object, domain: Domain | None, node: pending_xref) -> bool | None:
    """Report an unresolved ``ed`` reference as an ``edition.xref`` warning, with suggestions;
    so too an entry's ``:term:`` that the glossary does not define."""
    if node.get("ed_term_of"):
        warn(
            Subtype.XREF,
            f"{node['ed_term_of']}: :term: {node['reftarget']!r} is not a glossary term",
            node,
        )
        return True
    if not isinstance(domain, EditionDomain):
        return None
    target, typ = node["reftarget"], node["reftype"]
    if typ == "apparatus":
        return True  # an edition without an apparatus page: the note's number stays plain
    if typ == "para":
        numbers = sorted({s.paragraph for s in domain.segments if s.kind == "paragraph"})
        known = f"¶{numbers[0]}–¶{numbers[-1]}" if numbers else "none"
        warn(Subtype.XREF, f"ed:para: no paragraph {target!r} (the edition has {known})", node)
        return True
    other = domain.entry(target)
    if other is not None:
        message = f"ed:{typ}: {target!r} is an ed:{other.kind}, not an ed:{typ}"
    else:
        candidates = [r.id for r in domain.all_entries() if typ == "entry" or r.kind == typ]
        message = f"ed:{typ}: unknown entry {target!r}{did_you_mean(target, candidates)}"
    warn(Subtype.XREF, message, node)
    return True
