"""The starter: ``sphinx-edition new`` writes a new edition project (pure: no Sphinx imports).

:mod:`~sphinx_edition.starter.transcribe` writes witness lines as MyST that renders exactly
their characters; :mod:`~sphinx_edition.starter.project` reads the witness, fills the
templates in ``templates/`` and writes the project, all or nothing.
"""

from sphinx_edition.starter.project import StarterError, new_project

__all__ = ["StarterError", "new_project"]
