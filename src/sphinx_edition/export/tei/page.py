"""One resolved page as TEI: :class:`PageWriter` turns its doctree into a :class:`.Part`.

Paragraphs become ``<p n="N" xml:id="pN">``; mentions ``<persName>``/``<placeName>``/
``<orgName>``/``<rs type="event">``; dates ``<date>`` with when/from/to/notBefore/notAfter;
notes ``<note>`` at their markers; glossary terms ``<term>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, TypeGuard
from urllib.parse import urldefrag, urljoin, urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.util.logging import get_node_location

from sphinx_edition.core.vocabulary import CORRECTION, EMENDATION, KIND
from sphinx_edition.export.tei.dates import date_attributes
from sphinx_edition.export.tei.header import EDITORS_ID, principles_paragraphs
from sphinx_edition.export.tei.standoff import bibl_id
from sphinx_edition.export.tei.xml import (
    XML_ID,
    add_text,
    child,
    element,
    xml_name,
)
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
from sphinx_edition.warnings import Subtype

if TYPE_CHECKING:
    pass

from sphinx_edition.export.tei.context import (
    ORDER,
    SAFE_SCHEMES,
    Event,
    Location,
    Part,
    Question,
    TeiContext,
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
        # Only an emendation is an error of the text (TEI <sic>/<corr>); a historical
        # correction leaves the text as the author wrote it, and its note gives the correction.
        if corrected is not None and node.get("act") == EMENDATION:
            made = child(parent, "choice")
            self.children(child(made, "sic"), printed)
            child(made, "corr", " ".join(corrected.astext().split()), resp=f"#{EDITORS_ID}")
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
        act = node.get("act", "")
        declared = self.context.categories.get(category)
        made = element(
            "note",
            type=(declared.tei_type or category) if declared is not None else category,
            subtype=act,
            n=str(number) if number else "",
            ana=f"#category-{category}" if declared is not None else "",
            resp=f"#{EDITORS_ID}",
        )
        anchor = node["anchor"]
        self._assign_id(made, anchor, node)
        made.set("target", f"#lemma-{anchor.removeprefix('note-')}")
        corr = " ".join(str(node.get("corr", "")).split())
        if corr and act != EMENDATION:
            # The corrected statement, in the note: the text keeps what the author wrote.
            kind = "corrected-statement" if act == CORRECTION else "alternative-reading"
            child(child(made, "p"), "seg", corr, type=kind)
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
