"""The extension's configuration values: declared once, validated on ``config-inited``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.latex.constants import ADDITIONAL_SETTINGS

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


@dataclass(frozen=True)
class ConfigValue:
    """One configuration value: its name, default, accepted types and documentation."""

    name: str
    default: Any
    types: tuple[type, ...]
    doc: str


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
        "edition_principles",
        "",
        (str,),
        "The document that states the editorial principles (a docname); the TEI header's "
        "editorialDecl quotes it.",
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


def config_location(confdir: str | Path, name: str) -> str:
    """Where *name* is set in conf.py, as ``path:line``, for warnings about its value."""
    conf_py = Path(confdir, "conf.py")
    try:
        lines = conf_py.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return f"{conf_py}:0"
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith(name):
            return f"{conf_py}:{number}"
    return f"{conf_py}:0"


def register(app: Sphinx) -> None:
    """Declare every configuration value and its validation."""
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, "env", value.types, value.doc)
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
    if config.edition_witness:
        config.edition_witness = str(Path(app.confdir, config.edition_witness).resolve())
    elements = dict(config.latex_elements)
    if config.edition_latex_cjk and config.latex_engine == "xelatex" and "fontpkg" not in elements:
        elements["fontpkg"] = ADDITIONAL_SETTINGS["xelatex"]["fontpkg"] + LATEX_CJK_FONTS
    # Links in the text (mentions, terms) stay upright, so that the text reads as printed.
    elements["preamble"] = elements.get("preamble", "") + LATEX_UPRIGHT_LINKS + LATEX_INDEX_ENTRIES
    config.latex_elements = elements


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
