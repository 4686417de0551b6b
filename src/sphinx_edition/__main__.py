"""``python -m sphinx_edition new …``: the same as the ``sphinx-edition`` command."""

from sphinx_edition.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
