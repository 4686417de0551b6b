"""Witness lines as MyST text that renders exactly those characters (pure: no Sphinx imports).

A witness line is text, not Markdown.  Every character that MyST could read as markup is
written with a CommonMark backslash escape, which any ASCII punctuation character accepts and
which renders the character itself: inline markup (emphasis, code, roles, links, footnotes,
raw HTML, entities, maths, tables, a trailing hard break) wherever it stands, and block markup
(headings, quotes, lists, fences, directive options, comments, targets, breaks) at the start of
the line.  Whitespace at either end is left out: the witness check normalises it, and an
indented line would otherwise be code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Markup wherever it stands: \ escapes, ` code and roles, * _ emphasis, { } roles and
# attributes, [ ] links and footnotes, < > HTML and autolinks, & entities, | tables,
# $ maths, ~ strikethrough and fences, ^ footnote labels.
INLINE = frozenset("\\`*_{}[]<>&|$~^")
# Markup only at the start of a line: # heading, + block break or list, - list or rule,
# = setext rule, % comment, : fence or directive option, ( target, ! image.
LINE_START = frozenset("#+-=%:(!")
# An ordered list item: up to nine digits and a "." or ")" that ends the line or is followed
# by a space.
ORDERED = re.compile(r"(\d{1,9})([.)])(?=\s|$)")


def escape_line(line: str) -> str:
    """*line* (one witness paragraph) as MyST that renders exactly its characters."""
    text = line.strip()
    escaped = "".join("\\" + char if char in INLINE else char for char in text)
    if escaped[:1] in LINE_START:
        escaped = "\\" + escaped
    match = ORDERED.match(escaped)
    if match:
        escaped = match.group(1) + "\\" + escaped[match.end(1) :]
    return escaped


def text_page(title: str, paragraphs: Sequence[str]) -> str:
    """The text page: a heading, then every witness paragraph as a numbered ``ed:paragraph``.

    Each paragraph's fence has four colons, so that an ``ed:note`` fenced with three can be
    written inside it without changing the fence.
    """
    blocks = [f"# {escape_line(title)}\n"]
    for number, paragraph in enumerate(paragraphs, 1):
        blocks.append(f"::::{{ed:paragraph}} {number}\n{escape_line(paragraph)}\n::::\n")
    return "\n".join(blocks)
