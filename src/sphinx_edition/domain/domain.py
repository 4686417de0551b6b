"""The ``ed`` domain: the edition's cross-document data, its purge and merge, and its checks.

Data shape (``data_version`` 8); every record carries its docname, so purge is a filter::

    {
        "segments": [Segment, ...],          # the transcription, in document order
        "entries": {id: [Entry, ...]},       # register entries (a list, to catch duplicates)
        "mentions": [Mention, ...],          # text naming an entry
        "dates": [DateMention, ...],         # date expressions in the text
        "notes": [Note, ...],                # the critical apparatus
        "durations": [Duration, ...],        # claims of duration in the text
        "sequences": [Sequence, ...],        # claims of order in the text
        "links": [ExternalLink, ...],        # external URLs, for the form check
        "term_uses": [TermUse, ...],         # {term} references
        "terms": [TermDefinition, ...],      # glossary terms as defined
        "unmarked": [Unmarked, ...],         # names the editor left unmarked on purpose
        "witness_digest": str,               # SHA-256 of the witness at the last check
        "fingerprints": {id: str},           # what each entry looked like at the last write
        "link_fingerprints": {id: str},      # where links to it pointed and the name shown
        "shows": {docname: (kind, ...)},     # pages holding registers, back-references,
                                             # the timeline ("timeline") or the changelog
                                             # ("changes"), for rewriting
        "index_entries": {docname: ((entry, id, main), ...)},  # for the search index
        "docnames": {docname, ...},          # the documents read, so that clearing one that
                                             # holds nothing costs nothing
        "fragment_redirects": {docname: {old id: "page#id"}},  # what each page's fragment
                                             # redirect script does (derived on env-updated)
        "changes_digest": str,               # the notes and the manifest, as the changelog
                                             # was last shown
        "memo": {part: (made with, {...})},  # pure results kept between builds (.memo)
    }
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain, ObjType
from sphinx.util.nodes import make_refnode

from sphinx_edition.checks.findings import PROBLEM, Data, Finding
from sphinx_edition.checks.rules import check_all
from sphinx_edition.core.records import (
    DateMention,
    Entry,
    Mention,
    Note,
    Segment,
    TermDefinition,
    TermUse,
)
from sphinx_edition.core.vocabulary import KIND, KINDS
from sphinx_edition.domain import collect, memo
from sphinx_edition.domain.anchors import check_anchors
from sphinx_edition.domain.consistency import check_note_ids, check_witness, order_duplicates
from sphinx_edition.domain.elements import Elements
from sphinx_edition.domain.indices import REGISTER_INDICES
from sphinx_edition.domain.names import ForgivingNames
from sphinx_edition.locale import _
from sphinx_edition.markup.changes import ChangesDirective
from sphinx_edition.markup.entries import ENTRY_DIRECTIVES
from sphinx_edition.markup.nodes import plain_link
from sphinx_edition.markup.notes import NoteDirective
from sphinx_edition.markup.paragraphs import ParagraphDirective, paragraph_id
from sphinx_edition.markup.registers import ApparatusDirective, RegisterDirective, TimelineDirective
from sphinx_edition.markup.roles import (
    DateRole,
    DurationRole,
    MentionRole,
    ParagraphReferenceRole,
    SequenceRole,
    UnmarkedRole,
    WitnessTextRole,
)
from sphinx_edition.warnings import warn

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class EditionDomain(ForgivingNames, Domain):
    """The ``ed`` domain of sphinx-edition."""

    name = "ed"
    label = _("Edition")
    object_types: ClassVar[dict[str, ObjType]] = {
        kind: ObjType(_(KIND[kind].label), kind, "entry") for kind in KINDS
    }
    directives: ClassVar[dict[str, Any]] = {
        "paragraph": ParagraphDirective,
        "register": RegisterDirective,
        "note": NoteDirective,
        "apparatus": ApparatusDirective,
        "timeline": TimelineDirective,
        "changes": ChangesDirective,
        **ENTRY_DIRECTIVES,
    }
    roles: ClassVar[dict[str, Any]] = {
        "text": WitnessTextRole(),
        "unmarked": UnmarkedRole(),
        "para": ParagraphReferenceRole(),
        "date": DateRole(),
        "duration": DurationRole(),
        "sequence": SequenceRole(),
        "entry": MentionRole(),
        **{kind: MentionRole() for kind in KINDS},
    }
    indices = REGISTER_INDICES
    # What check_consistency() found in this build (None before it ran, or with the checks
    # off): a result of the records, not data of the environment.
    _findings: list[Finding] | None = None
    initial_data: ClassVar[dict[str, Any]] = {
        "segments": [],
        "entries": {},
        "mentions": [],
        "dates": [],
        "notes": [],
        "durations": [],
        "sequences": [],
        "links": [],
        "term_uses": [],
        "terms": [],
        "unmarked": [],
        "witness_digest": "",
        "fingerprints": {},
        "link_fingerprints": {},
        "shows": {},
        "index_entries": {},
        "docnames": set(),
        "fragment_redirects": {},
        "changes_digest": "",
        "memo": {},
    }
    data_version = 8

    # -- the data, typed ---------------------------------------------------------------

    @property
    def segments(self) -> list[Segment]:
        return cast("list[Segment]", self.data["segments"])

    @property
    def entries(self) -> dict[str, list[Entry]]:
        return cast("dict[str, list[Entry]]", self.data["entries"])

    @property
    def mentions(self) -> list[Mention]:
        return cast("list[Mention]", self.data["mentions"])

    @property
    def dates(self) -> list[DateMention]:
        return cast("list[DateMention]", self.data["dates"])

    @property
    def notes(self) -> list[Note]:
        return cast("list[Note]", self.data["notes"])

    @property
    def terms(self) -> list[TermDefinition]:
        return cast("list[TermDefinition]", self.data["terms"])

    @property
    def term_uses(self) -> list[TermUse]:
        return cast("list[TermUse]", self.data["term_uses"])

    def entry(self, entry_id: str, kind: str | None = None) -> Entry | None:
        """The entry with *entry_id* (of *kind*, if given); the first in document order if it
        is duplicated (see :meth:`check_consistency`)."""
        for record in self.entries.get(entry_id, ()):
            if kind is None or record.kind == kind:
                return record
        return None

    def all_entries(self) -> Iterator[Entry]:
        for records in self.entries.values():
            yield from records[:1]

    def note_entry(self, record: Entry) -> None:
        self.entries.setdefault(record.id, []).append(record)

    # -- purge and merge ---------------------------------------------------------------

    _LISTS = (
        "segments",
        "mentions",
        "dates",
        "notes",
        "durations",
        "sequences",
        "links",
        "term_uses",
        "terms",
        "unmarked",
    )

    def clear_doc(self, docname: str) -> None:
        # Sphinx clears every document before reading it, also in a fresh build: without this
        # test, reading N documents would scan the records of all those read before, N² / 2.
        if docname not in self.data["docnames"]:
            return
        self.data["docnames"].discard(docname)
        for key in self._LISTS:
            self.data[key] = [r for r in self.data[key] if r.docname != docname]
        self.data["shows"].pop(docname, None)
        self.data["index_entries"].pop(docname, None)
        for entry_id in list(self.entries):
            kept = [r for r in self.entries[entry_id] if r.docname != docname]
            if kept:
                self.entries[entry_id] = kept
            else:
                del self.entries[entry_id]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        memo.learn(otherdata.get(memo.KEY))
        self.data["docnames"].update(docnames & otherdata["docnames"])
        for key in self._LISTS:
            self.data[key].extend(r for r in otherdata[key] if r.docname in docnames)
        for docname in docnames & otherdata["shows"].keys():
            self.data["shows"][docname] = otherdata["shows"][docname]
        for docname in docnames & otherdata["index_entries"].keys():
            self.data["index_entries"][docname] = otherdata["index_entries"][docname]
        for records in otherdata["entries"].values():
            for record in records:
                if record.docname in docnames:
                    self.note_entry(record)

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        self.data["docnames"].add(docname)
        elements = Elements(document)
        for record in collect.entries(docname, elements):
            self.note_entry(record)
        self.segments.extend(collect.segments(docname, elements))
        self.mentions.extend(collect.mentions(docname, elements))
        self.dates.extend(collect.dates(docname, elements))
        self.notes.extend(collect.notes(docname, elements))
        self.data["durations"].extend(collect.durations(docname, elements))
        self.data["sequences"].extend(collect.sequences(docname, elements))
        self.data["links"].extend(collect.external_links(docname, elements))
        self.term_uses.extend(collect.term_uses(docname, elements))
        self.terms.extend(collect.terms(docname, elements))
        self.data["unmarked"].extend(collect.unmarked_words(docname, elements))
        index = collect.index_entries(elements)
        if index:
            self.data["index_entries"][docname] = index
        shows = collect.shown_kinds(elements)
        if shows:
            self.data["shows"][docname] = shows

    # -- cross-references --------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == "para":
            return self._resolve_paragraph(fromdocname, builder, target, contnode)
        if typ == "apparatus":
            return self._resolve_apparatus_row(fromdocname, builder, target, contnode)
        record = self.entry(target, None if typ == "entry" else typ)
        if record is None:
            return None
        # A link without its own words (an event's participants and places) shows the name.
        if not node.get("refexplicit"):
            contnode = nodes.inline(text=record.name, classes=contnode["classes"])
        return make_refnode(
            builder,
            fromdocname,
            record.docname,
            record.anchor,
            contnode,
            # No title: on the web the card shows the summary; a title would repeat it in
            # every link of the page (and cover the card with the browser's own tooltip).
        )

    def _resolve_paragraph(
        self, fromdocname: str, builder: Builder, target: str, contnode: nodes.Element
    ) -> nodes.reference | None:
        if not target.isdigit():
            return None
        for segment in self.segments:
            if segment.kind == "paragraph" and segment.paragraph == int(target):
                return make_refnode(
                    builder,
                    fromdocname,
                    segment.docname,
                    paragraph_id(segment.paragraph),
                    contnode,
                    f"paragraph {segment.paragraph}",
                )
        return None

    def _resolve_apparatus_row(
        self, fromdocname: str, builder: Builder, anchor: str, contnode: nodes.Element
    ) -> nodes.reference | None:
        """A note's number links to its row in the apparatus table, where there is one."""
        for docname, shows in sorted(self.data["shows"].items()):
            if "apparatus" in shows:
                link = make_refnode(
                    builder,
                    fromdocname,
                    docname,
                    f"a-{anchor}",
                    nodes.Text(contnode.astext()),  # the number alone: no wrapper
                )
                return plain_link("", "", *link.children, **link.attributes)
        return None

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        record = self.entry(target)
        if record is not None:
            found = self.resolve_xref(
                env, fromdocname, builder, record.kind, target, node, contnode
            )
            if found is not None:
                results.append((f"ed:{record.kind}", found))
        paragraph = self._resolve_paragraph(fromdocname, builder, target, contnode)
        if paragraph is not None:
            results.append(("ed:para", paragraph))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for record in self.all_entries():
            # The display name is the id too: Sphinx's search rebuilds the link from it when the
            # anchor is "kind-id", and the names are found by the full-text search anyway.
            yield record.id, record.id, record.kind, record.docname, record.anchor, 1

    def get_full_qualified_name(self, node: nodes.Element) -> str | None:
        target = node.get("reftarget")
        return str(target) if target else None

    # -- checks ------------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """Every rule's findings on the records as they stand at the end of reading.

        check_consistency() runs the rules once a build; the report and the summary line at
        the end of the build read what it found, not a second run of every rule (the records
        do not change after it). Outside a build that checked, the rules run here."""
        if self._findings is None:
            return check_all(self.rule_data())
        return self._findings

    def rule_data(self) -> Data:
        """The records the consistency rules read."""
        return Data(
            entries=self.entries,
            mentions=self.mentions,
            dates=self.dates,
            durations=self.data["durations"],
            sequences=self.data["sequences"],
            terms=self.terms,
            term_uses=self.term_uses,
            links=self.data["links"],
            segments=self.segments,
            unmarked=self.data["unmarked"],
        )

    def check_consistency(self) -> None:
        config = self.env.config
        # First: links to a duplicated id, and the warnings about it, follow this order.
        order_duplicates(self.entries, config.root_doc, self.env.toctree_includes)
        check_witness(self.segments, config.edition_witness, self.env.srcdir)
        check_note_ids(self.notes, config.root_doc, self.env.toctree_includes)
        check_anchors(self.env, self)
        self._findings = None
        if not config.edition_checks:
            return
        self._findings = check_all(self.rule_data())
        for finding in self._findings:
            if finding.status == PROBLEM:
                warn(finding.subtype, finding.message, (finding.docname, finding.line))


def edition_domain(env: BuildEnvironment) -> EditionDomain:
    """The ``ed`` domain of *env*, typed."""
    domain = env.domains["ed"]
    if not isinstance(domain, EditionDomain):  # pragma: no cover - only if misregistered
        raise TypeError("the 'ed' domain is not sphinx-edition's")
    return domain
