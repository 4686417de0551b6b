"""Which style sheets and scripts each page loads, and the extension's files as served."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import assets, edit, warnings_of
from sphinx_edition.core.edition import edition
from sphinx_edition.render.assets import INLINE

MakeApp = Callable[..., SphinxTestApp]
STATIC = Path(__file__).parents[1] / "src" / "sphinx_edition" / "static"


def build(make_app: MakeApp, srcdir: Path, **overrides: object) -> SphinxTestApp:
    app = make_app("html", srcdir=srcdir, confoverrides=overrides, freshenv=True)
    app.build(force_all=True)
    assert warnings_of(app) == []
    return app


def test_pages_load_sphinx_design_and_pygments_only_where_they_are_used(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    edit(srcdir / "index.md", "# Registers test\n", "# Registers test\n\n```python\nx = 1\n```\n")
    app = build(make_app, srcdir)
    pages = ("text", "people", "timeline", "index")
    text, people, timeline, index = (assets(app, page) for page in pages)
    # The text uses neither sphinx-design nor code.
    assert "sphinx-design.min.css" not in text
    assert "design-tabs.js" not in text
    assert "pygments.css" not in text
    assert "sphinx-edition.css" in text
    assert "sphinx-edition.js" in text
    # Nor entries: the registers' style sheet stays off; the hover cards' code and style are
    # loaded by sphinx-edition.js when a reader first points at a link.
    assert "registers.css" not in text
    assert not {"cards.js", "cards.css", "ed-cards.js"} & set(text)
    # A register's entries are sphinx-design cards (no tabs); the index page has code.
    assert "registers.css" in people
    assert "registers.css" in timeline
    assert "registers.css" not in index
    assert "sphinx-design.min.css" in people
    assert "design-tabs.js" not in people
    assert "pygments.css" not in people
    assert "pygments.css" in index
    # A page without a tree of its own (the search page) keeps everything.
    assert {"sphinx-design.min.css", "pygments.css"} <= set(assets(app, "search"))


def test_only_pages_with_notes_load_the_notes_files(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = build(make_app, copy_root("notes"))
    assert "notes.css" in assets(app, "text")
    # The apparatus lists the notes without showing them; the front page's table of contents
    # copies a heading's lemma, not its note.
    for page in ("apparatus", "people", "index"):
        assert "notes.css" not in assets(app, page), page
        assert "sphinx-edition.js" in assets(app, page)
        html = (app.outdir / f"{page}.html").read_text(encoding="utf-8")
        assert "ed-notes-placed" not in html, page
    # Their script is in the page (see the next test), not loaded.
    for page in ("text", "apparatus"):
        assert not any("notes.js" in name for name in assets(app, page)), page


def test_pruning_can_be_turned_off(make_app: MakeApp, copy_root: Callable[[str], Path]) -> None:
    app = build(make_app, copy_root("registers"), edition_prune_assets=False)
    text = assets(app, "text")
    assert {"sphinx-design.min.css", "design-tabs.js", "pygments.css", "registers.css"} <= set(text)
    assert "notes.css" in set(text)


def test_the_extensions_files_are_served_minified(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = build(make_app, copy_root("registers"))
    names = sorted(path.name for path in STATIC.iterdir() if path.is_file())
    assert {
        "sphinx-edition.css",
        "sphinx-edition.js",
        "cards.js",
        "registers.css",
        "notes.js",
    } <= set(names)
    for name in names:
        if name in INLINE:  # written into the pages instead: see the next test
            assert not (app.outdir / "_static" / name).exists(), name
            continue
        served = (app.outdir / "_static" / name).read_text(encoding="utf-8")
        source = (STATIC / name).read_text(encoding="utf-8")
        assert len(served) < len(source), name
        assert "/*" not in served, name  # the comments stay in the package
    script = (app.outdir / "_static" / "sphinx-edition.js").read_text(encoding="utf-8")
    assert "edLoad" in script  # what the code calls stays whole
    assert '"ed-cards.js"' in script
    assert '"cards.js"' in script


def test_the_notes_are_placed_by_a_script_in_the_page_before_it_is_drawn(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = build(make_app, copy_root("notes"))
    html = (app.outdir / "text.html").read_text(encoding="utf-8")
    head, _, body = html.partition("</head>")
    # The page waits to be drawn until the element after the script that places the notes;
    # in the one script of the head.
    assert head.count("<script>") == 1
    assert "l.rel='expect';l.href='#ed-notes-placed';l.setAttribute('blocking','render')" in head
    script, placed = body.index("function align(){"), body.index('id="ed-notes-placed"')
    assert body.rindex('class="ed-paragraph', 0, script) < script < placed
    assert "/*" not in body[body.rindex("<script>", 0, script) : placed]  # minified


def test_the_page_gets_a_description_from_its_own_words(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    root = copy_root("notes")
    edit(root / "people.md", "# People\n", "# People\n\nEveryone the   text names.\n\n")
    app = build(make_app, root)
    title = edition(app.config).title

    def description(page: str) -> str:
        html = (app.outdir / page).read_text(encoding="utf-8")
        found = re.findall(r'<meta name="description" content="([^"]*)" />', html)
        assert len(found) == 1, page
        return found[0]

    # The page's first paragraph of prose; not the witness, a note or an entry.
    assert description("people.html") == "Everyone the text names."
    assert description("text.html") == f"Text: {title}"
    assert description("genindex.html") == title  # a page without words of its own


def test_the_notes_script_tests_the_width_at_which_the_style_sheet_sets_them_beside() -> None:
    # notes.js's media query must be the style sheet's own, or the script would place (or
    # leave) notes at a width where the style sheet does not set them beside the text.
    css = (STATIC / "notes.css").read_text(encoding="utf-8")
    beside = re.search(r"@media ([^{]*)\{\s*\.ed-paragraph\.ed-has-notes \{ display: grid;", css)
    assert beside, "notes.css sets the notes beside the text under a media query"
    script = (STATIC / "notes.js").read_text(encoding="utf-8")
    assert f'var BESIDE = "{beside[1].strip()}";' in script
    assert script.count("matchMedia(") == 1
