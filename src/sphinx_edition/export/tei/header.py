"""The TEI header: the edition, its editors and source, its principles and conventions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from docutils import nodes

from sphinx_edition.core.edition import Edition
from sphinx_edition.core.vocabulary import Category
from sphinx_edition.export.tei.standoff import bibl, bibl_id
from sphinx_edition.export.tei.xml import XML_ID, add_text, child, element
from sphinx_edition.markup.nodes import Editorial, enclosing

LANGUAGES = {"en": "English", "de": "German", "fr": "French", "ru": "Russian", "zh": "Chinese"}

EDITORS_ID = "editors"
"""The xml:id of the header's statement of the editors' responsibility."""

PROJECT_DESC = (
    "{title}: a critical edition made with sphinx-edition. This TEI document is generated "
    "by the same build as the edition's web pages, PDF and EPUB, from the same sources."
)

# What every edition made with sphinx-edition does; <x> names an element, @x an attribute.
EDITORIAL_DECL = (
    "The text is given exactly as printed: every character of the witness, in its order, "
    "checked against the witness file on every build. Each paragraph of the witness is one "
    "<p>, numbered by the edition in @n (and @xml:id pN).",
    "Errors are not corrected in the text. Only an emendation, an error of the printed text "
    "such as a misprint, is encoded as <choice> with the printed <sic> and the editors' "
    "<corr>. What the author wrote and got wrong is a historical matter, not an error of the "
    "text: it stays as printed in a <seg> of @type lemma, and its note gives the corrected "
    "statement in a <seg> of @type corrected-statement. Every note stands at the end of its "
    "lemma (@target); its @type is its category (see the taxonomy), its @subtype the "
    "editorial act (emendation, correction or commentary), its @resp the editors, and its "
    "<listBibl> names its sources.",
    "Persons, places, organisations and events the text names point at the registers in "
    "<standOff> (@ref); dates carry their normalised value (@when, @from, @to, @notBefore, "
    "@notAfter, from EDTF), with the Julian value and calendar for Old Style dates. Headings "
    "are the editors', except a run-in word of the witness set as one, which stays at the "
    "start of its paragraph as a <seg> of @type heading.",
)

CALENDARS = (
    ("gregorian", "The Gregorian calendar (New Style): all normalised dates."),
    ("julian", "The Julian calendar (Old Style), used in Russia until February 1918."),
)

_YEAR = re.compile(r"\d{4}$")
_MARKUP_NAME = re.compile(r"<([A-Za-z]+)>|@([A-Za-z][A-Za-z:-]*)")


def header(
    info: Edition,
    source: ET.Element,
    principles: Iterable[ET.Element],
    version: str,
    categories: Mapping[str, Category],
) -> ET.Element:
    """``<teiHeader>``: title and editors, publication, *source*, encoding (with the note
    *categories* as a taxonomy), profile."""
    made = element("teiHeader")
    file_desc = child(made, "fileDesc")
    title_stmt = child(file_desc, "titleStmt")
    child(title_stmt, "title", info.title, type="main")
    for name in info.editors:
        child(title_stmt, "editor", name)
    # What the notes' and emendations' @resp point at.
    responsible = child(title_stmt, "respStmt", **{XML_ID: EDITORS_ID})
    child(responsible, "resp", "Edition, emendations, corrections and commentary")
    for name in info.editors or (f"the editors of {info.title}",):
        child(responsible, "name", name)
    if info.version:
        child(child(file_desc, "editionStmt"), "edition", f"Version {info.version}")
    publication = child(file_desc, "publicationStmt")
    child(publication, "authority", "; ".join(info.editors) or info.title)
    if info.url:
        child(publication, "idno", info.url, type="URI")
    if info.year:
        child(publication, "date", info.year, when=info.year if _YEAR.match(info.year) else "")
    if info.rights or info.license:
        availability = child(publication, "availability")
        if info.license:
            child(
                availability,
                "licence",
                f"The editorial matter and the data: {info.license_name}.",
                target=info.license_url,
            )
        if info.rights:
            child(availability, "p", f"© {info.rights}")
    file_desc.append(source)

    encoding = child(made, "encodingDesc")
    application = child(
        child(encoding, "appInfo"), "application", ident="sphinx-edition", version=version
    )
    child(application, "label", "sphinx-edition")
    child(child(encoding, "projectDesc"), "p", PROJECT_DESC.format(title=info.title))
    editorial = child(encoding, "editorialDecl")
    editorial.extend(_described(text) for text in EDITORIAL_DECL)
    editorial.extend(principles)
    taxonomy = child(child(encoding, "classDecl"), "taxonomy", **{XML_ID: "note-categories"})
    child(taxonomy, "desc", "The categories of the editorial notes.")
    for category in categories.values():
        item = child(taxonomy, "category", **{XML_ID: f"category-{category.name}"})
        child(item, "catDesc", f"{category.name}: {category.meaning}")

    profile = child(made, "profileDesc")
    language = info.language.split("-")[0].split("_")[0]
    child(
        child(profile, "langUsage"),
        "language",
        LANGUAGES.get(language, info.language),
        ident=info.language.replace("_", "-"),
    )
    calendars = child(profile, "calendarDesc")
    for ident, description in CALENDARS:
        child(child(calendars, "calendar", **{XML_ID: ident}), "p", description)
    return made


def source_desc(
    info: Edition, bibliography: dict[str, Any], witness: str, digest: str
) -> ET.Element:
    """The printed source (a bibliography entry, or text) and the witness file it became."""
    described = element("sourceDesc")
    if info.source in bibliography:
        printed = bibl(bibliography[info.source])
        printed.set("corresp", f"#{bibl_id(info.source)}")
    else:
        printed = element("bibl", info.source)
    if witness:
        if len(printed) or printed.text:
            add_text(printed, " ")
        child(
            printed,
            "note",
            f"Transcribed from the file {witness}"
            + (f" (SHA-256 {digest})" if digest else "")
            + ", one paragraph per line, and checked against it on every build.",
            type="witness",
        )
    if len(printed) or printed.text:
        described.append(printed)
    else:
        child(described, "p", "No printed source is named (edition_source).")
    return described


def principles_paragraphs(doctree: nodes.document) -> Iterator[ET.Element]:
    """A page as paragraphs: its headings in bold, code as ``<code>``, tables left out."""
    kinds = nodes.title | nodes.paragraph | nodes.literal_block
    for node in doctree.findall(lambda n: isinstance(n, kinds)):
        if enclosing(node, (nodes.table, Editorial)) is not None or isinstance(
            node.parent, nodes.document
        ):
            continue
        paragraph = element("p")
        if isinstance(node, nodes.literal_block):
            child(paragraph, "code", node.astext(), lang=node.get("language", ""))
        elif isinstance(node, nodes.title):
            child(paragraph, "hi", " ".join(node.astext().split()), rend="bold")
        else:
            paragraph.text = " ".join(node.astext().split())
        if len(paragraph) or paragraph.text:
            yield paragraph


def _described(text: str) -> ET.Element:
    """A paragraph about the encoding: ``<p>`` becomes ``<gi>p</gi>``, ``@n`` ``<att>n</att>``."""
    made = element("p")
    position = 0
    for found in _MARKUP_NAME.finditer(text):
        add_text(made, text[position : found.start()])
        if found.group(1):
            child(made, "gi", found.group(1))
        else:
            child(made, "att", found.group(2))
        position = found.end()
    add_text(made, text[position:])
    return made
