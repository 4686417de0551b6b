"""The changelog that ``ed:changes`` shows: for each release in the anchor manifest's history
(newest first) the notes it added, changed and removed, and first the notes changed since the
manifest was written, not yet released.  Each note still in the edition links to it."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from sphinx_edition.checks.anchors import release_changes, served_redirects
from sphinx_edition.core.anchors import Release, split_key
from sphinx_edition.core.edition import edition
from sphinx_edition.core.records import Note
from sphinx_edition.domain.anchors import current_anchors, read_previous

HEADS = (("added", "Added"), ("changed", "Changed"), ("removed", "Removed"))


class ChangesList(SphinxPostTransform):
    """Fill each ``ed:changes`` with the changelog, for every builder; a note renamed since
    is linked under its new id."""

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        places = [n for n in self.document.findall(nodes.container) if n.get("ed_changes")]
        if not places:
            return
        domain: Any = self.env.domains["ed"]
        notes: dict[str, Note] = {n.anchor: n for n in domain.notes}
        previous = read_previous(self.env, quiet=True)
        releases: list[tuple[str, Release]] = []
        if previous is not None:
            redirects = dict(self.config.edition_redirects)
            current = current_anchors(self.env, domain)
            version = edition(self.config).version
            pending = release_changes(version, previous, current, redirects)
            # A note renamed since a release is listed under its new id.
            for old, new in served_redirects(previous, current, redirects):
                old_id, new_id = split_key(old)[1], split_key(new)[1]
                if new_id in notes and old_id not in notes:
                    notes[old_id] = notes[new_id]
            if pending.added or pending.changed or pending.removed:
                since = f" (since release {previous.version})" if previous.version else ""
                releases.append((f"Not yet released{since}", pending))
            releases += [(f"Release {r.version}", r) for r in reversed(previous.history)]
        for place in places:
            place.clear()
            place.extend(self._changelog(releases, notes))

    def _changelog(
        self, releases: list[tuple[str, Release]], notes: dict[str, Note]
    ) -> list[nodes.Node]:
        if not releases:
            return [nodes.paragraph(text="No release has been recorded yet.")]
        made: list[nodes.Node] = []
        for title, release in releases:
            counts = ", ".join(
                f"{_notes(len(getattr(release, key)))} {key}"
                for key, _ in HEADS
                if getattr(release, key)
            )
            head = nodes.paragraph("", "", nodes.strong(text=title))
            head += nodes.Text(f": {counts or 'no change to the notes'}.")
            made.append(head)
            items = nodes.bullet_list()
            for key, label in HEADS:
                ids = sorted(getattr(release, key), key=lambda i: _order(i, notes))
                if not ids:
                    continue
                item = nodes.paragraph("", f"{label}: ")
                for number, note_id in enumerate(ids):
                    if number:
                        item += nodes.Text("; ")
                    item += self._note(note_id, notes.get(note_id))
                items += nodes.list_item("", item)
            if items.children:
                made.append(items)
        return made

    def _note(self, note_id: str, note: Note | None) -> nodes.Node:
        if note is None:
            return nodes.literal(text=note_id)  # removed since: no page to link to
        where = f" (¶{note.paragraph})" if note.paragraph else ""
        label = nodes.inline(text=f"{note.lemma or note_id}{where}")
        app: Any = getattr(self.env, "_app", None) or self.app
        return make_refnode(app.builder, self.env.docname, note.docname, note.anchor, label)


def _notes(count: int) -> str:
    return f"{count} note" if count == 1 else f"{count} notes"


def _order(note_id: str, notes: dict[str, Note]) -> tuple[int, str, int, str]:
    """Notes in the order of the edition; those since removed last, by id."""
    note = notes.get(note_id)
    return (0, note.docname, note.number, note_id) if note else (1, "", 0, note_id)
