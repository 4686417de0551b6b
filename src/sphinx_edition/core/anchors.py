"""The anchor manifest: every address a reader can cite, as one release published it (pure).

A published edition is cited by address: ``text.html#p7``, a note, a register entry, a glossary
term, a page.  The manifest (``edition_anchors``, a JSON file committed with each release)
lists each of them with the page that holds it and the line that defined it, so that the next
release's build can tell which have gone (:mod:`sphinx_edition.checks.anchors`).

File shape (one anchor a line, so that a release's diff shows what changed)::

    {"edition": str, "version": str,
     "anchors": [{"page": docname, "id": id or "", "kind": str, "source": path, "line": int,
                  "label": str, "digest": str}, ...],
     "redirects": [{"from": "page#id", "to": "page#id"}, ...],
     "history": [{"version": str, "added": [id, ...], "changed": [...], "removed": [...]}, ...]}

``id`` is empty for the page itself; ``source`` is the page's file, relative to the source
folder, and ``line`` the line that defines the anchor there; ``digest`` (notes only) changes
when the note's lemma, category, correction, sources or text change, for the changelog of
text-critical changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

KINDS = ("page", "paragraph", "note", "person", "event", "place", "org", "term")
"""The kinds of anchor the manifest lists, in the order its counts are given."""


class Anchor(NamedTuple):
    """One published address: an id in a page (or the page itself, with ``id == ""``)."""

    page: str
    id: str
    kind: str
    source: str
    line: int
    label: str
    digest: str = ""

    @property
    def key(self) -> str:
        """How the manifest and ``edition_redirects`` name it: ``page#id``, or ``page``."""
        return f"{self.page}#{self.id}" if self.id else self.page


class Release(NamedTuple):
    """What a release changed in the apparatus, by note id."""

    version: str
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]


class Manifest(NamedTuple):
    """A release's anchors, the redirects it served, and the changelog of its notes."""

    edition: str
    version: str
    anchors: tuple[Anchor, ...]
    redirects: tuple[tuple[str, str], ...]
    history: tuple[Release, ...]


class ManifestError(ValueError):
    """The manifest cannot be read: not JSON, or not of the manifest's shape."""


def note_digest(*parts: object) -> str:
    """A short digest of a note's content (lemma, category, correction, sources, text)."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:16]


def split_key(key: str) -> tuple[str, str]:
    """``"page#id"`` as ``("page", "id")``; a page alone as ``("page", "")``."""
    page, _, fragment = key.partition("#")
    return page, fragment


def sorted_anchors(anchors: Iterable[Anchor]) -> list[Anchor]:
    """Pages in name order, each page's anchors in the order they are defined."""
    return sorted(anchors, key=lambda a: (a.page, a.id != "", a.line, a.id))


def counts(anchors: Iterable[Anchor]) -> dict[str, int]:
    """The number of anchors of each kind, in the order of :data:`KINDS`."""
    found = [a.kind for a in anchors]
    return {kind: found.count(kind) for kind in KINDS}


def _anchor_item(anchor: Anchor) -> dict[str, Any]:
    item: dict[str, Any] = {
        "page": anchor.page,
        "id": anchor.id,
        "kind": anchor.kind,
        "source": anchor.source,
        "line": anchor.line,
        "label": anchor.label,
    }
    if anchor.digest:
        item["digest"] = anchor.digest
    return item


def dumps(manifest: Manifest) -> str:
    """The manifest as JSON, one anchor, redirect or release a line."""

    def lines(items: Iterable[object]) -> str:
        body = ",\n".join(json.dumps(i, ensure_ascii=False, sort_keys=False) for i in items)
        return f"[\n{body}\n]" if body else "[]"

    anchors = lines(_anchor_item(a) for a in sorted_anchors(manifest.anchors))
    redirects = lines({"from": old, "to": new} for old, new in sorted(manifest.redirects))
    history = lines(release._asdict() for release in manifest.history)
    head = json.dumps({"edition": manifest.edition, "version": manifest.version})[1:-1]
    return f'{{{head},\n"anchors": {anchors},\n"redirects": {redirects},\n"history": {history}}}\n'


def loads(text: str) -> Manifest:
    """Read a manifest written by :func:`dumps` (or by hand, in the same shape)."""
    try:
        data = json.loads(text)
        anchors = tuple(
            Anchor(
                page=str(a["page"]),
                id=str(a.get("id", "")),
                kind=str(a["kind"]),
                source=str(a.get("source", "")),
                line=int(a.get("line", 0)),
                label=str(a.get("label", "")),
                digest=str(a.get("digest", "")),
            )
            for a in data["anchors"]
        )
        redirects = tuple((str(r["from"]), str(r["to"])) for r in data.get("redirects", ()))
        history = tuple(
            Release(
                version=str(r["version"]),
                added=tuple(map(str, r.get("added", ()))),
                changed=tuple(map(str, r.get("changed", ()))),
                removed=tuple(map(str, r.get("removed", ()))),
            )
            for r in data.get("history", ())
        )
        return Manifest(
            edition=str(data.get("edition", "")),
            version=str(data.get("version", "")),
            anchors=anchors,
            redirects=redirects,
            history=history,
        )
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise ManifestError(f"not an anchor manifest: {err}") from err


def notes_of(anchors: Sequence[Anchor]) -> Mapping[str, str]:
    """Each note's id and digest."""
    return {a.id: a.digest for a in anchors if a.kind == "note"}
