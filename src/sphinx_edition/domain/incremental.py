"""Keeping incremental builds right: what to re-read and re-write when something changes.

Sphinx re-reads changed documents by itself; what it cannot know is that a register page, a
timeline or a page's hover cards show data from other documents.  Each entry's fingerprint
(its record and the places that mention it) is kept in the domain's data; when one changes,
the pages that show that entry are written again, and no others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_edition.core.records import Mention
from sphinx_edition.domain.domain import EditionDomain, edition_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def witness_digest(path: str | None) -> str:
    """The SHA-256 of the witness file, or "" when there is none or it cannot be read."""
    if not path:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def reread_on_witness_change(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Re-read the transcribed documents when the witness file itself changed.

    Sphinx checks consistency only after reading something, so a changed witness must make
    the documents that hold the transcription outdated, or the check would not run.
    """
    domain = edition_domain(env)
    digest = witness_digest(env.config.edition_witness)
    if digest == domain.data["witness_digest"]:
        return []
    domain.data["witness_digest"] = digest
    return sorted({s.docname for s in domain.segments} - removed)


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()


def fingerprints(domain: EditionDomain) -> dict[str, str]:
    """For each entry id, a digest of its record and of every mention of it: what a register
    page or the timeline shows of it."""
    mentions: dict[str, list[Mention]] = {}
    for record in domain.mentions:
        mentions.setdefault(record.target, []).append(record)
    result = {}
    for entry_id, records in domain.entries.items():
        result[entry_id] = _digest((records, sorted(mentions.get(entry_id, ()))))
    for entry_id in mentions.keys() - result.keys():  # mentions of an unknown (deleted) id
        result[entry_id] = _digest(sorted(mentions[entry_id]))
    return result


def link_fingerprints(domain: EditionDomain) -> dict[str, str]:
    """For each entry id, a digest of what a link to it shows in a page that mentions it:
    where it points and the name it may print.  The cards are in one file of their own, so a
    new summary or date does not make every page that names the entry be written again."""
    return {
        entry_id: _digest([(r.docname, r.anchor, r.kind, r.name) for r in records])
        for entry_id, records in domain.entries.items()
    }


def _differing(now: dict[str, str], before: dict[str, str]) -> set[str]:
    return {key for key in now.keys() | before.keys() if now.get(key) != before.get(key)}


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """``env-updated``: the pages that show an entry whose data or mentions changed."""
    domain = edition_domain(env)
    now, links = fingerprints(domain), link_fingerprints(domain)
    before: dict[str, str] = domain.data["fingerprints"]
    links_before: dict[str, str] = domain.data["link_fingerprints"]
    changed, relinked = _differing(now, before), _differing(links, links_before)
    domain.data["fingerprints"], domain.data["link_fingerprints"] = now, links
    if not changed and not relinked:
        return []
    kinds = {r.kind for i in changed for r in domain.entries.get(i, ())}
    showing: set[str] = set()
    # Pages that link to an entry that moved, was renamed, added or deleted.
    showing.update(m.docname for m in domain.mentions if m.target in relinked)
    # Register pages of the kinds concerned, and the timeline if an event changed.
    for docname in env.found_docs:
        shows = domain.data["shows"].get(docname, ())
        if (set(shows) & kinds) or ("timeline" in shows and "event" in kinds):
            showing.add(docname)
    return sorted(showing & env.found_docs)


def restore_search_index(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: give the search index back the index entries of every page.

    Sphinx keeps each page's index entries for the search index on the environment, but
    fills them in while writing, after the environment is saved: after any build that does
    not write a page again, its entries are missing from ``searchindex.js`` (every register
    entry and alternative name; sphinx-doc/sphinx#12599).  The domain keeps them from
    reading, which is saved, and they are put back here, before the pages are written.
    """
    kept = getattr(env, "_search_index_index_entries", None)
    if not isinstance(kept, dict):
        return  # a Sphinx that keeps them elsewhere
    domain = edition_domain(env)
    for docname, entries in domain.data["index_entries"].items():
        if docname in env.found_docs and docname not in kept:
            kept[docname] = list(entries)
