"""The extension's configuration values: declared once, validated on ``config-inited``."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sphinx.builders.latex.constants import ADDITIONAL_SETTINGS

from sphinx_edition.core.vocabulary import Category, declared_categories
from sphinx_edition.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

# xeCJK sets Chinese, Japanese and Korean text in a CJK font while the main font (FreeSerif,
# Sphinx's default for xelatex) sets Latin, Greek and Cyrillic.  xeCJK would otherwise claim
# curly quotes and dashes as CJK punctuation and set them full-width inside Latin text.
LATEX_CJK_FONTS = r"""
\usepackage{xeCJK}
\setCJKmainfont{Noto Serif CJK SC}
\setCJKsansfont{Noto Sans CJK SC}
\setCJKmonofont{Noto Sans Mono CJK SC}
\xeCJKDeclareCharClass{Default}{"2018, "2019, "201C, "201D, "2013, "2014, "2026, "00BD}
"""


LATEX_UPRIGHT_LINKS = "\n\\protected\\def\\sphinxcrossref#1{#1}\n"
# The indexes (the registers' and the general one) set their entries in the text face: Sphinx
# sets them in typewriter type, as for the names of code objects.
LATEX_INDEX_ENTRIES = "\\protected\\def\\sphinxstyleindexentry#1{#1}\n"

# Read the Docs builds the PDF with latexmk in the LaTeX folder (``latexmk -r latexmkrc -pdf
# ...``), not with the Makefile that Sphinx writes beside it, which is what sets XINDYOPTS:
# without them xindy knows neither the language nor Sphinx's rules and fails on the general
# index.  latexmkrc takes the Makefile's options when XINDYOPTS is not set.
XINDYOPTS_IN_MAKEFILE = re.compile(r"^export XINDYOPTS = (.*)$", re.MULTILINE)
XINDYOPTS_IN_LATEXMKRC = "$ENV{'XINDYOPTS'}"

# A note's head in the PDF: its category in small sans serif, the editorial act in small
# capitals, so that "factual" and "historical correction" read as two things.
LATEX_NOTE_HEAD = r"""
\expandafter\def\csname DUroleed-cat\endcsname#1{\textsf{\footnotesize #1}}
\expandafter\def\csname DUroleed-act\endcsname#1{\textsc{#1}}
"""


@dataclass(frozen=True)
class ConfigValue:
    """One configuration value: its name, default, accepted types and documentation."""

    name: str
    default: Any
    types: tuple[type, ...]
    doc: str
    rebuild: Literal["", "env"] = "env"


CONFIG_VALUES = (
    ConfigValue(
        "edition_witness",
        None,
        (str, type(None)),
        "Path of the witness file (UTF-8, one paragraph per line), absolute or relative to "
        "the configuration directory.  When set, every build compares the transcription with "
        "it.",
    ),
    ConfigValue(
        "edition_checks",
        True,
        (bool,),
        "Run the consistency checks (dates, durations, order, offices, lifespans, links, "
        "unused entries) on every build. The witness check runs whenever edition_witness is "
        "set.",
    ),
    ConfigValue(
        "edition_latex_cjk",
        True,
        (bool,),
        "With the xelatex engine, set Chinese, Japanese and Korean characters in Noto CJK "
        "fonts (needs the xeCJK package and fonts-noto-cjk).",
    ),
    ConfigValue(
        "edition_prune_assets",
        True,
        (bool,),
        "Leave sphinx-design's style sheet and tab script off web pages without sphinx-design "
        "components, Pygments' style sheet off pages without highlighted code, and the "
        "extension's registers.css off pages without register entries, the timeline or the "
        "apparatus.",
    ),
    ConfigValue(
        "edition_title",
        "",
        (str,),
        "The edition's title, for citations, meta tags, the data files and the TEI header; "
        "the project's name when empty.",
    ),
    ConfigValue(
        "edition_editors",
        [],
        (list, tuple),
        "The editors, each as 'Family, Given' or, for a group, as written; the author when empty.",
    ),
    ConfigValue(
        "edition_url",
        "",
        (str,),
        "The edition's address on the web (http or https), for citations and permanent links; "
        "html_baseurl when empty.",
    ),
    ConfigValue(
        "edition_year",
        "",
        (str, int),
        "The year the edition was published (four digits), for citations.",
    ),
    ConfigValue(
        "edition_source",
        "",
        (str,),
        "The printed source of the witness: a bibliography key, or a reference as text; the "
        "TEI header's sourceDesc.",
    ),
    ConfigValue(
        "edition_license",
        "",
        (str,),
        "The licence of the editorial matter and the data (notes, registers, glossary, "
        "downloads): an SPDX identifier such as 'CC-BY-4.0' (its name and address are then "
        "known) or a name. It is stated in every page's metadata, the data files and the data "
        "package (data/datapackage.json), the citations and the TEI header; the witness's own "
        "rights are the copyright value's.",
    ),
    ConfigValue(
        "edition_license_url",
        "",
        (str,),
        "The licence's address, when edition_license is not an identifier the extension knows.",
    ),
    ConfigValue(
        "edition_note_categories",
        None,
        (dict, type(None)),
        "The categories of editorial notes, when the edition declares its own: a dict of "
        "category name to a dict with 'meaning' (required), 'act' ('emendation', 'correction' "
        "or 'commentary'), 'sources' (whether a note must cite any; True by default), "
        "'colour' (a sphinx-design colour), 'label' and 'tei' (the badge's text and the TEI "
        "type). None gives the ten default categories; "
        "sphinx_edition.core.vocabulary.default_categories() returns them to copy and adapt.",
    ),
    ConfigValue(
        "edition_principles",
        "",
        (str,),
        "The document that states the editorial principles (a docname); the TEI header's "
        "editorialDecl quotes it.",
    ),
    ConfigValue(
        "edition_anchors",
        "",
        (str,),
        "Path of the anchor manifest (JSON), relative to the configuration directory: every "
        "anchor a release published (pages, ¶, notes, register entries, glossary terms). When "
        "the file exists, every build warns about each anchor of it that is gone.",
    ),
    ConfigValue(
        "edition_anchors_update",
        False,
        (bool,),
        "Write the anchor manifest at the end of an HTML build, for a release "
        "(sphinx-build -D edition_anchors_update=1).",
        "",
    ),
    ConfigValue(
        "edition_redirects",
        {},
        (dict,),
        "Where anchors of an earlier release went: 'old-page': 'new-page' for a moved page "
        "(served by sphinx-reredirects), 'page#old-id': 'page#new-id' for a renamed, moved or "
        "merged id (served by a fragment redirect script on the old page).",
    ),
    ConfigValue(
        "edition_epub_accessibility_summary",
        "",
        (str,),
        "The EPUB's schema:accessibilitySummary, in the edition's own words; a description of "
        "what the extension writes when empty.",
    ),
    ConfigValue(
        "edition_epub_conformance",
        "",
        (str,),
        "The accessibility standard the EPUB conforms to (dcterms:conformsTo), e.g. 'EPUB "
        "Accessibility 1.1 - WCAG 2.1 Level AA', stated only once a check has shown it (the "
        "edition's tests run DAISY Ace); no claim when empty.",
    ),
)


def note_categories(config: Config) -> dict[str, Category]:
    """The edition's note categories by name, in the order it declares them."""
    return declared_categories(getattr(config, "edition_note_categories", None))[0]


def config_location(confdir: str | Path, name: str) -> str:
    """Where *name* is set in conf.py, as ``path:line``, for warnings about its value."""
    conf_py = Path(confdir, "conf.py")
    try:
        lines = conf_py.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return f"{conf_py}:0"
    found = 0  # the last assignment is the one Python keeps
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith(name):
            found = number
    return f"{conf_py}:{found}"


def register(app: Sphinx) -> None:
    """Declare every configuration value and its validation."""
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, value.types, value.doc)
    app.connect("config-inited", validate)
    app.connect("build-finished", latexmkrc_without_make)


def validate(app: Sphinx, config: Config) -> None:
    """Warn about values of the wrong type and resolve the witness path."""
    for value in CONFIG_VALUES:
        given = getattr(config, value.name)
        if not isinstance(given, value.types):
            warn(
                Subtype.CONFIG,
                f"{value.name} must be {' or '.join(t.__name__ for t in value.types)}, "
                f"not {type(given).__name__}; using {value.default!r}",
                config_location(app.confdir, value.name),
            )
            setattr(config, value.name, value.default)
    _, problems = declared_categories(config.edition_note_categories)
    for problem in problems:
        warn(
            Subtype.CONFIG,
            f"edition_note_categories: {problem}",
            config_location(app.confdir, "edition_note_categories"),
        )
    if config.edition_witness:
        config.edition_witness = str(Path(app.confdir, config.edition_witness).resolve())
    if config.edition_anchors:
        config.edition_anchors = str(Path(app.confdir, config.edition_anchors).resolve())
    config.edition_redirects = _valid_redirects(app, config)
    elements = dict(config.latex_elements)
    if config.edition_latex_cjk and config.latex_engine == "xelatex" and "fontpkg" not in elements:
        elements["fontpkg"] = ADDITIONAL_SETTINGS["xelatex"]["fontpkg"] + LATEX_CJK_FONTS
    # Links in the text (mentions, terms) stay upright, so that the text reads as printed.
    elements["preamble"] = (
        elements.get("preamble", "") + LATEX_UPRIGHT_LINKS + LATEX_NOTE_HEAD + LATEX_INDEX_ENTRIES
    )
    config.latex_elements = elements


def _valid_redirects(app: Sphinx, config: Config) -> dict[str, str]:
    """``edition_redirects`` with its malformed items warned about and left out; the page
    redirects handed to sphinx-reredirects, which writes the old pages."""
    where = config_location(app.confdir, "edition_redirects")
    valid: dict[str, str] = {}
    for old, new in config.edition_redirects.items():
        if not (isinstance(old, str) and isinstance(new, str) and old and new):
            warn(
                Subtype.CONFIG,
                f"edition_redirects: {old!r}: {new!r} must map a 'page' or 'page#id' to "
                "another (both text)",
                where,
            )
            continue
        valid[old] = new
    pages = {old: new for old, new in valid.items() if "#" not in old}
    if not pages:
        return valid
    served = getattr(config, "redirects", None)
    if not isinstance(served, dict):
        warn(
            Subtype.CONFIG,
            f"edition_redirects moves pages ({', '.join(sorted(pages))}), but "
            "sphinx_reredirects is not among the extensions: their old addresses would be "
            "missing",
            where,
        )
        return valid
    for old, new in pages.items():
        page, _, fragment = new.partition("#")
        # Relative to the old page, as sphinx-reredirects takes it (and Read the Docs serves
        # each version under its own path).
        target = posixpath.relpath(f"{page}.html", posixpath.dirname(old) or ".")
        served.setdefault(old, f"{target}#{fragment}" if fragment else target)
    return valid


def latexmkrc_without_make(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the LaTeX folder's latexmkrc gives xindy the options of Sphinx's
    Makefile when latexmk runs without it (as on Read the Docs)."""
    if exception is not None or app.builder.name != "latex":
        return
    folder = Path(app.outdir)
    makefile, latexmkrc = folder / "Makefile", folder / "latexmkrc"
    if not makefile.is_file() or not latexmkrc.is_file():
        return
    found = XINDYOPTS_IN_MAKEFILE.search(makefile.read_text(encoding="utf-8"))
    text = latexmkrc.read_text(encoding="utf-8")
    if found is None or XINDYOPTS_IN_LATEXMKRC not in text:
        return
    options = " ".join(found.group(1).split()).replace("'", "")
    latexmkrc.write_text(
        text.replace(XINDYOPTS_IN_LATEXMKRC, f"($ENV{{'XINDYOPTS'}} || '{options}')"),
        encoding="utf-8",
    )
