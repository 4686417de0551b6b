"""Small helpers for building TEI with the standard library's ElementTree.

Elements are made without a namespace and the root carries ``xmlns``, so that the document
serialises with TEI as its default namespace without registering a prefix process-wide.
ElementTree escapes text and attribute values itself.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEI_ALL_RNG = "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"

# Elements whose content is elements only: indenting them adds no text to the edition.
STRUCTURAL = frozenset(
    {
        "TEI",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "editionStmt",
        "publicationStmt",
        "availability",
        "sourceDesc",
        "encodingDesc",
        "appInfo",
        "application",
        "projectDesc",
        "editorialDecl",
        "classDecl",
        "taxonomy",
        "category",
        "profileDesc",
        "langUsage",
        "calendarDesc",
        "calendar",
        "text",
        "body",
        "back",
        "div",
        "list",
        "standOff",
        "listPerson",
        "listEvent",
        "listPlace",
        "listOrg",
        "listBibl",
        "person",
        "event",
        "place",
        "org",
        "location",
    }
)

_NAME_START = re.compile(r"[A-Za-z_]")
_NOT_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def element(tag: str, text: str = "", **attributes: str) -> ET.Element:
    """An element with *text* and the attributes whose values are not empty."""
    made = ET.Element(tag, {k: v for k, v in attributes.items() if v})
    if text:
        made.text = text
    return made


def child(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    made = element(tag, text, **attributes)
    parent.append(made)
    return made


def add_text(parent: ET.Element, text: str) -> None:
    """Append *text* after whatever *parent* already holds (its text or its last child)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def xml_name(text: str) -> str:
    """*text* made into an XML name (NCName), for ``xml:id``: ``term-Wade–Giles`` →
    ``term-Wade-Giles``."""
    name = _NOT_NAME.sub("-", text).strip("-")
    if not name or not _NAME_START.match(name):
        name = f"id-{name}"
    return name


def word(text: str) -> str:
    """*text* as a TEI ``teidata.word`` (no spaces), for ``type`` and ``subtype`` values."""
    return "-".join(text.replace(",", " ").split())


def indent(node: ET.Element, level: int = 0) -> None:
    """Indent structural elements only, so that no whitespace enters mixed content."""
    if node.tag not in STRUCTURAL or not len(node):
        return
    if (node.text or "").strip() or any((c.tail or "").strip() for c in node):
        return
    inner = "\n" + "  " * (level + 1)
    node.text = inner
    for item in node:
        indent(item, level + 1)
        item.tail = inner
    node[-1].tail = "\n" + "  " * level


def serialise(root: ET.Element) -> bytes:
    """The document as UTF-8 bytes with a declaration and a pointer to the TEI schema."""
    root.set("xmlns", TEI_NS)
    indent(root)
    body = ET.tostring(root, encoding="unicode")
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<?xml-model href="{TEI_ALL_RNG}" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    )
    return (head + body + "\n").encode("utf-8")
