"""What a page weighs: the bytes it transfers, and the bytes the extension is answerable for."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Response

from sphinx_edition.render.assets import INLINE
from sphinx_edition.render.assets import STATIC as STATIC_FOLDER

# The extension's own static files (sphinx-edition.css and .js, and any it adds).
STATIC = tuple(
    sorted(
        path.name for path in STATIC_FOLDER.iterdir() if path.is_file() and path.name not in INLINE
    )
)

# Markup the extension writes whole: everything in it, text included, is the extension's.
WHOLE = {
    "ed-cards",  # the hover cards of the page
    "ed-reading",  # the reading switch
    "ed-timeline-svg",  # the timeline
    "ed-backrefs",  # an entry's list of mentions
    "ed-pnum",  # a paragraph number and permalink
    "ed-note-ref",  # a note's marker
    "ed-note-back",  # a note's way back to the text
    "ed-cite",  # a paragraph's "cite" button
}
# Markup the extension writes around the editor's words: its tags (with their attributes) are
# the extension's, the words are the edition's.  Inside these, every tag is the extension's.
AROUND = {"ed-mention", "ed-note", "ed-entry-wrapper", "ed-apparatus", "ed-lemma"}
# ... except inside what the editor wrote in MyST: a note's explanation, an entry's description.
EDITORS = {"ed-note-body", "ed-entry-description"}
# What each part of the extension's markup is, for the report: the group of an element is that
# of its first class found here, or else that of the element it is in.
GROUPS = {
    "ed-mention": "mentions",
    **dict.fromkeys(
        ("ed-note", "ed-note-ref", "ed-note-back", "ed-note-head", "ed-note-body", "ed-cat"),
        "notes",
    ),
    **dict.fromkeys(("ed-lemma", "ed-sic", "ed-corr", "ed-apparatus"), "lemmas and readings"),
    **dict.fromkeys(("ed-date", "ed-duration", "ed-sequence"), "dates and claims"),
    **dict.fromkeys(("ed-paragraph", "ed-has-notes", "ed-pnum", "ed-cite"), "paragraphs"),
    "ed-reading": "reading switch",
    **dict.fromkeys(("ed-entry-wrapper", "ed-backrefs"), "register entries"),
    "ed-timeline-svg": "timeline",
}
PAGE_DATA = "page data"  # the extension's scripts and style sheets, data for search engines
OTHER = "other"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


class _Open(NamedTuple):
    tag: str
    start: int  # offset of its start tag in the source
    whole: bool  # written whole by the extension: counted, text and all, at its end
    scope: bool  # the tags inside it are the extension's
    counted: bool  # its own tags are the extension's
    group: str  # what it is part of (GROUPS)


class _ExtensionMarkup(HTMLParser):
    """Counts the bytes of a page's HTML that the extension wrote (see WHOLE and AROUND)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [i + 1 for i, char in enumerate(source) if char == "\n"]
        self.stack: list[_Open] = []
        self.bytes = 0
        self.groups: dict[str, int] = {}
        self.elements: dict[str, int] = {}  # how many elements have each class of GROUPS

    def _add(self, size: int, group: str) -> None:
        self.bytes += size
        self.groups[group] = self.groups.get(group, 0) + size

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _in_whole(self) -> bool:
        return any(element.whole for element in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        void = tag in VOID
        outer = self.stack[-1].group if self.stack else OTHER
        if self._in_whole():
            if not void:
                self.stack.append(_Open(tag, self._offset(), False, False, False, outer))
            return
        values = dict(attrs)
        ordered = (values.get("class") or "").split()
        classes = set(ordered)
        reference = str(values.get("href" if tag == "link" else "src") or "")
        static = tag in ("link", "script") and any(name in reference for name in STATIC)
        data = tag == "script" and (
            values.get("type") == "application/ld+json"  # the entries in schema.org terms
            or str(values.get("id") or "").startswith("ed-")  # data for the extension's script
        )
        described = (tag == "meta" and str(values.get("name")).startswith("citation_")) or (
            tag == "link"  # how to cite the page, and the edition in TEI
            and (values.get("rel") == "cite-as" or values.get("type") == "application/tei+xml")
        )
        whole = bool(classes & WHOLE) or static or data or described
        inside = bool(self.stack) and self.stack[-1].scope
        counted = any(c.startswith("ed-") for c in classes) or inside
        own = next((GROUPS[c] for c in ordered if c in GROUPS), None)
        for name in classes & GROUPS.keys():
            self.elements[name] = self.elements.get(name, 0) + 1
        group = own or (PAGE_DATA if static or data or described else outer)
        if void:
            if whole or counted:
                self._add(_size(self.get_starttag_text() or ""), group)
            return
        if counted and not whole:
            self._add(_size(self.get_starttag_text() or ""), group)
        scope = (bool(classes & AROUND) or inside) and not classes & EDITORS
        self.stack.append(_Open(tag, self._offset(), whole, scope, counted and not whole, group))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and not self._in_whole() and self.stack:
            element = self.stack.pop()  # <x/> has no end tag: count the start tag alone
            if element.whole:
                self._add(_size(self.get_starttag_text() or ""), element.group)

    def handle_data(self, data: str) -> None:
        # The extension's scripts written into the page: the one in the head that applies the
        # reader's chosen reading before drawing, the one after the text that places the notes.
        top = self.stack[-1] if self.stack else None
        if top and top.tag == "script" and not self._in_whole():
            for marker, group in (("function align(){", "notes"), ("ed-script", "reading switch")):
                if marker in data:
                    self.stack[-1] = top._replace(whole=True, counted=False, group=group)

    def handle_endtag(self, tag: str) -> None:
        if not any(element.tag == tag for element in self.stack):
            return  # a stray end tag
        here = self._offset()
        end = self.source.index(">", here) + 1
        while self.stack:
            element = self.stack.pop()
            if element.tag != tag:
                continue  # closed implicitly: it has no end tag of its own
            if element.whole and not self._in_whole():
                self._add(_size(self.source[element.start : end]), element.group)
            elif element.counted and not self._in_whole():
                self._add(_size(self.source[here:end]), element.group)
            return


def extension_markup(html: str) -> tuple[dict[str, int], dict[str, int]]:
    """The bytes of *html* the extension wrote (its components whole, its tags elsewhere), by
    what they are part of (GROUPS); and how many elements have each class of GROUPS."""
    parser = _ExtensionMarkup(html)
    parser.feed(html)
    parser.close()
    assert sum(parser.groups.values()) == parser.bytes
    return parser.groups, parser.elements


@dataclass
class Weight:
    """What loading one page transferred, by kind of resource, and the extension's share."""

    page: str
    by_kind: dict[str, int] = field(default_factory=dict)
    gzipped: int = 0
    static: int = 0  # sphinx-edition.css and .js
    markup: int = 0  # the extension's markup in the page's HTML
    markup_by_group: dict[str, int] = field(default_factory=dict)
    elements: dict[str, int] = field(default_factory=dict)  # by class, as GROUPS names them
    files: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())

    @property
    def extension(self) -> int:
        return self.static + self.markup


KINDS = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "font": "fonts",
    "image": "images",
}


def measure(context: BrowserContext, url: str) -> Weight:
    """Load *url* in a fresh *context* (no cache) and weigh every response it received."""
    responses: list[Response] = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    weight = Weight(page=urlsplit(url).path.rsplit("/", 1)[-1])
    for response in responses:
        if response.status != 200:
            continue
        body = response.body()
        kind = KINDS.get(response.request.resource_type, "other")
        weight.by_kind[kind] = weight.by_kind.get(kind, 0) + len(body)
        weight.gzipped += len(gzip.compress(body, 9))
        name = urlsplit(response.url).path.rsplit("/", 1)[-1]
        weight.files.append((name, len(body)))
        if name in STATIC:
            weight.static += len(body)
        if response.request.resource_type == "document":
            weight.markup_by_group, weight.elements = extension_markup(body.decode("utf-8"))
            weight.markup = sum(weight.markup_by_group.values())
    page.close()
    return weight
