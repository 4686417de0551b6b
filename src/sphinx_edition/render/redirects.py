"""The fragment redirects on the web pages: each page that held an id an earlier release
published, and that has since been renamed, moved or merged, loads ``redirects.js`` with the
old ids and their new addresses (relative to the page), so that an old link lands on the new
place.  Pages moved whole are served by sphinx-reredirects (see ``edition_redirects``).
"""

from __future__ import annotations

import json
from typing import Any

from sphinx.util.osutil import relative_uri

from sphinx_edition.core.anchors import split_key
from sphinx_edition.render.base import WEB_BUILDERS

REDIRECTS_JS = "redirects.js"


def page_redirects(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: load the fragment redirect script on web pages that need it
    (the web builders only: offline formats are not read at a release's addresses)."""
    if app.builder.name not in WEB_BUILDERS:
        return
    maps: dict[str, dict[str, str]] = app.env.domains["ed"].data["fragment_redirects"]
    moved = maps.get(pagename)
    if not moved:
        return
    builder = app.builder
    here = builder.get_target_uri(pagename)
    addresses = {}
    for old_id, new in sorted(moved.items()):
        page, fragment = split_key(new)
        uri = "" if page == pagename else relative_uri(here, builder.get_target_uri(page))
        addresses[old_id] = f"{uri}#{fragment}" if fragment else uri or "#"
    # Added to the builder's list for this page only: Sphinx resets it for the next.
    builder.add_js_file(
        REDIRECTS_JS,
        defer="defer",
        **{"data-redirects": json.dumps(addresses, ensure_ascii=False, separators=(",", ":"))},
    )


def keep_pages(app: Any, *args: Any) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``, before sphinx-reredirects writes its pages: a page that
    ``edition_redirects`` declares moved but that still exists keeps its page (the
    declaration is an ``edition.anchor`` warning)."""
    served = getattr(app.config, "redirects", None)
    if isinstance(served, dict):
        for old in [o for o in app.config.edition_redirects if "#" not in o]:
            if old in app.env.all_docs:
                served.pop(old, None)
    return []
