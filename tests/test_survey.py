"""The survey of a page's tree answers as docutils' own walk does, so that a post-transform
that skips a page because of it never leaves a placeholder unfilled."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinx_edition.markup import nodes as ed
from sphinx_edition.render.survey import MARKS, Survey, holds

MakeApp = Callable[..., SphinxTestApp]

# What the edition's post-transforms ask the survey for.
ASKED: tuple[type[nodes.Element], ...] = (
    ed.note_head,
    ed.correction,
    ed.editorial_note,
    ed.entry_fields,
    ed.entry_card,
    ed.backrefs,
    ed.apparatus,
    ed.timeline,
    ed.register,
)


# The kinds each test project holds somewhere (and, having several pages, lacks somewhere).
HELD = {
    "i18n": {ed.apparatus, ed.timeline, ed.register, ed.backrefs, ed.entry_card, ed.note_head},
    "release": {"ed_changes", ed.editorial_note},
    "notes": {ed.correction, ed.editorial_note, ed.note_head},
    "registers": {ed.register, ed.entry_fields, ed.timeline},
}


@pytest.mark.parametrize("root", sorted(HELD))
def test_the_survey_holds_a_kind_exactly_where_the_tree_has_one(
    root: str, make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = make_app("html", srcdir=copy_root(root), freshenv=True)
    app.build(force_all=True)
    seen: dict[type[nodes.Element] | str, set[bool]] = {}
    for docname in sorted(app.env.found_docs):
        document = app.env.get_doctree(docname)
        assert holds(document, *ASKED, *MARKS)  # a tree not surveyed is walked as before
        Survey(document).apply()
        for cls in ASKED:
            found = next(document.findall(cls), None) is not None
            assert holds(document, cls) is found, (docname, cls)
            seen.setdefault(cls, set()).add(found)
        for mark in MARKS:
            found = any(mark in n.attributes for n in document.findall(nodes.Element))
            assert holds(document, mark) is found, (docname, mark)
            seen.setdefault(mark, set()).add(found)
    # Both answers were checked for the kinds the project holds.
    assert {kind for kind, answers in seen.items() if answers == {True, False}} >= HELD[root]


def test_the_pages_that_hold_a_kind_are_still_filled_in(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = make_app("html", srcdir=copy_root("i18n"), freshenv=True)
    app.build(force_all=True)
    out = Path(app.outdir)

    def page(name: str) -> str:
        return (out / f"{name}.html").read_text(encoding="utf-8")

    assert 'class="ed-apparatus docutils container"' in page("apparatus")
    assert 'class="ed-timeline-svg"' in page("timeline")
    assert 'href="data/people.csv"' in page("data")  # a download link, pointed at its file
