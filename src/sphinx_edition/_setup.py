"""Registers everything the extension provides, layer by layer; ``setup()`` does nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition import (
    __version__,
    builders,
    config,
    domain,
    export,
    locale,
    markup,
    render,
    warnings,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

# Bump when the shape of the domain's data or of the nodes in pickled doctrees changes, so
# that an environment of an older version is read afresh instead of misread.
ENV_VERSION = 9


def setup(app: Sphinx) -> ExtensionMetadata:
    warnings.register(app)  # first, so that the report keeps every edition.* warning
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    config.register(app)
    locale.register(app)
    markup.register(app)
    domain.register(app)
    render.register(app)
    export.register(app)
    builders.register(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        # Both proven by tests/test_parallel.py: -j 2 gives the same output and warnings.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
