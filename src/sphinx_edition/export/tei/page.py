"""``sphinx-build -b tei``: the whole edition as one TEI P5 document.

:class:`TeiWriter` walks the resolved doctrees of the pages that hold the transcription and the
``ed`` domain's records, and builds::

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
:class:`TeiContext` holds what every page needs from the whole edition (made once per build),
:class:`PageWriter` turns one resolved page into a :class:`Part` (its paragraphs, the ids it
asks for, its problems and the answers it got from the context), and :func:`assemble` puts the
parts together, giving out the ids in document order.  A part is plain data, so the HTML build
keeps the parts of pages it did not write (:mod:`.tei_cache`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard
from urllib.parse import urldefrag, urljoin, urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.util.logging import get_node_location

from sphinx_edition import __version__
from sphinx_edition.config import config_location
from sphinx_edition.core.edition import Edition, edition
from sphinx_edition.core.vocabulary import CATEGORIES, KIND
from sphinx_edition.domain.domain import edition_domain
from sphinx_edition.export.tei.dates import date_attributes
from sphinx_edition.export.tei.header import header, principles_paragraphs, source_desc
from sphinx_edition.export.tei.standoff import bibl_id, standoff
from sphinx_edition.export.tei.xml import (
    XML_ID,
    XML_LANG,
    add_text,
    child,
    element,
    serialise,
    xml_name,
)
from sphinx_edition.markup import bibliography
from sphinx_edition.markup.nodes import (
    Editorial,
    correction,
    date_mention,
    editorial_note,
    enclosing,
    lemma,
    mention,
    note_ref,
    witness_paragraph,
    witness_text,
)
from sphinx_edition.markup.paragraphs import paragraph_id
from sphinx_edition.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

TEI_FILE = "edition.tei.xml"
SAFE_SCHEMES = {"http", "https", "mailto"}
ORDER = "ed-order"
"""A part's own attribute on an element that wants an id, until :func:`assemble` checks it."""

Resolve = Callable[[str], nodes.document]
"""Gives the resolved doctree of a document."""

Location = str | tuple[str | None, int | None]
Problem = tuple[Subtype, str, "Location | nodes.Node"]
"""A warning for the caller to emit (the HTML build resolves doctrees with logging off)."""

Question = tuple[str, str, str]
"""What a page asks of the whole edition: ("known", id, ""), ("entry", id, kind),
("term", term, ""), ("cite", citation id, "") or ("label", bibliography key, "")."""

Event = tuple[Subtype | None, str, str, Location]
"""In a part, in document order: (None, order, id, location) where an element wants an id,
(subtype, message, "", location) for any other problem."""


@dataclass(frozen=True)
class Part:
    """The TEI of one page, and what it was made from, so that it can be kept and checked."""

    docname: str
    read: int  # the environment's reading time of the page when the part was made
    page: str  # the page's URL, for links that leave the TEI
    blocks: tuple[ET.Element, ...]  # the <p>s and <div>s of the body, for a transcribed page
    events: tuple[Event, ...]
    answers: tuple[tuple[Question, str], ...]
    principles: tuple[ET.Element, ...]  # for the editorial principles page
    definitions: tuple[tuple[str, str], ...]  # (term anchor, definition) for a glossary page


class TeiContext:
    """What the TEI of every page needs from the whole edition; made once per build."""

    def __init__(self, env: BuildEnvironment, page_uri: Callable[[str], str]):
        self.env = env
        self.page_uri = page_uri  # a page's URI relative to the site's root
        self.info: Edition = edition(env.config)
        self.domain = edition_domain(env)
        self.bibliography = bibliography.entries(env)
        self.citation_keys = bibliography.citation_ids(env)
        self.labels = bibliography.labels(env)
        self.known = self._local_ids()
        self.term_anchors = self._term_anchors()

    def _local_ids(self) -> set[str]:
        """Every id the document will hold, so that links to them become local pointers."""
        known = {paragraph_id(s.paragraph) for s in self.domain.segments if s.paragraph}
        known.update(e.anchor for e in self.domain.all_entries())
        known.update(xml_name(t.anchor) for t in self.domain.terms if t.anchor)
        for note in self.domain.notes:
            known.update((note.anchor, f"lemma-{note.anchor.removeprefix('note-')}"))
        known.update(bibl_id(key) for key in self.labels)
        return known

    def _term_anchors(self) -> dict[str, str]:
        """The anchor of each term, as its first definition gives it."""
        anchors: dict[str, str] = {}
        for defined in self.domain.terms:
            anchors.setdefault(defined.term, defined.anchor)
        return anchors

    def answer(self, question: Question) -> str:
        """The answer to a page's question; "" for no (no such id, entry, term or key)."""
        what, name, kind = question
        if what == "known":
            return "1" if name in self.known else ""
        if what == "entry":
            record = self.domain.entry(name, kind or None)
            return f"{record.kind} {record.anchor}" if record is not None else ""
        if what == "term":
            return self.term_anchors.get(name, "")
        if what == "cite":
            return self.citation_keys.get(name, "")
        label: str = self.labels.get(name, "")
        return label

    def page_url(self, docname: str) -> str:
        return self.info.page_url(self.page_uri(docname))

    def transcription_docnames(self) -> list[str]:
        """The pages that hold the transcription, in the order of their paragraphs."""
        first: dict[str, int] = {}
        for segment in self.domain.segments:
            number = segment.paragraph or 10**9
            first[segment.docname] = min(first.get(segment.docname, number), number)
        return sorted(first, key=lambda d: (first[d], d))

    def glossary_docnames(self) -> list[str]:
        return sorted({t.docname for t in self.domain.terms})

    def principles_docname(self) -> str:
        """The editorial principles page, if it is one of the project's documents."""
        docname = self.info.principles
        return docname if docname and docname in self.env.found_docs else ""

    def needed(self) -> list[str]:
        """The pages the TEI is made from, each once, in the order they are used."""
        order = [self.principles_docname(), *self.transcription_docnames()]
        return list(dict.fromkeys(d for d in [*order, *self.glossary_docnames()] if d))

    def is_current(self, part: Part) -> bool:
        """Whether a part kept from an earlier build still says what the page would say now."""
        return (
            part.read == self.env.all_docs.get(part.docname)
            and part.page == self.page_url(part.docname)
            and all(self.answer(question) == given for question, given in part.answers)
        )


def make_part(context: TeiContext, docname: str, doctree: nodes.document) -> Part:
    """The part of the TEI that the resolved *doctree* of *docname* gives."""
    writer = PageWriter(context, docname)
    blocks: tuple[ET.Element, ...] = ()
    if docname in context.transcription_docnames():
        blocks = writer.body(doctree)
    principles: tuple[ET.Element, ...] = ()
    if docname == context.info.principles:
        principles = tuple(principles_paragraphs(doctree))
    definitions: tuple[tuple[str, str], ...] = ()
    if any(t.docname == docname for t in context.domain.terms):
        definitions = _definitions(doctree)
    return Part(
        docname=docname,
        read=context.env.all_docs.get(docname, 0),
        page=context.page_url(docname),
        blocks=blocks,
        events=tuple(writer.events),
        answers=tuple(writer.answers.items()),
        principles=principles,
        definitions=definitions,
    )


class PageWriter:
    """Builds the TEI of one page's transcription from its resolved doctree."""

    def __init__(self, context: TeiContext, docname: str):
        self.context = context
        self.docname = docname
        self.events: list[Event] = []
        self.answers: dict[Question, str] = {}
        self.notes: dict[str, editorial_note] = {}
        self.pending: list[nodes.Element] = []

    def ask(self, what: str, name: str, kind: str = "") -> str:
        question = (what, name, kind)
        found = self.answers.get(question)
        if found is None:
            found = self.answers[question] = self.context.answer(question)
        return found

    def problem(self, subtype: Subtype, message: str, where: Location | nodes.Node) -> None:
        location = get_node_location(where) or "" if isinstance(where, nodes.Node) else where
        self.events.append((subtype, message, "", location))

    def _assign_id(self, made: ET.Element, wanted: str, node: nodes.Node) -> None:
        # Set now, where the attribute stands in the printed document; taken off by
        # assemble() if an earlier page has it.
        order, name = str(len(self.events)), xml_name(wanted)
        made.set(XML_ID, name)
        made.set(ORDER, order)
        self.events.append((None, order, name, get_node_location(node) or ""))

    # -- the text ------------------------------------------------------------------------

    def body(self, doctree: nodes.document) -> tuple[ET.Element, ...]:
        body = element("body")
        self.notes = {n["anchor"]: n for n in doctree.findall(editorial_note)}
        self.pending = []
        for node in doctree.children:
            self.block(body, node)
        if self.pending:
            self.problem(
                Subtype.EXPORT,
                "TEI: witness text set as a heading with no paragraph after it",
                self.pending[0],
            )
        return tuple(body)

    def block(self, parent: ET.Element, node: nodes.Node) -> None:
        if isinstance(node, nodes.section):
            self.section(parent, node)
        elif isinstance(node, witness_paragraph):
            parent.append(self.paragraph(node))
        elif isinstance(node, nodes.Element) and any(True for _ in node.findall(witness_paragraph)):
            for item in node.children:
                self.block(parent, item)

    def section(self, parent: ET.Element, node: nodes.section) -> None:
        div = element("div", type="section")
        for item in node.children:
            if isinstance(item, nodes.title):
                run_in = list(item.findall(witness_text))
                if run_in:
                    self.pending.extend(run_in)
                else:
                    child(div, "head", " ".join(_plain(item).split()))
            else:
                self.block(div, item)
        if any(c.tag in {"p", "div"} for c in div):
            parent.append(div)

    def paragraph(self, node: witness_paragraph) -> ET.Element:
        made = element("p", n=str(node["n"]))
        if node["ids"]:  # a number given twice in a page has its id once (edition.witness)
            self._assign_id(made, paragraph_id(node["n"]), node)
        if self.pending:
            heading = child(made, "seg", type="heading", rend="run-in")
            for run_in in self.pending:
                self.inline(heading, run_in)
            self.pending = []
            add_text(made, " ")
        first = True
        for item in node.children:
            # Notes stand at their markers; anything else that is not a paragraph is the
            # editor's, not the witness's.
            if isinstance(item, nodes.paragraph):
                if not first:
                    add_text(made, " ")
                self.inline(made, item)
                first = False
        return made

    def inline(self, parent: ET.Element, node: nodes.Node) -> None:
        """Add the TEI for *node* (text, a mention, a date, a lemma, a term …) to *parent*."""
        if isinstance(node, nodes.Text):
            add_text(parent, node.astext().replace("\n", " "))
        elif isinstance(node, note_ref):
            found = self.notes.get(node["anchor"])
            if found is not None:
                parent.append(self.note(found))
        elif isinstance(node, Editorial | nodes.raw | nodes.comment | nodes.system_message):
            return
        elif isinstance(node, mention):
            self.mention(parent, node)
        elif isinstance(node, date_mention):
            self.date(parent, node)
        elif isinstance(node, lemma):
            self.lemma(parent, node)
        elif _is_term(node):
            self.term(parent, node)
        elif isinstance(node, nodes.inline) and "bibtex-citation" in node["classes"]:
            self.citation(parent, node)
        elif isinstance(node, nodes.emphasis | nodes.strong | nodes.literal):
            rend = {nodes.emphasis: "italic", nodes.strong: "bold"}.get(type(node), "code")
            self.children(child(parent, "hi", rend=rend), node)
        elif isinstance(node, nodes.reference) and enclosing(node, mention) is None:
            target = self.target(node)
            self.children(child(parent, "ref", target=target) if target else parent, node)
        elif isinstance(node, nodes.Element):
            self.children(parent, node)

    def children(self, parent: ET.Element, node: nodes.Node) -> None:
        for item in node.children if isinstance(node, nodes.Element) else ():
            self.inline(parent, item)

    def mention(self, parent: ET.Element, node: mention) -> None:
        kind = node["kind"]
        found = self.ask("entry", node["target"], "" if kind == "entry" else kind)
        kind, _, anchor = found.partition(" ") if found else (kind, "", "")
        tag = KIND[kind].tei_mention if kind in KIND else "rs"
        made = child(parent, tag, ref=f"#{anchor}" if found else "")
        if made.tag == "rs":
            made.set("type", kind if kind in KIND else "entry")
        self.children(made, node)

    def date(self, parent: ET.Element, node: date_mention) -> None:
        attributes: dict[str, str] = {}
        if node["value"]:
            try:
                attributes = date_attributes(node["value"], node["calendar"])
            except ValueError:
                attributes = {}  # reported where the date is written
        event = self.ask("entry", node["event"], "event") if node["event"] else ""
        if event:
            attributes["corresp"] = f"#{event.partition(' ')[2]}"
        self.children(child(parent, "date", **attributes), node)

    def lemma(self, parent: ET.Element, node: lemma) -> None:
        printed = next(
            (c for c in node.children if isinstance(c, nodes.inline) and "ed-sic" in c["classes"]),
            node,
        )
        corrected = next((c for c in node.children if isinstance(c, correction)), None)
        wanted = node["ids"][0] if node["ids"] else ""
        if corrected is not None:
            made = child(parent, "choice")
            self.children(child(made, "sic"), printed)
            child(made, "corr", " ".join(corrected.astext().split()))
        else:
            made = child(parent, "seg", type="lemma")
            self.children(made, printed)
        if wanted:
            self._assign_id(made, wanted, node)

    def term(self, parent: ET.Element, node: nodes.Element) -> None:
        anchor = ""
        if isinstance(node, addnodes.pending_xref):
            wanted = str(node["reftarget"]).lower()
            anchor = self.ask("term", wanted)
        else:
            anchor = urldefrag(node.get("refuri", ""))[1] or node.get("refid", "")
        name = xml_name(anchor) if anchor else ""
        known = bool(name) and bool(self.ask("known", name))
        self.children(child(parent, "term", ref=f"#{name}" if known else ""), node)

    def citation(self, parent: ET.Element, node: nodes.inline) -> None:
        """A citation in a note, ``(Lüthi, 2008)``: a <bibl> whose links name the entries."""
        made = child(parent, "bibl")
        for item in node.children:
            if isinstance(item, nodes.reference):
                fragment = urldefrag(item.get("refuri", ""))[1] or item.get("refid", "")
                key = self.ask("cite", fragment) if fragment else ""
                target = f"#{bibl_id(key)}" if key and self.ask("label", key) else ""
                self.children(child(made, "ref", target=target) if target else made, item)
            else:
                self.inline(made, item)

    def target(self, node: nodes.Element) -> str:
        """Where a link in a note goes: an id of this document, or the page on the web."""
        refuri = node.get("refuri", "")
        if node.get("refid"):
            refuri = f"#{node['refid']}"
        scheme = urlsplit(refuri).scheme.lower()
        if scheme:
            # Other schemes (javascript:, data:) would run in a reader's TEI viewer.
            return str(refuri) if scheme in SAFE_SCHEMES else ""
        fragment = urldefrag(refuri)[1]
        if fragment and self.ask("known", xml_name(fragment)):
            return f"#{xml_name(fragment)}"
        page = self.context.page_url(self.docname)
        return urljoin(page, refuri) if page else ""

    def note(self, node: editorial_note) -> ET.Element:
        number = node.get("number") or 0
        category = node.get("category", "")
        made = element(
            "note",
            type=category,
            n=str(number) if number else "",
            ana=f"#category-{category}" if category in CATEGORIES else "",
        )
        anchor = node["anchor"]
        self._assign_id(made, anchor, node)
        made.set("target", f"#lemma-{anchor.removeprefix('note-')}")
        body = next(
            (c for c in node.children if isinstance(c, nodes.container)),
            None,
        )
        for block in body.children if body is not None else ():
            if isinstance(block, nodes.paragraph):
                self.children(child(made, "p"), block)
            elif isinstance(block, nodes.Element) and block.astext().strip():
                child(made, "p", " ".join(block.astext().split()))
        given: tuple[str, ...] = tuple(node.get("sources", ()))
        sources = [key for key in given if key]
        if sources:
            listing = child(made, "listBibl", type="sources")
            for key in sources:
                label = self.ask("label", key)
                target = f"#{bibl_id(key)}" if label else ""
                child(child(listing, "bibl"), "ref", label or key, target=target)
        return made


def _definitions(doctree: nodes.document) -> tuple[tuple[str, str], ...]:
    """The full definition of each glossary term on a page, by the term's anchor."""
    found: list[tuple[str, str]] = []
    for item in doctree.findall(nodes.definition_list_item):
        definition = next(iter(item.findall(nodes.definition)), None)
        if definition is None:
            continue
        text = " ".join(definition.astext().split())
        for term in item.findall(nodes.term):
            found.extend((anchor, text) for anchor in term["ids"])
    return tuple(found)


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
    root.append(header(info, source, principles, __version__))
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


def _is_term(node: nodes.Node) -> TypeGuard[nodes.Element]:
    if isinstance(node, addnodes.pending_xref):
        return bool(node.get("refdomain") == "std" and node.get("reftype") == "term")
    if isinstance(node, nodes.reference) and node.children:
        first = node.children[0]
        return isinstance(first, nodes.Element) and "std-term" in first.get("classes", [])
    return False


def _plain(node: nodes.Node) -> str:
    """The text of *node* without the editorial nodes in it (note markers)."""
    if isinstance(node, Editorial):
        return ""
    if isinstance(node, nodes.Text):
        return node.astext()
    if isinstance(node, nodes.Element):
        return "".join(_plain(c) for c in node.children)
    return ""


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
            paragraphs = (" ".join("".join(p.itertext()).split()) for p in note.findall("p"))
            found[ident] = " ".join(paragraphs)
    return found


def report(problems: list[Problem]) -> None:
    for subtype, message, location in problems:
        warn(subtype, message, location)
