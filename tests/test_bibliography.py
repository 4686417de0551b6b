"""Sources are named alike everywhere, from a .bib written with LaTeX accents and braces.

The apparatus table, a note's sources line, the hover cards and the TEI all name a source
through one adapter over sphinxcontrib-bibtex (``sphinx_edition.markup.bibliography``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import cards_of, edit, warnings_of
from sphinx_edition.markup.bibliography import PLUGIN_GROUPS, remember_plugins

MakeApp = Callable[..., SphinxTestApp]
TEI = "{http://www.tei-c.org/ns/1.0}"


def test_latex_accents_read_the_same_in_every_output(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("notes")
    edit(srcdir / "refs.bib", 'author = "Lüthi, Lorenz M."', 'author = "L{\\"u}thi, Lorenz M."')
    with (srcdir / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write(
            "\n@article{ograda2007,\n    author = \"{\\'O} Gr{\\'a}da, Cormac\",\n"
            '    title = "Making Famine History",\n'
            '    journal = "Journal of Economic Literature",\n    year = "2007",\n'
            # A field the style copies as it stands, with a LaTeX command in it.
            '    note = "Reviewed in \\emph{The Economist}"\n}\n'
        )
    # The second source is not cited in the explanation, so the note lists it after it.
    edit(srcdir / "text.md", ":sources: luthi2008, westad1998", ":sources: luthi2008, ograda2007")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == []
    out = Path(app.outdir)

    apparatus = (out / "apparatus.html").read_text(encoding="utf-8")
    assert "<p>Lüthi 2008; Ó Gráda 2007</p>" in apparatus
    text = (out / "text.html").read_text(encoding="utf-8")
    # sphinxcontrib-bibtex's own labels (pybtex ties a one-letter name part with a no-break space).
    assert "Ó\u00a0Gráda, 2007" in text
    assert "Lüthi, 2008" in text
    cards = cards_of(out).values()
    assert not any("\\" in card.get("s", "") for card in cards), "LaTeX left in a card"
    assert any(card.get("s", "").startswith("Cormac Ó Gráda.") for card in cards), cards
    for page in (apparatus, text):
        assert "\\&quot;" not in page
        assert "\\'" not in page

    tei = make_app("tei", srcdir=srcdir)
    tei.build()
    root = ET.parse(Path(tei.outdir) / "edition.tei.xml").getroot()
    refs = {ref.text for ref in root.iter(f"{TEI}ref")}
    assert {"Lüthi 2008", "Ó Gráda 2007"} <= refs
    authors = {a.text for a in root.iter(f"{TEI}author")}
    assert {"Lüthi, Lorenz M.", "Ó Gráda, Cormac"} <= authors


def test_pybtex_plugins_are_found_without_scanning_entry_points_again(
    make_app: MakeApp, copy_root: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # sphinxcontrib-bibtex looks up a pybtex plugin for every citation it resolves; after the
    # build starts, each look-up is answered from pybtex's runtime registry, with the class
    # the entry point names, and no scan of the installed distributions.
    import pybtex.plugin
    from pybtex.backends.plaintext import Backend

    app = make_app("html", srcdir=copy_root("notes"))
    app.build()
    scans: list[str] = []

    def counted(**kwargs: str) -> list[object]:
        scans.append(kwargs.get("group", ""))
        return []

    monkeypatch.setattr(pybtex.plugin, "entry_points", counted)
    assert pybtex.plugin.find_plugin("pybtex.backends", "plaintext") is Backend
    assert pybtex.plugin.find_plugin("pybtex.style.formatting", "plain").__name__ == "Style"
    assert scans == []
    assert "Lüthi" in (Path(app.outdir) / "apparatus.html").read_text(encoding="utf-8")


def test_pybtex_plugins_are_the_ones_pybtex_would_find(monkeypatch: pytest.MonkeyPatch) -> None:
    from pybtex import plugin

    monkeypatch.setattr(plugin, "_RUNTIME_PLUGINS", {})
    app = SimpleNamespace(env=SimpleNamespace(domains={"cite": object()}))
    remember_plugins(app)  # type: ignore[arg-type]
    registered = plugin._RUNTIME_PLUGINS
    checked = 0
    for group in PLUGIN_GROUPS:
        for point in entry_points(group=group):
            expected = next(iter(entry_points(group=group, name=point.name))).load()
            assert registered[group][point.name] is expected, (group, point.name)
            assert plugin.find_plugin(group, point.name) is expected
            checked += 1
    assert checked >= 10  # the backends, styles, labels, names and sortings pybtex ships
