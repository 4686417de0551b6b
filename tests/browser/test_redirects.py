"""Old links after a release: a reader who follows an address of the previous release lands on
the anchor's new place, in headless Chromium against the served HTML."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import DOCS, PROJECT, ROOTS, edit, sphinx_build
from sphinx_edition.core import anchors as manifest

from .conftest import NewPage
from .support import Site, in_viewport

pytestmark = pytest.mark.browser

OLD_NOTE = "note-p1-urgent-impromptu-meeting"
NEW_NOTE = "note-p1-hastily-arranged-meeting"
DECLARED = f'\nedition_redirects = {{"text#{OLD_NOTE}": "text#{NEW_NOTE}"}}\n'


def _serve(site_root: tuple[Path, str], name: str, source: Path) -> Site:
    root, base = site_root
    done = sphinx_build("-b", "html", "-n", "-W", "--keep-going", source, root / name)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr
    return Site(root / name, f"{base}{name}/")


@pytest.fixture(scope="module")
def next_release(site_root: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A test release of the edition: its manifest as committed, one note renamed with a
    declared redirect, built with -n -W."""
    copy = tmp_path_factory.mktemp("next-release")
    shutil.copytree(DOCS, copy / "docs", ignore=shutil.ignore_patterns("_build"))
    for folder in ("seeds", "benchmarks"):
        shutil.copytree(PROJECT / folder, copy / folder)
    docs = copy / "docs"
    edit(
        docs / "text.md",
        f"{{ed:note}} {OLD_NOTE.removeprefix('note-')}",
        f"{{ed:note}} {NEW_NOTE.removeprefix('note-')}",
    )
    undeclared = sphinx_build("-b", "html", "-n", "-W", "--keep-going", docs, copy / "undeclared")
    assert undeclared.returncode != 0
    committed = manifest.loads((DOCS / "anchors.json").read_text(encoding="utf-8"))
    (old,) = [a for a in committed.anchors if a.id == OLD_NOTE]
    assert re.search(
        rf"text\.md:{old.line}: WARNING: the note 'text#{OLD_NOTE}' "
        rf"\(urgent impromptu meeting\) of release {re.escape(committed.version)} is gone; "
        r".*\[edition\.anchor\]",
        undeclared.stderr,
    ), undeclared.stderr[-2000:]
    with (docs / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(DECLARED)
    return _serve(site_root, "next-release", docs)


@pytest.fixture(scope="module")
def moved(site_root: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Site:
    """tests/roots/test-release after release 2.0: an entry moved to a page that then moved
    itself, and a paragraph deleted, each declared."""
    source = tmp_path_factory.mktemp("moved") / "release"
    shutil.copytree(ROOTS / "test-release", source)
    done = sphinx_build("-b", "html", "-D", "edition_anchors_update=1", source, source / "_first")
    assert done.returncode == 0, done.stderr
    places = source / "places.md"
    text = places.read_text(encoding="utf-8")
    block = text[text.index(":::{ed:place}") : text.index(":::\n\n::::") + 4]
    places.write_text(text.replace(block, ""), encoding="utf-8")
    (source / "others.md").unlink()
    (source / "elsewhere.md").write_text(
        f"# Other places\n\n::::{{ed:register}} place\n\n{block}\n::::\n", encoding="utf-8"
    )
    edit(source / "index.md", "others\n", "elsewhere\n")
    edit(source / "text.md", "::::{ed:paragraph} 3\nA third paragraph.\n::::\n", "")
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            'edition_redirects = {"places#place-airport": "others#place-airport", '
            '"others": "elsewhere", "text#p3": "text#p2"}\n'
        )
    return _serve(site_root, "moved", source)


def test_the_old_link_lands_on_the_renamed_note(next_release: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(next_release.url(f"text.html#{OLD_NOTE}"))
    expect(page).to_have_url(next_release.url(f"text.html#{NEW_NOTE}"))
    note = page.locator(f"#{NEW_NOTE}")
    expect(note).to_contain_text("hastily arranged meeting")
    assert note.evaluate("n => n.matches(':target')")
    expect(note).to_have_class(re.compile(r"\bed-note-open\b"))  # opened, as on arrival
    assert in_viewport(page, note)


def test_a_link_to_a_moved_entry_follows_it_and_its_moved_page(
    moved: Site, new_page: NewPage
) -> None:
    page = new_page()
    page.goto(moved.url("places.html#place-airport"))
    expect(page).to_have_url(moved.url("elsewhere.html#place-airport"))
    entry = page.locator("#place-airport")
    expect(entry).to_contain_text("Beijing Capital Airport")
    assert in_viewport(page, entry)


def test_the_moved_page_keeps_the_fragment(moved: Site, new_page: NewPage) -> None:
    page = new_page()
    page.goto(moved.url("others.html#place-airport"))
    expect(page).to_have_url(moved.url("elsewhere.html#place-airport"))
    page.goto(moved.url("others.html"))
    expect(page).to_have_url(moved.url("elsewhere.html"))


def test_a_deleted_paragraph_sends_the_reader_to_the_declared_one(
    moved: Site, new_page: NewPage
) -> None:
    page = new_page()
    page.goto(moved.url("text.html#p3"))
    expect(page).to_have_url(moved.url("text.html#p2"))
    assert page.locator("#p2").evaluate("n => n.matches(':target')")


def test_a_malformed_address_does_not_stop_the_redirects(moved: Site, new_page: NewPage) -> None:
    # decodeURIComponent throws on "%E0"; the script must still follow the next address.
    page = new_page()
    page.goto(moved.url("places.html#%E0"))
    page.evaluate("location.hash = 'place-airport'")
    expect(page).to_have_url(moved.url("elsewhere.html#place-airport"))
