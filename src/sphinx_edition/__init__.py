"""sphinx-edition: a Sphinx extension for annotated critical editions.

Use it by adding ``"sphinx_edition"`` to ``extensions`` in ``conf.py``.  Importing the package
loads nothing else: :func:`setup` imports the extension's Sphinx layers when Sphinx calls it, so
that the pure layers (:mod:`sphinx_edition.core`, :mod:`sphinx_edition.checks`) can be used
without Sphinx.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

try:
    __version__ = version("sphinx-edition")
except PackageNotFoundError:  # run from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["__version__", "setup"]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Sphinx's entry point: register everything the extension provides."""
    from sphinx_edition._setup import setup as register_all

    return register_all(app)
