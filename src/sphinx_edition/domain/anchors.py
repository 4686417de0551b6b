"""The anchor manifest in the build: the anchors of this build, their check against the
previous release's manifest, and writing the manifest for a release.

The check runs with the domain's other whole-corpus checks (``check_consistency``), when
``edition_anchors`` names a manifest that exists; the manifest is written at the end of an
HTML build run with ``-D edition_anchors_update=1``.  The comparison itself is pure
(:mod:`sphinx_edition.checks.anchors`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from sphinx_edition.checks.anchors import (
    compare,
    fragment_maps,
    release_changes,
    served_redirects,
)
from sphinx_edition.config import config_location
from sphinx_edition.core import anchors as manifest
from sphinx_edition.core.anchors import Anchor, Manifest, ManifestError, Release
from sphinx_edition.core.edition import edition
from sphinx_edition.markup.paragraphs import paragraph_id
from sphinx_edition.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

EMPTY = Manifest("", "", (), (), ())


def current_anchors(env: BuildEnvironment, domain: Any) -> list[Anchor]:
    """Every anchor this build publishes: pages, ¶, notes, register entries, glossary terms."""
    titles = {docname: title.astext() for docname, title in env.titles.items()}
    source = {docname: str(env.doc2path(docname, False)) for docname in env.all_docs}
    found = [
        Anchor(docname, "", "page", source[docname], 1, titles.get(docname, ""))
        for docname in sorted(env.all_docs)
    ]
    for s in domain.segments:
        if s.kind == "paragraph":
            number = s.paragraph
            found.append(
                Anchor(
                    s.docname,
                    paragraph_id(number),
                    "paragraph",
                    source[s.docname],
                    s.lineno,
                    f"¶{number}",
                )
            )
    for n in domain.notes:
        digest = manifest.note_digest(n.lemma, n.category, n.corr, list(n.sources), n.text)
        found.append(
            Anchor(n.docname, n.anchor, "note", source[n.docname], n.lineno, n.lemma, digest)
        )
    for e in domain.all_entries():
        found.append(Anchor(e.docname, e.anchor, e.kind, source[e.docname], e.lineno, e.name))
    for t in domain.terms:
        found.append(Anchor(t.docname, t.anchor, "term", source[t.docname], t.lineno, t.display))
    return manifest.sorted_anchors(found)


def read_previous(env: BuildEnvironment, quiet: bool = False) -> Manifest | None:
    """The manifest named by ``edition_anchors``; None if there is none yet (or unreadable,
    which is warned about unless *quiet*)."""
    path = env.config.edition_anchors
    if not path or not Path(path).is_file():
        return None
    try:
        return manifest.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ManifestError) as err:
        if not quiet:
            where = config_location(env.srcdir, "edition_anchors")
            warn(Subtype.ANCHOR, f"{path}: {err}", where)
        return None


def check_anchors(env: BuildEnvironment, domain: Any) -> None:
    """Warn about each anchor of the previous release that is gone undeclared, and about
    wrong declarations (in ``check_consistency``)."""
    previous = read_previous(env)
    redirects: dict[str, str] = dict(env.config.edition_redirects)
    if previous is None and not redirects:
        return
    current = current_anchors(env, domain)
    where = config_location(env.srcdir, "edition_redirects")
    for problem in compare(previous or EMPTY, current, redirects):
        found = problem.anchor
        # The file and line of the release that defined it: the file may be gone since.
        location = f"{Path(env.srcdir, found.source)}:{found.line}" if found else where
        warn(Subtype.ANCHOR, problem.message, location)


def after_reading(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: keep the fragment redirects each page serves in the domain's data
    (pickled with the environment, so that a build that reads nothing still has them); and
    write the changelog's pages again when what the changelog shows changed.

    The changelog (``render.changes``) lists notes by their lemma, paragraph and place, for
    the releases of the manifest and the changes not yet released.  A note's words count
    only through those changes: once a note is listed as changed, editing its words again
    leaves the changelog as it was, and its pages are not written again for it.
    """
    domain: Any = env.domains["ed"]
    previous = read_previous(env, quiet=True) or EMPTY
    redirects: dict[str, str] = dict(env.config.edition_redirects)
    current = current_anchors(env, domain) if previous.anchors or redirects else []
    served = served_redirects(previous, current, redirects)
    domain.data["fragment_redirects"] = fragment_maps(served, redirects, set(env.all_docs))
    version = edition(env.config).version
    pending = release_changes(version, previous, current, redirects) if current else None
    shown = sorted([n.anchor, n.lemma, n.paragraph, n.docname, n.number] for n in domain.notes)
    digest = manifest.note_digest(
        shown,
        list(pending) if pending else None,
        served,
        version,
        manifest.dumps(previous),
    )
    if digest == domain.data["changes_digest"]:
        return []
    domain.data["changes_digest"] = digest
    shows = domain.data["shows"]
    return sorted(d for d in env.found_docs if "changes" in shows.get(d, ()))


def _merged(older: Release, newer: Release, notes: set[str]) -> Release:
    """One release's changes, when its manifest is written again."""
    added = set(older.added) | set(newer.added)
    return Release(
        newer.version,
        tuple(sorted(added & notes)),
        tuple(sorted(((set(older.changed) | set(newer.changed)) & notes) - added)),
        tuple(sorted((set(older.removed) | set(newer.removed)) - notes)),
    )


def new_manifest(env: BuildEnvironment, domain: Any) -> Manifest:
    """The manifest of this build, as a release: its anchors, every redirect it serves, and
    the history of its notes with this release's changes."""
    info = edition(env.config)
    previous = read_previous(env) or EMPTY
    redirects: dict[str, str] = dict(env.config.edition_redirects)
    current = current_anchors(env, domain)
    changes = release_changes(info.version, previous, current, redirects)
    history = list(previous.history)
    if history and history[-1].version == info.version:
        notes = {a.id for a in current if a.kind == "note"}
        history[-1] = _merged(history[-1], changes, notes)
    else:
        history.append(changes)
    return Manifest(
        edition=info.title,
        version=info.version,
        anchors=tuple(current),
        redirects=tuple(served_redirects(previous, current, redirects)),
        history=tuple(history),
    )


def write_manifest(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: with ``edition_anchors_update``, write the manifest for a release,
    unless an anchor of the last release is gone undeclared."""
    config = app.config
    if exception is not None or not config.edition_anchors_update:
        return
    if app.builder.format != "html":
        return
    if not config.edition_anchors:
        warn(
            Subtype.CONFIG,
            "edition_anchors_update is set, but edition_anchors names no file to write",
            config_location(app.confdir, "edition_anchors_update"),
        )
        return
    domain = app.env.domains["ed"]
    previous = read_previous(app.env, quiet=True) or EMPTY
    lost = compare(previous, current_anchors(app.env, domain), dict(config.edition_redirects))
    if lost:
        # A new manifest would forget the old addresses: each is warned about above.
        warn(
            Subtype.ANCHOR,
            f"the anchor manifest is not written: {len(lost)} problem(s) with the anchors of "
            f"release {previous.version} (declare where each went in edition_redirects)",
            config_location(app.confdir, "edition_anchors"),
        )
        return
    made = new_manifest(app.env, domain)
    Path(config.edition_anchors).write_text(manifest.dumps(made), encoding="utf-8")
    figures = ", ".join(f"{n} {kind}" for kind, n in manifest.counts(made.anchors).items())
    logger.info(
        f"edition anchors: {figures}, {len(made.redirects)} redirects; written to "
        f"{config.edition_anchors}"
    )
