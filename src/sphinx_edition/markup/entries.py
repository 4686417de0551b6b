"""Directives that define register entries (``ed:person`` …) and place registers and timelines."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx_design.badges_buttons import create_bdg_classes

from sphinx_edition.core import dates, fields
from sphinx_edition.core.dates import DateWords
from sphinx_edition.core.labels import dates_label
from sphinx_edition.core.records import Entry
from sphinx_edition.core.vocabulary import AUTHORITIES, KIND, KINDS
from sphinx_edition.locale import _, date_words
from sphinx_edition.markup import bibliography
from sphinx_edition.markup.base import EditionDirective, Options
from sphinx_edition.markup.entry_fields import field, has_fields, joined, office_node
from sphinx_edition.markup.nodes import backrefs, entry_card, entry_fields, register_entry
from sphinx_edition.warnings import Subtype, warn

_COMMON: dict[str, Callable[[str], Any]] = {
    "name": directives.unchanged,
    "sort": directives.unchanged,
    "alt": directives.unchanged,
    "summary": directives.unchanged,
    "sources": directives.unchanged,
    "wikidata": directives.unchanged,
    "viaf": directives.unchanged,
    "geonames": directives.unchanged,
    "term": directives.unchanged,
}
_BY_KIND: dict[str, dict[str, Callable[[str], Any]]] = {
    "person": {
        "born": directives.unchanged,
        "died": directives.unchanged,
        "offices": directives.unchanged,
    },
    "event": {
        "date": directives.unchanged,
        "participants": directives.unchanged,
        "places": directives.unchanged,
    },
    "place": {"coords": directives.unchanged},
    "org": {"date": directives.unchanged},
}


class EntryDirective(EditionDirective):
    """``ed:person ID`` (and ``ed:event``, ``ed:place``, ``ed:org``): a register entry.

    Options are parsed here so that a malformed value is one located ``edition.*`` warning
    and the rest of the entry still renders.  The content is the longer description.
    """

    kind: ClassVar[str] = "person"
    optional_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        given = self.arguments[0] if self.arguments else ""
        try:
            entry_id = fields.entry_id(given)
        except fields.FieldError as err:
            warn(Subtype.OPTION, f"ed:{self.kind}: {err}", self.get_location())
            # The entry is still shown (nothing the editor wrote is lost), but it is no
            # record: nothing can link to an id that is not one.
            node = self._render(self._record(nodes.make_id(given) or self.kind))
            # Kept apart, for its fields to be drawn (render.entries), not collected.
            node["unlinked"] = node.attributes.pop("record")
            return [node]
        # The record travels on its node; the domain collects it when the page has been read.
        return [self._render(self._record(entry_id))]

    # -- reading the options ------------------------------------------------------------

    def _option(self, name: str, parse: Callable[[str], Any], subtype: Subtype) -> Any:
        text = self.options.get(name)
        if text is None:
            return None
        try:
            return parse(text)
        except fields.FieldError as err:
            self.warn(subtype, f"ed:{self.kind} {self.arguments[0]}: :{name}: {err}", name)
            return None

    def _record(self, entry_id: str) -> Entry:
        name = (self.options.get("name") or "").strip()
        if not name:
            warn(
                Subtype.OPTION,
                f"ed:{self.kind} {entry_id}: the :name: option is missing",
                self.get_location(),
            )
            name = entry_id
        date_roles = ("born", "died") if self.kind == "person" else ("date",)
        entry_dates = []
        for role in date_roles:
            value = self._option(role, fields.date, Subtype.DATE)
            if value:
                entry_dates.append((role, value))
        self._check_lifespan(entry_id, dict(entry_dates))
        authority = []
        for scheme in AUTHORITIES:
            value = self._option(scheme, partial(fields.authority, scheme), Subtype.AUTHORITY)
            if value:
                authority.append((scheme, value))
        lineno = self.lineno
        return Entry(
            docname=self.env.docname,
            lineno=lineno,
            kind=self.kind,
            id=entry_id,
            name=name,
            sort=(self.options.get("sort") or name).strip(),
            alt=self._option("alt", fields.alt_names, Subtype.OPTION) or (),
            summary=self._summary(),
            dates=tuple(entry_dates),
            offices=self._option("offices", fields.offices, Subtype.OPTION) or (),
            participants=self._option("participants", fields.id_list, Subtype.OPTION) or (),
            places=self._option("places", fields.id_list, Subtype.OPTION) or (),
            coords=self._option("coords", fields.coordinates, Subtype.COORDINATES),
            authority=tuple(authority),
            sources=self._sources(entry_id),
            term=" ".join((self.options.get("term") or "").split()),
        )

    def _summary(self) -> str:
        """The summary as plain text (for cards and data), its markup parsed for the register.

        A summary may use inline markup and roles ("met {ed:person}`Zhou <zhou-enlai>`"): the
        register shows them as the text does, the cards and data files their words.
        """
        raw = " ".join((self.options.get("summary") or "").split())
        self._summary_nodes: list[nodes.Node] = [nodes.Text(raw)]
        if not raw or fields.plain_words(
            raw, getattr(self.config, "myst_enable_extensions", None) or ()
        ):
            return raw
        parsed, messages = self.parse_inline(raw, lineno=self.option_line("summary"))
        if messages:
            problem = " ".join(m.astext() for m in messages)
            self.warn(Subtype.OPTION, f"ed:{self.kind}: :summary: {problem}", "summary")
            return raw
        self._summary_nodes = [_as_text_if_raw(node) for node in parsed]
        return " ".join("".join(n.astext() for n in parsed).split())

    def _check_lifespan(self, entry_id: str, given: dict[str, str]) -> None:
        """A person cannot die before they were born."""
        if "born" not in given or "died" not in given:
            return
        born, died = dates.parse(given["born"]), dates.parse(given["died"])
        if born.fuzzy_earliest and died.fuzzy_latest and died.fuzzy_latest < born.fuzzy_earliest:
            self.warn(
                Subtype.DATE,
                f"ed:{self.kind} {entry_id}: :died: {given['died']} is before :born: "
                f"{given['born']}",
                "died",
            )

    def _sources(self, entry_id: str) -> tuple[str, ...]:
        """The entry's bibliography keys; one not in the bibliography is reported, and left out."""
        keys: tuple[str, ...] = self._option("sources", fields.key_list, Subtype.OPTION) or ()
        known = bibliography.keys(self.env)
        if known is None:
            return keys
        for key in keys:
            if key not in known:
                self.warn(
                    Subtype.CITATION,
                    f"ed:{self.kind} {entry_id}: unknown bibliography key {key!r}",
                    "sources",
                )
        return tuple(k for k in keys if k in known)

    # -- rendering ----------------------------------------------------------------------

    def _render(self, record: Entry) -> register_entry:
        words = date_words(self.config.language)
        label = dates_label(record, words)
        header = nodes.paragraph(classes=["ed-entry-title"])
        header += nodes.strong(text=record.name)
        header += nodes.Text(" ")
        header += nodes.inline(
            text=_(KIND[record.kind].label),
            classes=create_bdg_classes(KIND[record.kind].colour, False),
        )
        if label:
            header += nodes.Text(" ")
            header += nodes.inline(text=label, classes=create_bdg_classes("secondary", True))
        body: list[nodes.Node] = []
        if record.summary:
            body.append(
                nodes.paragraph(
                    "",
                    "",
                    nodes.emphasis("", "", *self._summary_nodes),
                    classes=["ed-entry-summary"],
                )
            )
        fields_node = self._fields(record, words)
        if fields_node.children:
            body.append(fields_node)
        if self.content:
            description = nodes.container(classes=["ed-entry-description"])
            self.parse_content(description)
            bibliography.check_cites(self.env, description)
            body.append(description)
        body.append(backrefs(kind=record.kind, target=record.id, classes=["ed-backrefs"]))

        # The card's three containers are made when the page is written (entry_card).
        card = entry_card("", header, *body)
        node = register_entry(
            record=record,
            kind=record.kind,
            id=record.id,
            ids=[record.anchor],
            classes=["ed-entry-wrapper"],
        )
        self.set_source_info(node)
        node += self._index(record)
        node += card
        return node

    def _index(self, record: Entry) -> addnodes.index:
        kind = _(KIND[record.kind].label)
        main = f"{record.sort} ({kind})"
        entries = [("single", main, record.anchor, "main", None)]
        # "see" names the main entry as the index lists it: xindy (the PDF's index) requires
        # the target of a cross-reference to be an entry of the index.
        entries += [
            ("see", f"{alt.name}; {main}", record.anchor, "", None)
            for alt in record.alt
            if alt.name != record.name
        ]
        return addnodes.index(entries=entries)

    def _fields(self, record: Entry, words: DateWords) -> nodes.field_list:
        """The entry's fields, those made from its record alone as places to fill when the
        page is written (:func:`record_fields`), the others made now."""
        field_list = nodes.field_list(classes=["ed-entry-fields"])

        def later(part: str) -> None:
            if has_fields(record, part):
                field_list.append(entry_fields(part=part))

        later("also")
        later("dates")
        if record.offices:
            # Made now: an office's title is the editor's words, which smart quotes set.
            field_list.append(
                field(_("Offices"), *joined([office_node(o, words) for o in record.offices], "; "))
            )
        later("participants")
        later("places")
        later("coords")
        if record.authority:
            links = []
            for scheme, value in record.authority:
                scheme_of = AUTHORITIES[scheme]
                links.append(
                    nodes.reference(
                        "", f"{scheme_of.title} {value}", refuri=scheme_of.url.format(value)
                    )
                )
            # Made now: the checks of the reading collect every link to another site.
            field_list.append(field(_("Identifiers"), *joined(links, "; ")))
        if record.term:
            term = addnodes.pending_xref(
                "",
                nodes.inline(text=record.term, classes=["xref", "std", "std-term"]),
                refdomain="std",
                reftype="term",
                reftarget=record.term.lower(),
                refexplicit=True,
                refwarn=True,
                # A term the glossary lacks is the domain's edition.xref, at this line.
                ed_term_of=f"ed:{record.kind} {record.id}",
            )
            term.source, term.line = self.state.document["source"], self.option_line("term")
            # Made now: the checks of the reading count the uses of each glossary term.
            field_list.append(field(_("Glossary"), term))
        if record.sources:
            # Made now: sphinxcontrib-bibtex records each citation as the page is read.
            field_list.append(field(_("Sources"), *bibliography.cite_nodes(self, record.sources)))
        return field_list


def _entry_directive(kind: str) -> type[EntryDirective]:
    option_spec = Options({**_COMMON, **_BY_KIND[kind]})
    return type(
        f"{kind.title()}Directive",
        (EntryDirective,),
        {
            "kind": kind,
            "option_spec": option_spec,
            "__doc__": f"``ed:{kind} ID``: a register entry of kind {kind}.",
        },
    )


ENTRY_DIRECTIVES = {kind: _entry_directive(kind) for kind in KINDS}


def _as_text_if_raw(node: nodes.Node) -> nodes.Node:
    """*node*, with any raw HTML in it (which MyST passes through) turned into its text: an
    editor's field is shown to readers, never run by their browsers."""
    if isinstance(node, nodes.raw):
        return nodes.Text(node.astext())
    if isinstance(node, nodes.Element):
        for raw in list(node.findall(nodes.raw)):
            raw.replace_self(nodes.Text(raw.astext()))
    return node
