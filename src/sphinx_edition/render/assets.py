"""The extension's style sheets and scripts, and which of them (and of sphinx-design's) a page
loads.

The extension's own files are served by the site itself (no CDN), minified with rjsmin and
rcssmin: the package keeps them readable, with comments that say why, and readers download
neither comments nor indentation.

sphinx-design adds its style sheet and its tab script to every page of a site, and
Sphinx adds Pygments' colours for code to every page; the edition
uses sphinx-design's cards and badges on the registers, the front page and the apparatus, and
code on the pages for editors, but neither on the text.  Like Sphinx's own MathJax support,
which loads MathJax only on pages with maths, a page that uses neither does not load them
(``edition_prune_assets``, on by default).

The extension's own files are split the same way: every page loads ``sphinx-edition.css`` and
``.js``; ``registers.css`` (entries, back-references, the timeline, the apparatus) only pages
that show those; ``tables.css`` only web pages with a table and the register indexes; ``notes.css``
(lemmas, the reading switch, the notes beside the text) only pages with notes, whose script
(``notes.js``) is written into the page after the text; the hover cards' code and style
(``cards.js``, ``cards.css``) and the cite dialog (``cite.js``, ``cite.css``) are loaded by
``sphinx-edition.js`` when a reader first needs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import rcssmin
import rjsmin
from docutils import nodes

from sphinx_edition.render.base import WEB_BUILDERS

STATIC = Path(__file__).parents[1] / "static"
MINIFY = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}

# What sphinx-design adds with app.add_css_file / add_js_file (sphinx_design.extension), and
# the colours of highlighted code that Sphinx adds (StandaloneHTMLBuilder.init_css_files).
DESIGN_CSS = "sphinx-design"
DESIGN_TABS = "design-tabs.js"
PYGMENTS_CSS = "pygments.css"

# The extension's style sheet for what the registers, the timeline and the apparatus show,
# and the classes of the nodes that show it.
REGISTERS_CSS = "registers.css"
REGISTER_CLASSES = frozenset(
    {"ed-entry-wrapper", "ed-register", "ed-backrefs", "ed-timeline", "ed-apparatus"}
)


# The extension's style sheet for tables, which keeps their columns as their rows arrive; and
# the template of the register indexes, whose tables it lays out (they are pages without a tree).
TABLES_CSS = "tables.css"
DOMAIN_INDEX_TEMPLATE = "domainindex.html"


# The extension's style sheet and script for the notes, and the class of a note.  (A lemma
# without its note is a heading's words copied into a table of contents: it needs neither.)
NOTES_CSS = "notes.css"
# Written into the page right after the text instead of loaded (see the file), and not served.
NOTES_JS = "notes.js"
INLINE = frozenset({NOTES_JS})
NOTES_PLACED = "ed-notes-placed"
# <link rel="expect" blocking="render">: the page is not drawn until the element after the
# notes' script is parsed.  A statement of the head script, so that it holds the page only
# where that script will run (and because the Nu HTML checker does not know the link yet; the
# HTML standard has it since 2023).  Browsers without it draw the page first and move the
# notes after.  On a phone too, where the notes are not beside the text: a phone that drew the
# page as it arrived moved Furo's header once in a few loads (its contents button came late:
# a layout shift in 3 loads of 15, none in 20 with the page held).
NOTES_WAIT = (
    "{let l=document.createElement('link');l.rel='expect';"
    f"l.href='#{NOTES_PLACED}';l.setAttribute('blocking','render');document.head.append(l)}}"
)
NOTE_CLASS = "ed-note"


class PageUses(NamedTuple):
    """What a page shows that needs a style sheet or a script not every page needs."""

    design: set[str]  # the sphinx-design classes (``sd-*``)
    code: bool  # code that Pygments colours (blocks, or highlighted inline code)
    registers: bool  # register entries, the timeline or the apparatus
    notes: bool  # editorial notes (and with them lemmas and the reading switch)
    tables: bool  # tables


def page_uses(doctree: nodes.Node) -> PageUses:
    """What *doctree* shows that needs its own files; one walk over the tree."""
    uses = PageUses(set(), False, False, False, False)
    for node in doctree.findall(nodes.Element):
        classes: list[str] = node["classes"]
        uses.design.update(c for c in classes if c.startswith("sd-"))
        if not uses.code and (
            isinstance(node, nodes.literal_block | nodes.doctest_block)
            or "highlight" in classes
            or "code" in classes
        ):
            uses = uses._replace(code=True)
        if not uses.registers and not REGISTER_CLASSES.isdisjoint(classes):
            uses = uses._replace(registers=True)
        if not uses.notes and NOTE_CLASS in classes:
            uses = uses._replace(notes=True)
        if not uses.tables and isinstance(node, nodes.table):
            uses = uses._replace(tables=True)
    return uses


def _name(asset: Any) -> str:
    return str(getattr(asset, "filename", asset) or "").rsplit("/", 1)[-1]


def page_assets(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: add ``registers.css`` to the pages that show register entries,
    the timeline or the apparatus, ``tables.css`` to web pages with a table (and the register
    indexes), and ``notes.css`` and ``notes.js`` (written into the page, on the web) to pages
    with notes; leave sphinx-design's and Pygments' files off pages that do not use them.  With
    ``edition_prune_assets`` off, every page with a tree loads all of them.  Every web page
    gets the head script (HEAD_SCRIPT)."""
    web = app.builder.name in WEB_BUILDERS
    if doctree is None:
        # A page without a tree (search, index) keeps what the theme expects; a register's
        # index is a table.
        if web and templatename == DOMAIN_INDEX_TEMPLATE:
            app.builder.add_css_file(TABLES_CSS)
        if web:
            context["metatags"] = context.get("metatags", "") + head_script(notes=False)
        return
    placed = False  # whether the notes' own script is written into this page
    prune = app.config.edition_prune_assets
    uses = page_uses(doctree) if prune else None
    if uses is None or uses.registers:
        # Added to the builder's list for this page only: Sphinx resets it for the next.
        app.builder.add_css_file(REGISTERS_CSS)
    if web and (uses is None or uses.tables):
        # Only on the web, which draws a page as it arrives: an e-book's reader does not, and
        # may not scroll a table wider than its page sideways.
        app.builder.add_css_file(TABLES_CSS)
    if uses is None or uses.notes:
        app.builder.add_css_file(NOTES_CSS)
        if web and isinstance(context.get("body"), str):
            # The script runs where the text ends; the head script asks the browser not to
            # draw the page before it has (see NOTES_WAIT).
            context["body"] += inline_script(NOTES_JS) + f'<span id="{NOTES_PLACED}"></span>'
            placed = True
    if web:
        context["metatags"] = context.get("metatags", "") + head_script(notes=placed)
    if uses is None:
        return
    unused: set[str] = set()
    if not uses.design:
        unused.add(DESIGN_CSS)
    if not uses.code:
        unused.add(PYGMENTS_CSS)
    context["css_files"] = [
        css
        for css in context.get("css_files", ())
        if not (_name(css).endswith(".css") and any(_name(css).startswith(u) for u in unused))
    ]
    if not any(c.startswith("sd-tab") for c in uses.design):
        context["script_files"] = [
            js for js in context.get("script_files", ()) if _name(js) != DESIGN_TABS
        ]


# Run in the head, before the page is drawn: the class says that scripts run, so that the
# controls they drive (the reading switch, the "cite" buttons) are drawn with the page instead
# of pushing the text down when the deferred scripts take them up; and a reader who chose the
# corrected reading does not see the printed one first.
HEAD_SCRIPT = (
    # In a block, so that the short names are no globals another script could clash with.
    "<script>{{let d=document.documentElement;d.classList.add('ed-script');"
    # Furo's own marker, which furo.js takes off only once the page is parsed: its theme
    # switch would then appear in the header and push it sideways.
    "d.classList.remove('no-js');"
    "try{{if(localStorage.getItem('ed-reading')==='corrected')"
    "d.dataset.edReading='corrected'}}catch(e){{}}{wait}}}</script>\n"
)


# Furo centres its search icon on the search field.  A browser draws a long page as it
# arrives, and drew the icon 11px too high when the field was not yet parsed, then moved it (a
# layout shift of 0.0000025 on every page, which a slow network or a busy processor shows; one
# CI run caught it): the icon is drawn with its field.  In the head of web pages, not in
# sphinx-edition.css: the EPUB has no sidebar, and epubcheck's CSS parser rejects :has().
HEAD_STYLE = (
    "<style>.sidebar-search-container:not(:has(.sidebar-search))::before{content:none}</style>\n"
)


def head_script(*, notes: bool) -> str:
    """The script (and style) every web page gets in its head; with *notes*, the script also
    holds the page until the notes are placed (NOTES_WAIT)."""
    return HEAD_STYLE + HEAD_SCRIPT.format(wait=NOTES_WAIT if notes else "")


def inline_script(name: str) -> str:
    """The static script *name*, minified, as a ``<script>`` element to write into a page."""
    return f"<script>{rjsmin.jsmin((STATIC / name).read_text(encoding='utf-8'))}</script>\n"


def minified_static(folder: Path) -> None:
    """Write the extension's static files into *folder*, minified, and nothing else there
    (the scripts written into pages are not served)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        if stale.is_file() and (stale.name in INLINE or not (STATIC / stale.name).is_file()):
            stale.unlink()
    for source in sorted(STATIC.iterdir()):
        if not source.is_file() or source.name in INLINE:
            continue
        text = source.read_text(encoding="utf-8")
        minify = MINIFY.get(source.suffix)
        made = minify(text) if minify else text
        target = folder / source.name
        # Unchanged files keep their time, so that Sphinx need not copy them again.
        if not target.is_file() or target.read_text(encoding="utf-8") != made:
            target.write_text(made, encoding="utf-8")


def serve_static(app: Any) -> None:
    """``builder-inited``: serve the minified static files from the site (HTML builders)."""
    if app.builder.format != "html":
        return
    folder = Path(app.doctreedir) / "sphinx-edition-static"
    minified_static(folder)
    if str(folder) not in app.config.html_static_path:
        app.config.html_static_path.append(str(folder))
