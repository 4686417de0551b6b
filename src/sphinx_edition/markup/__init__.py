"""Source to format-neutral nodes: the ``ed`` directives and roles, and the lemmas' placing.

The directives and roles are registered through the domain (:mod:`sphinx_edition.domain`);
what this layer registers itself are the read-time steps that follow parsing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition.markup.bibliography import check_bibfiles, end_bibfile_check, remember_plugins
from sphinx_edition.markup.glossary import CollateGlossaries
from sphinx_edition.markup.lemmas import PlaceLemmas, strip_editorial_from_titles
from sphinx_edition.markup.paragraphs import StrayFences
from sphinx_edition.markup.tables import GivenWidths

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def register(app: Sphinx) -> None:
    """The transforms that place the notes' lemmas and order the glossaries, the clean-up of
    section titles, the widths an editor gave a table, the check of the .bib files' syntax,
    and pybtex's plugins found once."""
    app.add_transform(PlaceLemmas)
    app.add_transform(CollateGlossaries)
    app.add_transform(StrayFences)
    app.add_transform(GivenWidths)
    # Around sphinxcontrib-bibtex's own handler (priority 500), which reads the .bib files.
    app.connect("builder-inited", check_bibfiles, priority=499)
    app.connect("builder-inited", end_bibfile_check, priority=501)
    app.connect("builder-inited", remember_plugins, priority=502)
    # After Sphinx's collectors (priority 500) have copied the section titles.
    app.connect("doctree-read", strip_editorial_from_titles, priority=900)
