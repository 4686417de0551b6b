"""Do a release's anchors survive the next one? The comparison and the redirects (pure).

An anchor of the previous release (:mod:`sphinx_edition.core.anchors`) that the build no longer
defines is lost, unless the editor declares where it went in ``edition_redirects``:

- ``"old-page": "new-page"``: a moved page; every id in it follows the page (sphinx-reredirects
  serves the old address and keeps the fragment);
- ``"page#old-id": "page#new-id"`` (or ``"other-page#id"``): a renamed id, an entry moved to
  another page, or one merged into another; the old page's fragment redirect script sends a
  reader on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from typing import NamedTuple

from sphinx_edition.core.anchors import Anchor, Manifest, Release, notes_of, split_key


class Lost(NamedTuple):
    """A problem with an anchor of the previous release or with a declared redirect.

    ``anchor`` is the anchor as the manifest has it (its page and line are where it was last
    defined), or None for a problem with a declaration in ``edition_redirects``.
    """

    anchor: Anchor | None
    message: str


def destination(key: str, redirects: Mapping[str, str], current: Set[str]) -> str | None:
    """Where a reader who follows *key* lands: *key* itself if it exists, else where its
    declared redirects (its own, or its page's) lead; None if they lead nowhere."""
    seen: set[str] = set()
    while key not in current:
        if key in seen:
            return None
        seen.add(key)
        if key in redirects:
            key = redirects[key]
            continue
        page, fragment = split_key(key)
        moved = redirects.get(page, "")
        if fragment and moved and "#" not in moved:
            key = f"{moved}#{fragment}"
            continue
        return None
    return key


def landing_page(page: str, redirects: Mapping[str, str], pages: Set[str]) -> str | None:
    """The page a reader who asks for *page* is shown, after its page redirects."""
    target = destination(page, {k: v for k, v in redirects.items() if "#" not in k}, pages)
    return split_key(target)[0] if target else None


def _describe(anchor: Anchor) -> str:
    label = f" ({anchor.label})" if anchor.label and anchor.label != anchor.id else ""
    return f"the {anchor.kind} {anchor.key!r}{label}"


def compare(
    previous: Manifest, current: Iterable[Anchor], redirects: Mapping[str, str]
) -> list[Lost]:
    """The anchors of *previous* that are gone without a declared redirect, and declared
    redirects that are wrong (from an anchor that still exists, or to one that does not)."""
    keys = {a.key for a in current}
    problems: list[Lost] = []
    for old, new in sorted(redirects.items()):
        if old in keys:
            problems.append(
                Lost(None, f"edition_redirects: {old!r} still exists; a redirect would hide it")
            )
        elif destination(new, redirects, keys) is None:
            problems.append(
                Lost(None, f"edition_redirects: {old!r} goes to {new!r}, which does not exist")
            )
    version = f" of release {previous.version}" if previous.version else ""
    for anchor in previous.anchors:
        if anchor.key in keys or destination(anchor.key, redirects, keys):
            continue
        problems.append(
            Lost(
                anchor,
                f"{_describe(anchor)}{version} is gone; declare where it went in "
                f"edition_redirects (e.g. {{{anchor.key!r}: 'page#new-id'}}), or keep it",
            )
        )
    for old, new in previous.redirects:
        if old not in keys and not destination(old, redirects, keys):
            problems.append(
                Lost(
                    None,
                    f"release {previous.version} redirected {old!r} to {new!r}; the redirect "
                    "is no longer declared in edition_redirects",
                )
            )
    return problems


def served_redirects(
    previous: Manifest, current: Iterable[Anchor], redirects: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Every old address with a fragment that now lands elsewhere, and where: the declared
    ones, those of earlier releases, and ids of the previous release on a moved page whose
    id changed too."""
    keys = {a.key for a in current}
    olds = set(redirects) | {old for old, _ in previous.redirects}
    olds |= {a.key for a in previous.anchors if a.key not in keys}
    result = []
    for old in sorted(olds):
        target = destination(old, redirects, keys)
        if target is not None and target != old:
            result.append((old, target))
    return result


def fragment_maps(
    served: Iterable[tuple[str, str]], redirects: Mapping[str, str], pages: Set[str]
) -> dict[str, dict[str, str]]:
    """For each page of the build, the old ids a reader may arrive with and their new
    address (``page#id``): what the page's fragment redirect script does."""
    maps: dict[str, dict[str, str]] = {}
    for old, new in served:
        page, fragment = split_key(old)
        if not fragment:
            continue  # a page alone: sphinx-reredirects serves it
        landing = landing_page(page, redirects, pages)
        if landing is None or f"{landing}#{fragment}" == new:
            continue  # the page redirect keeps the fragment, and it is right there
        maps.setdefault(landing, {})[fragment] = new
    return maps


def release_changes(
    version: str, previous: Manifest, current: Sequence[Anchor], redirects: Mapping[str, str]
) -> Release:
    """The notes added, changed and removed since *previous*: the changelog of the release.

    A renamed note (its old id redirected to a note) counts as changed, under its new id,
    not as one note removed and another added.
    """
    before = notes_of(previous.anchors)
    now = notes_of(current)
    keys = {a.key for a in current}
    page_of = {a.id: a.page for a in previous.anchors if a.kind == "note"}
    renamed: dict[str, str] = {}
    for note in before.keys() - now.keys():
        target = destination(f"{page_of[note]}#{note}", redirects, keys)
        new = split_key(target)[1] if target else ""
        if new in now:
            renamed[new] = note
    added = sorted(n for n in now.keys() - before.keys() if n not in renamed)
    changed = sorted(
        n for n in now if before.get(renamed.get(n, n), now[n]) != now[n] or n in renamed
    )
    removed = sorted(n for n in before.keys() - now.keys() if n not in renamed.values())
    return Release(version, tuple(added), tuple(changed), tuple(removed))
