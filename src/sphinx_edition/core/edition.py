"""What the edition says about itself, for citations, meta tags and the TEI header (pure).

The values come from the ``edition_*`` configuration values, with Sphinx's own (``project``,
``author``, ``release``, ``language``, ``html_baseurl``, ``copyright``) as fallbacks, so that
an edition that sets nothing still gets a title and an editor statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sphinx_edition.core.results import PackageResults
from sphinx_edition.core.vocabulary import LICENSES


@dataclass(frozen=True)
class Edition:
    """The edition's bibliographic description."""

    title: str
    editors: tuple[str, ...]
    url: str  # the edition's base URL, ending in "/", or ""
    year: str
    version: str
    language: str
    source: str  # a bibliography key, or the printed source as text, or ""
    principles: str  # the docname of the editorial principles, or ""
    rights: str
    license: str = ""  # the editorial matter's and data's licence: an SPDX id or a name
    license_name: str = ""
    license_url: str = ""

    def page_url(self, uri: str) -> str:
        """The absolute URL of a page given relative to the site's root, or "" without a URL."""
        return f"{self.url}{uri}" if self.url else ""


def edition(config: Any) -> Edition:
    """The edition's description from a Sphinx configuration (read by attribute)."""
    license_id = str(getattr(config, "edition_license", "") or "").strip()
    known = LICENSES.get(license_id)
    editors = tuple(getattr(config, "edition_editors", ()) or ())
    author = str(getattr(config, "author", "") or "")
    if not editors and author:
        editors = (author,)
    url = str(getattr(config, "edition_url", "") or getattr(config, "html_baseurl", "") or "")
    if url and not url.endswith("/"):
        url += "/"
    return Edition(
        title=str(getattr(config, "edition_title", "") or getattr(config, "project", "") or ""),
        editors=editors,
        url=url,
        year=str(getattr(config, "edition_year", "") or ""),
        version=str(getattr(config, "release", "") or getattr(config, "version", "") or ""),
        language=str(getattr(config, "language", "") or "en"),
        source=str(getattr(config, "edition_source", "") or ""),
        principles=str(getattr(config, "edition_principles", "") or ""),
        rights=str(getattr(config, "copyright", "") or ""),
        license=license_id,
        license_name=known.name if known else license_id,
        license_url=str(getattr(config, "edition_license_url", "") or "")
        or (known.url if known else ""),
    )


_COMMAND = re.compile(r"\\(?:emph|textit|textbf|textsc|texttt|mkbibquote|url)\s*\{([^{}]*)\}")


@lru_cache(maxsize=1)
def text_backend() -> Any:
    """pybtex's plain-text backend, found once (for every rendering of BibTeX as text).

    ``Text.render_as("text")`` looks the backend up among the entry points of every installed
    distribution on each call: in a build that converts a few hundred fields, that took 18 of
    the 22 seconds of an edition's incremental rebuild (profiled)."""
    from pybtex.plugin import find_plugin

    return find_plugin("pybtex.backends", "text")()


# The fields converted so far, by their BibTeX text; kept between builds by the edition
# (:mod:`sphinx_edition.domain.memo`): pybtex's LaTeX decoder takes about a millisecond a
# field, and the TEI bibliography and the sources' labels convert a few hundred on every build
# (0.13 of the 2.7 profiled seconds of a rebuild after one note's words changed).
_LATEX_TEXT = PackageResults("pybtex", str)


def latex_text(value: str) -> str:
    """A BibTeX field as plain text: commands, braces, accents and dashes resolved."""
    found = _LATEX_TEXT.found.get(value)
    if found is None:
        from pybtex.richtext import Text

        plain = _COMMAND.sub(r"\1", value)
        found = " ".join(str(Text.from_latex(plain).render(text_backend())).split())
        _LATEX_TEXT.found[value] = found
    return found


def memo() -> tuple[str, dict[str, str]]:
    """The fields converted so far, with pybtex's version (the live dictionary)."""
    return _LATEX_TEXT.memo()


def learn(held: object) -> None:
    """Take the fields of a :func:`memo` made earlier (ignored if made with another version
    of pybtex, or not a memo at all)."""
    _LATEX_TEXT.learn(held)
