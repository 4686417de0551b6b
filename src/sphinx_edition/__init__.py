"""sphinx-edition: a Sphinx extension for annotated critical editions.

Use it by adding ``"sphinx_edition"`` to ``extensions`` in ``conf.py``.
"""

from ._setup import __version__, setup

__all__ = ["__version__", "setup"]
