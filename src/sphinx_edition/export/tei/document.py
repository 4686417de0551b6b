"""The whole edition as one TEI P5 document, assembled from the pages' parts.

From the resolved pages that hold the transcription and the ``ed`` domain's records::

    <TEI>
      <teiHeader>   title and editors, the printed source, the editorial principles,
                    the note categories (a taxonomy) and the calendars
      <text><body>  one <p n="N" xml:id="pN"> per witness paragraph, in <div>s as the pages'
                    sections; mentions as <persName>/<placeName>/<orgName>/<rs type="event">,
                    dates as <date> with when/from/to/notBefore/notAfter, lemmas with a
                    correction as <choice><sic/><corr/></choice>, notes as <note type="…">
                    at their markers, glossary terms as <term>
            <back>  the glossary
      <standOff>    listPerson, listEvent, listPlace, listOrg, listBibl

The printed text is kept whole: the text of each ``<p>``, leaving out ``<corr>`` and
``<note>``, is the witness's paragraph.  A run-in word that the edition sets as a heading
("Background", the start of ¶5) stays at the start of its paragraph, as printed, in
``<seg type="heading" rend="run-in">``: so ``p[@n=5]`` is the whole of witness line 5, and the
seg says what the edition makes of it.

The work is split so that an HTML build pays for a page only when it writes it:
:class:`.context.TeiContext` holds what every page needs from the whole edition (made once
per build), :class:`.page.PageWriter` turns one resolved page into a :class:`.context.Part`
(its paragraphs, the ids it asks for, its problems and the answers it got from the context),
and :func:`assemble` puts the parts together, giving out the ids in document order.  A part is
plain data, so the HTML build keeps the parts of pages it did not write (:mod:`.cache`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_edition import __version__
from sphinx_edition.config import config_location
from sphinx_edition.export.tei.header import header, source_desc
from sphinx_edition.export.tei.standoff import standoff
from sphinx_edition.export.tei.xml import (
    XML_ID,
    XML_LANG,
    child,
    element,
    serialise,
    xml_name,
)
from sphinx_edition.warnings import Subtype, warn

if TYPE_CHECKING:
    pass

from sphinx_edition.export.tei.context import ORDER, TEI_FILE, Part, Problem, Resolve, TeiContext
from sphinx_edition.export.tei.page import make_part

__all__ = ["TEI_FILE", "make_parts", "note_texts", "report", "write_tei"]


def assemble(context: TeiContext, parts: Mapping[str, Part]) -> tuple[ET.Element, list[Problem]]:
    """The TEI document from the parts of the pages in :meth:`TeiContext.needed`, with the
    problems found; an id asked for twice goes to the first asker, in document order."""

    info, domain = context.info, context.domain
    problems: list[Problem] = []
    ids: set[str] = set()
    root = element("TEI", **{XML_LANG: info.language})
    principles: Iterable[ET.Element] = ()
    if info.principles and not context.principles_docname():
        problems.append(
            (
                Subtype.EXPORT,
                f"edition_principles: no document {info.principles!r}; the TEI header leaves it "
                "out",
                config_location(context.env.srcdir, "edition_principles"),
            )
        )
    elif info.principles:
        principles = parts[info.principles].principles
    witness = context.env.config.edition_witness or ""
    source = source_desc(
        info,
        context.bibliography,
        Path(witness).name if witness else "",
        domain.data.get("witness_digest", ""),
    )
    root.append(header(info, source, principles, __version__, context.categories))
    text = child(root, "text", **{XML_LANG: info.language})
    body = child(text, "body")
    last = ""
    # A note id given on two pages is the domain's edition.duplicate; its TEI ids go quietly.
    given = Counter(n.anchor.removeprefix("note-") for n in context.domain.notes)
    reported = {f"{kind}-{a}" for a, count in given.items() if count > 1 for kind in NOTE_IDS}
    for docname in context.transcription_docnames():
        last = docname
        part = parts[docname]
        wanting = {
            made.get(ORDER): made
            for block in part.blocks
            for made in block.iter()
            if ORDER in made.attrib
        }
        body.extend(part.blocks)
        for subtype, first, second, location in part.events:
            if subtype is not None:
                problems.append((subtype, first, location))
                continue
            made = wanting[first]
            del made.attrib[ORDER]
            if second in ids:
                if second not in reported:
                    problems.append((Subtype.EXPORT, _twice(second), location))
                del made.attrib[XML_ID]
            else:
                ids.add(second)
    if not len(body):
        problems.append(
            (
                Subtype.EXPORT,
                "TEI: the edition has no transcription (no ed:paragraph); its body is empty",
                config_location(context.env.srcdir, "edition_witness"),
            )
        )
        child(body, "p")
    terms = sorted(domain.terms, key=lambda t: (t.display.lower(), t.anchor))
    if terms:
        definitions: dict[str, str] = {}
        for docname in context.glossary_docnames():
            definitions.update(parts[docname].definitions)
        div = element("div", type="glossary")
        child(div, "head", "Glossary")
        listing = child(div, "list", type="gloss")
        for term in terms:
            label = child(listing, "label")
            made = child(label, "term", term.display)
            name = xml_name(term.anchor)
            if term.anchor and name in ids:
                problems.append((Subtype.EXPORT, _twice(name), (last, 0)))
            elif term.anchor:
                ids.add(name)
                made.set(XML_ID, name)
            child(listing, "item", definitions.get(term.anchor) or term.definition)
        child(text, "back").append(div)
    anchors = {t.term: xml_name(t.anchor) for t in domain.terms if t.anchor}
    stand_off = standoff(domain.all_entries(), context.bibliography, context.labels, anchors)
    if len(stand_off):
        root.append(stand_off)
    return root, problems


NOTE_IDS = ("note", "lemma")  # the xml:id prefixes a note's anchor gives


def _twice(name: str) -> str:
    return f"TEI: the id {name!r} is given twice; the second is left without it"


def make_parts(context: TeiContext, resolve: Resolve) -> dict[str, Part]:
    """The parts of every page the TEI needs, each page resolved once."""
    return {d: make_part(context, d, resolve(d)) for d in context.needed()}


def write_tei(
    context: TeiContext, parts: Mapping[str, Part], path: Path
) -> tuple[ET.Element, list[Problem]]:
    """Assemble the TEI document of the edition, write it to *path*, and return it with the
    problems found (for the caller to report)."""
    root, problems = assemble(context, parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(serialise(root))
    return root, problems


def note_texts(root: ET.Element) -> dict[str, str]:
    """The explanation of each note as the TEI gives it (citations as printed), by id."""
    found = {}
    for note in root.iter("note"):
        ident = note.get(XML_ID)
        if ident and note.get("target"):
            paragraphs = (
                " ".join("".join(p.itertext()).split())
                for p in note.findall("p")
                if not _is_reading(p)  # the corrected statement has a column of its own
            )
            found[ident] = " ".join(paragraphs)
    return found


def report(problems: list[Problem]) -> None:
    for subtype, message, location in problems:
        warn(subtype, message, location)


def _is_reading(paragraph: ET.Element) -> bool:
    """Whether a note's paragraph holds only its reading (a corrected statement)."""
    segs = paragraph.findall("seg")
    return len(paragraph) == 1 == len(segs) and not (paragraph.text or "").strip()
