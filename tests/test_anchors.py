"""Anchors across releases: the manifest, the edition.anchor warnings, the redirects served.

Each scenario writes the manifest of release 2.0 of ``tests/roots/test-release``, changes
the project as a next release would, and builds it again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import edit, sphinx_build, warnings_of
from sphinx_edition.checks.anchors import destination, release_changes
from sphinx_edition.core import anchors as manifest

MakeApp = Callable[..., SphinxTestApp]

RENAMED_NOTE = {"text#note-airport": "text#note-capital-airport"}
MOVED_ENTRY = {"places#place-airport": "others#place-airport"}
DELETED_PARAGRAPH = {"text#p3": "text#p2"}


def build(make_app: MakeApp, srcdir: Path, **overrides: Any) -> SphinxTestApp:
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides=overrides or None)
    try:
        app.build()
    finally:
        app.cleanup()  # so that the next app of the test registers its nodes afresh
    return app


@pytest.fixture
def released(make_app: MakeApp, copy_root: Callable[[str], Path]) -> Path:
    """test-release with the manifest of its release 2.0 written."""
    srcdir = copy_root("release")
    app = build(make_app, srcdir, edition_anchors_update=True)
    assert warnings_of(app) == []
    return srcdir


def redirect_map(page: Path) -> dict[str, str] | None:
    """The old ids and new addresses of a page's fragment redirect script, if it has one."""
    found = re.search(
        r'<script data-redirects="([^"]*)"[^>]*src="_static/redirects.js', page.read_text()
    )
    return json.loads(unescape(found.group(1))) if found else None


def rename_note(srcdir: Path) -> None:
    edit(srcdir / "text.md", "{ed:note} airport", "{ed:note} capital-airport")


def move_entry(srcdir: Path) -> None:
    places = srcdir / "places.md"
    text = places.read_text(encoding="utf-8")
    block = text[text.index(":::{ed:place}") : text.index(":::\n\n::::") + 4]
    places.write_text(text.replace(block, ""), encoding="utf-8")
    with (srcdir / "others.md").open("a", encoding="utf-8") as others:
        others.write(f"\n::::{{ed:register}} place\n\n{block}\n::::\n")


def delete_paragraph(srcdir: Path) -> None:
    edit(srcdir / "text.md", "::::{ed:paragraph} 3\nA third paragraph.\n::::\n", "")


# -- the manifest ---------------------------------------------------------------------------


def test_manifest_lists_every_anchor_with_its_page_and_line(released: Path) -> None:
    made = manifest.loads((released / "anchors.json").read_text(encoding="utf-8"))
    assert made.version == "2.0"
    assert manifest.counts(made.anchors) == {
        "page": 9,
        "paragraph": 3,
        "note": 1,
        "person": 3,
        "event": 1,
        "place": 1,
        "org": 1,
        "term": 1,
    }
    by_key = {a.key: a for a in made.anchors}
    assert by_key["text#p2"][:6] == ("text", "p2", "paragraph", "text.md", 15, "¶2")
    assert by_key["text#note-airport"][:6] == (
        "text",
        "note-airport",
        "note",
        "text.md",
        6,
        "the airport",
    )
    assert by_key["places#place-airport"].line == 5
    assert by_key["glossary#term-Beijing"].kind == "term"
    assert by_key["others"] == ("others", "", "page", "others.md", 1, "Other places", "")
    assert made.history == (manifest.Release("2.0", ("note-airport",), (), ()),)


def test_every_anchor_of_the_manifest_is_an_id_in_its_built_page(
    released: Path, make_app: MakeApp
) -> None:
    app = build(make_app, released)
    made = manifest.loads((released / "anchors.json").read_text(encoding="utf-8"))
    for anchor in made.anchors:
        page = (Path(app.outdir) / f"{anchor.page}.html").read_text(encoding="utf-8")
        if anchor.id:
            assert f'id="{anchor.id}"' in page, anchor.key


def test_an_unchanged_release_builds_clean_and_serves_no_redirect(
    released: Path, make_app: MakeApp
) -> None:
    app = build(make_app, released)
    assert warnings_of(app) == []
    assert redirect_map(Path(app.outdir) / "text.html") is None


# -- gone anchors warn until declared ---------------------------------------------------------


def test_a_renamed_note_warns_where_it_was_defined(released: Path, make_app: MakeApp) -> None:
    rename_note(released)
    assert warnings_of(build(make_app, released)) == [
        "text.md:6: WARNING: the note 'text#note-airport' (the airport) of release 2.0 is "
        "gone; declare where it went in edition_redirects (e.g. {'text#note-airport': "
        "'page#new-id'}), or keep it [edition.anchor]"
    ]


def test_a_declared_rename_is_clean_and_the_old_page_redirects_the_fragment(
    released: Path, make_app: MakeApp
) -> None:
    rename_note(released)
    app = build(make_app, released, edition_redirects=RENAMED_NOTE)
    assert warnings_of(app) == []
    assert redirect_map(Path(app.outdir) / "text.html") == {"note-airport": "#note-capital-airport"}
    assert redirect_map(Path(app.outdir) / "people.html") is None


def test_an_entry_moved_to_another_page_warns_until_declared(
    released: Path, make_app: MakeApp
) -> None:
    move_entry(released)
    assert warnings_of(build(make_app, released)) == [
        "places.md:5: WARNING: the place 'places#place-airport' (Beijing Capital Airport) of "
        "release 2.0 is gone; declare where it went in edition_redirects (e.g. "
        "{'places#place-airport': 'page#new-id'}), or keep it [edition.anchor]"
    ]
    app = build(make_app, released, edition_redirects=MOVED_ENTRY)
    assert warnings_of(app) == []
    assert redirect_map(Path(app.outdir) / "places.html") == {
        "place-airport": "others.html#place-airport"
    }


def test_a_deleted_paragraph_anchor_warns_until_declared(released: Path, make_app: MakeApp) -> None:
    delete_paragraph(released)
    assert warnings_of(build(make_app, released)) == [
        "text.md:19: WARNING: the paragraph 'text#p3' (¶3) of release 2.0 is gone; declare "
        "where it went in edition_redirects (e.g. {'text#p3': 'page#new-id'}), or keep it "
        "[edition.anchor]"
    ]
    app = build(make_app, released, edition_redirects=DELETED_PARAGRAPH)
    assert warnings_of(app) == []
    assert redirect_map(Path(app.outdir) / "text.html") == {"p3": "#p2"}


def test_a_moved_page_is_served_by_sphinx_reredirects(released: Path, make_app: MakeApp) -> None:
    (released / "others.md").rename(released / "elsewhere.md")
    edit(released / "index.md", "others\n", "elsewhere\n")
    assert warnings_of(build(make_app, released)) == [
        "others.md:1: WARNING: the page 'others' (Other places) of release 2.0 is gone; "
        "declare where it went in edition_redirects (e.g. {'others': 'page#new-id'}), or keep "
        "it [edition.anchor]"
    ]
    app = build(make_app, released, edition_redirects={"others": "elsewhere"})
    assert warnings_of(app) == []
    old = (Path(app.outdir) / "others.html").read_text(encoding="utf-8")
    assert 'var target = "elsewhere.html";' in old
    assert "window.location.replace(target + window.location.hash)" in old


def test_wrong_declarations_are_warned_about_in_conf_py(released: Path, make_app: MakeApp) -> None:
    app = build(
        make_app,
        released,
        edition_redirects={"text#p1": "text#p2", "text#p9": "text#p10", "glossary": "text"},
    )
    assert warnings_of(app) == [
        "conf.py:0: WARNING: edition_redirects: 'glossary' still exists; a redirect would "
        "hide it [edition.anchor]",
        "conf.py:0: WARNING: edition_redirects: 'text#p1' still exists; a redirect would "
        "hide it [edition.anchor]",
        "conf.py:0: WARNING: edition_redirects: 'text#p9' goes to 'text#p10', which does not "
        "exist [edition.anchor]",
    ]
    # The page declared moved but still there keeps its page.
    assert "Glossary" in (Path(app.outdir) / "glossary.html").read_text(encoding="utf-8")


def test_an_unreadable_manifest_is_a_located_warning(released: Path, make_app: MakeApp) -> None:
    (released / "anchors.json").write_text("{not json", encoding="utf-8")
    (warning,) = warnings_of(build(make_app, released))
    assert warning.startswith("conf.py:9: WARNING: ")
    assert "anchors.json: not an anchor manifest: " in warning
    assert warning.endswith("[edition.anchor]")


def test_malformed_settings_are_config_warnings(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("release")
    edit(srcdir / "conf.py", ', "sphinx_reredirects"]', "]")
    app = build(
        make_app,
        srcdir,
        edition_redirects={"text#p1": 5, "others": "glossary"},
        edition_anchors="",
        edition_anchors_update=True,
    )
    assert warnings_of(app) == [
        "conf.py:0: WARNING: edition_redirects: 'text#p1': 5 must map a 'page' or 'page#id' to "
        "another (both text) [edition.config]",
        "conf.py:0: WARNING: edition_redirects moves pages (others), but sphinx_reredirects is "
        "not among the extensions: their old addresses would be missing [edition.config]",
        "conf.py:0: WARNING: edition_redirects: 'others' still exists; a redirect would hide "
        "it [edition.anchor]",
        "conf.py:0: WARNING: edition_anchors_update is set, but edition_anchors names no file "
        "to write [edition.config]",
    ]
    assert not (srcdir / "anchors.json").exists()


def test_suppress_warnings_silences_anchor_warnings(released: Path, make_app: MakeApp) -> None:
    rename_note(released)
    app = build(make_app, released, suppress_warnings=["edition.anchor"])
    assert warnings_of(app) == []


# -- the next release's manifest ------------------------------------------------------------


def test_the_next_manifest_keeps_the_redirect_and_logs_the_changed_note(
    released: Path, make_app: MakeApp
) -> None:
    rename_note(released)
    edit(released / "text.md", "The airport has a name.", "The airport had another name.")
    app = build(
        make_app,
        released,
        edition_redirects=RENAMED_NOTE,
        release="2.1",
        edition_anchors_update=True,
    )
    assert warnings_of(app) == []
    made = manifest.loads((released / "anchors.json").read_text(encoding="utf-8"))
    assert made.version == "2.1"
    assert made.redirects == (("text#note-airport", "text#note-capital-airport"),)
    assert made.history[-1] == manifest.Release("2.1", (), ("note-capital-airport",), ())
    # Dropping the declaration later does not lose the old address silently.
    assert warnings_of(build(make_app, released, release="2.2")) == [
        "conf.py:0: WARNING: release 2.1 redirected 'text#note-airport' to "
        "'text#note-capital-airport'; the redirect is no longer declared in "
        "edition_redirects [edition.anchor]"
    ]


def test_no_manifest_is_written_while_an_anchor_is_gone_undeclared(
    released: Path, make_app: MakeApp
) -> None:
    before = (released / "anchors.json").read_text(encoding="utf-8")
    rename_note(released)
    app = build(make_app, released, release="2.1", edition_anchors_update=True)
    assert warnings_of(app)[-1] == (
        "conf.py:9: WARNING: the anchor manifest is not written: 1 problem(s) with the "
        "anchors of release 2.0 (declare where each went in edition_redirects) "
        "[edition.anchor]"
    )
    assert (released / "anchors.json").read_text(encoding="utf-8") == before


def test_the_redirects_survive_a_build_that_reads_nothing(
    released: Path, make_app: MakeApp
) -> None:
    rename_note(released)
    build(make_app, released, edition_redirects=RENAMED_NOTE)
    again = make_app("html", srcdir=released, confoverrides={"edition_redirects": RENAMED_NOTE})
    again.build(force_all=True)  # every page written again from the pickled environment
    assert "0 added, 0 changed, 0 removed" in again.status.getvalue()
    assert redirect_map(Path(again.outdir) / "text.html") == {
        "note-airport": "#note-capital-airport"
    }


def test_parallel_build_warns_and_redirects_as_the_serial_one(
    released: Path, tmp_path: Path
) -> None:
    rename_note(released)
    move_entry(released)
    results = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        done = sphinx_build("-b", "html", "-j", jobs, "-E", released, out)
        assert done.returncode == 0, done.stderr
        warnings = sorted(
            line.replace(str(released) + "/", "")
            for line in done.stderr.splitlines()
            if "WARNING" in line
        )
        results.append(
            (warnings, redirect_map(out / "text.html"), redirect_map(out / "places.html"))
        )
    assert results[0] == results[1]
    assert len(results[0][0]) == 2


# -- the changelog ------------------------------------------------------------------------


def changelog(outdir: Path) -> str:
    page = (outdir / "data.html").read_text(encoding="utf-8")
    part = page[page.index('<div class="ed-changes') :]
    return " ".join(re.sub(r"<[^>]+>", " ", part[: part.index("</div>")]).split())


def test_the_changelog_shows_unreleased_changes_then_each_release(
    released: Path, make_app: MakeApp
) -> None:
    first = build(make_app, released)
    assert changelog(Path(first.outdir)) == ("Release 2.0 : 1 note added. Added: the airport (¶1)")
    rename_note(released)
    edit(released / "text.md", "The airport has a name.", "The airport had another name.")
    app = build(make_app, released, edition_redirects=RENAMED_NOTE, release="2.1")
    assert changelog(Path(app.outdir)) == (
        "Not yet released (since release 2.0) : 1 note changed. Changed: the airport (¶1) "
        "Release 2.0 : 1 note added. Added: the airport (¶1)"
    )
    page = (Path(app.outdir) / "data.html").read_text(encoding="utf-8")
    assert 'href="text.html#note-capital-airport"' in page
    build(
        make_app,
        released,
        edition_redirects=RENAMED_NOTE,
        release="2.1",
        edition_anchors_update=True,
    )
    # The next build reads nothing, but the manifest changed: the page is written again.
    again = make_app(
        "html", srcdir=released, confoverrides={"edition_redirects": RENAMED_NOTE, "release": "2.1"}
    )
    again.build()
    assert "0 added, 0 changed, 0 removed" in again.status.getvalue()
    assert changelog(Path(again.outdir)) == (
        "Release 2.1 : 1 note changed. Changed: the airport (¶1) "
        "Release 2.0 : 1 note added. Added: the airport (¶1)"
    )


def test_the_changelog_page_is_written_again_only_when_the_changelog_changes(
    released: Path, make_app: MakeApp
) -> None:
    def rebuild() -> tuple[Path, dict[str, int]]:
        app = make_app("html", srcdir=released)
        try:
            app.build()
        finally:
            app.cleanup()
        out = Path(app.outdir)
        return out, {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")}

    rebuild()
    edit(released / "text.md", "The airport has a name.", "The airport had a name.")
    out, first = rebuild()
    assert changelog(out) == (
        "Not yet released (since release 2.0) : 1 note changed. Changed: the airport (¶1) "
        "Release 2.0 : 1 note added. Added: the airport (¶1)"
    )
    # The note's words change again: it is still the one note changed, so the changelog's
    # page is as it was and is not written again; the note's own page is.
    edit(released / "text.md", "The airport had a name.", "The airport had another name.")
    out, second = rebuild()
    assert "The airport had another name." in (out / "text.html").read_text(encoding="utf-8")
    assert second["text.html"] != first["text.html"]
    assert second["data.html"] == first["data.html"]
    # Back to the released words: no note changed, and the changelog says so.
    edit(released / "text.md", "The airport had another name.", "The airport has a name.")
    out, third = rebuild()
    assert third["data.html"] != second["data.html"]
    assert changelog(out) == "Release 2.0 : 1 note added. Added: the airport (¶1)"


# -- the pure rules -------------------------------------------------------------------------


def test_destination_follows_page_moves_and_renamed_ids() -> None:
    current = {"new", "new#x2", "text#p2"}
    redirects = {"old": "new", "new#x": "new#x2", "text#p3": "text#p2"}
    assert destination("old#x", redirects, current) == "new#x2"
    assert destination("text#p3", redirects, current) == "text#p2"
    assert destination("text#p4", redirects, current) is None
    assert destination("a", {"a": "b", "b": "a"}, current) is None


def test_release_changes_name_added_changed_and_removed_notes() -> None:
    def note(page: str, ident: str, digest: str) -> manifest.Anchor:
        return manifest.Anchor(page, ident, "note", f"{page}.md", 1, "", digest)

    previous = manifest.Manifest(
        "", "1", (note("t", "a", "1"), note("t", "b", "2"), note("t", "c", "3")), (), ()
    )
    current = [note("t", "a", "1"), note("t", "b", "9"), note("t", "d", "4")]
    assert release_changes("2", previous, current, {}) == manifest.Release(
        "2", ("d",), ("b",), ("c",)
    )
