"""The theme's table of contents, rendered once for the pages no table of contents lists.

A theme with a site-wide sidebar (Furo) calls ``toctree()`` on every page it writes, and
Sphinx resolves and renders the whole table of contents again for each: its links relative to
the page, the page's own entry marked as current.  The pages that are not documents (the
general index, search, the four register indexes, the 404 page) are written on every build,
also by an editor's rebuild after one note changed, and none of them is in a table of
contents: each gets the same table, with nothing marked, when it lies in the same folder.
So the table is rendered once per build, folder and set of arguments, and given to the
others as it is (in the editor's rebuild of this edition, seven renderings of the table
became one or two).  Documents, and any page a toctree names, are rendered as before.
"""

from __future__ import annotations

import posixpath
import weakref
from collections.abc import Callable
from typing import Any

# Per builder and per build: cleared when the builder starts writing.
_RENDERED: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], str]] = weakref.WeakKeyDictionary()


def forget_rendered(app: Any, builder: Any) -> None:
    """``write-started``: the tables of an earlier build in this process are not this one's."""
    _RENDERED.pop(builder, None)


def _listed(env: Any, pagename: str) -> bool:
    return pagename in env.all_docs or any(
        pagename in included for included in env.toctree_includes.values()
    )


def _shared(
    render: Callable[..., str], rendered: dict[tuple[Any, ...], str], folder: str
) -> Callable[..., str]:
    def toctree(**kwargs: Any) -> str:
        # The renderer's code tells Sphinx's own from one another extension gave the page
        # (sphinx-notfound-page's, whose links are absolute).
        code = getattr(render, "__code__", render)
        key = (code, folder, *sorted((name, repr(value)) for name, value in kwargs.items()))
        found = rendered.get(key)
        if found is None:
            found = rendered[key] = render(**kwargs)
        return found

    return toctree


def shared_toctree(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``, before the theme: a page outside every table of contents gets
    the table rendered for the first such page of its folder."""
    render = context.get("toctree")
    builder = app.builder
    if not callable(render) or _listed(app.env, pagename):
        return
    folder = posixpath.dirname(builder.get_target_uri(pagename))
    context["toctree"] = _shared(render, _RENDERED.setdefault(builder, {}), folder)
