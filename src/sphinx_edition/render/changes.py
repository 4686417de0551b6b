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
from sphinx_edition.core.words import N_, NP_
from sphinx_edition.domain.anchors import current_anchors, read_previous
from sphinx_edition.locale import _, ngettext
from sphinx_edition.render.survey import holds
from sphinx_edition.render.words import sentence

HEADS = ("added", "changed", "removed")
"""What a release did to the notes (the fields of a :class:`Release`), in the order shown."""

COUNTS = {
    "added": NP_("{count} note added", "{count} notes added"),
    "changed": NP_("{count} note changed", "{count} notes changed"),
    "removed": NP_("{count} note removed", "{count} notes removed"),
}
"""How many notes a release added, changed or removed: one, and more than one."""

LISTS = {
    # Translators: a release's notes in the changelog; {notes} is the list of them.
    "added": N_("Added: {notes}"),
    "changed": N_("Changed: {notes}"),
    "removed": N_("Removed: {notes}"),
}


class ChangesList(SphinxPostTransform):
    """Fill each ``ed:changes`` with the changelog, for every builder; a note renamed since
    is linked under its new id."""

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        if not holds(self.document, "ed_changes"):
            return
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
                if previous.version:
                    # Translators: the changelog's heading of the changes since release {version}.
                    title = _("Not yet released (since release {version})").format(
                        version=previous.version
                    )
                else:
                    title = _("Not yet released")
                releases.append((title, pending))
            releases += [
                (_("Release {version}").format(version=r.version), r)
                for r in reversed(previous.history)
            ]
        for place in places:
            place.clear()
            place.extend(self._changelog(releases, notes))

    def _changelog(
        self, releases: list[tuple[str, Release]], notes: dict[str, Note]
    ) -> list[nodes.Node]:
        if not releases:
            return [nodes.paragraph(text=_("No release has been recorded yet."))]
        made: list[nodes.Node] = []
        for title, release in releases:
            counts = ", ".join(
                ngettext(*COUNTS[key], len(getattr(release, key))).format(
                    count=len(getattr(release, key))
                )
                for key in HEADS
                if getattr(release, key)
            )
            head = nodes.paragraph()
            head += sentence(
                # Translators: a release in the changelog: "Release 1.2: 3 notes added.";
                # {changes} is a list of counts, or the next message.
                _("{release}: {changes}."),
                release=nodes.strong(text=title),
                changes=counts or _("no change to the notes"),
            )
            made.append(head)
            items = nodes.bullet_list()
            for key in HEADS:
                ids = sorted(getattr(release, key), key=lambda i: _order(i, notes))
                if not ids:
                    continue
                listed: list[nodes.Node] = []
                for number, note_id in enumerate(ids):
                    if number:
                        listed.append(nodes.Text("; "))
                    listed.append(self._note(note_id, notes.get(note_id)))
                item = nodes.paragraph()
                item += sentence(_(LISTS[key]), notes=listed)
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


def _order(note_id: str, notes: dict[str, Note]) -> tuple[int, str, int, str]:
    """Notes in the order of the edition; those since removed last, by id."""
    note = notes.get(note_id)
    return (0, note.docname, note.number, note_id) if note else (1, "", 0, note_id)
