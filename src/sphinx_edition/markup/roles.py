"""The roles of the ``ed`` domain."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.roles import XRefRole
from sphinx.util.docutils import SphinxRole

from sphinx_edition.core import dates, durations
from sphinx_edition.markup.nodes import (
    date_mention,
    duration_claim,
    mention,
    sequence_claim,
    unmarked,
    witness_text,
)
from sphinx_edition.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


class WitnessTextRole(SphinxRole):
    """``{ed:text}`…```: witness text set outside a paragraph, e.g. a run-in word as a heading.

    The text belongs to the transcription of the ``ed:paragraph`` that follows it.
    """

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        node = witness_text(self.rawtext, self.text)
        node["support_smartquotes"] = False
        self.set_source_info(node)
        return [node], []


class UnmarkedRole(SphinxRole):
    """``{ed:unmarked}`China```: words that name an entry, left unmarked on purpose.

    The missed-mention check (``edition.missed``) then expects no mention of them; the words
    stay part of the transcription as printed.
    """

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        node = unmarked(self.rawtext, self.text, classes=["ed-unmarked"])
        node["support_smartquotes"] = False
        self.set_source_info(node)
        return [node], []


class ParagraphReferenceRole(XRefRole):
    """``{ed:para}`7```: a link to ¶7 of the edition, shown as "¶7" unless given a title."""

    def __init__(self) -> None:
        super().__init__(warn_dangling=True, innernodeclass=nodes.inline)

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: nodes.Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        target = target.strip().lstrip("¶")
        return (title if has_explicit_title else f"¶{target}"), target


class MentionRole(XRefRole):
    """``{ed:person}`Kosygin <kosygin>``` (and event, place, org): text naming an entry.

    The text stays as written (it may be witness text); it links to the entry, and in HTML
    shows the entry's card on hover and keyboard focus.  A person's mention may say which
    office the text gives them, and when: ``<kosygin | Premier | 1969-09-11>``; the checker
    then verifies that they held it at that date.
    """

    def __init__(self) -> None:
        super().__init__(warn_dangling=True, innernodeclass=nodes.inline)

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: nodes.Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        entry_id, *qualifiers = (part.strip() for part in target.split("|"))
        if qualifiers:
            if len(qualifiers) != 2 or not all(qualifiers):
                warn(
                    Subtype.OPTION,
                    f"ed:{self.reftype}: {target!r} is not 'id | office | EDTF date'",
                    self.get_location(),
                )
            else:
                office, when = qualifiers
                try:
                    dates.parse(when)
                except dates.DateError as err:
                    warn(Subtype.DATE, f"ed:{self.reftype}: {err}", self.get_location())
                else:
                    refnode["ed_office"], refnode["ed_when"] = office, when
        return title, entry_id

    def result_nodes(
        self,
        document: nodes.document,
        env: BuildEnvironment,
        node: nodes.Element,
        is_ref: bool,
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        target = node["reftarget"]
        # Serial numbers restart in each document, so anchors are stable while the page is.
        serial = env.new_serialno(f"ed-mention-{target}") + 1
        safe = nodes.make_id(target) or "entry"  # the id must be valid whatever the target
        wrapper = mention(
            "",
            "",
            node,
            kind=self.reftype,
            target=target,
            office=node.get("ed_office", ""),
            when=node.get("ed_when", ""),
            ids=[f"m-{safe}-{serial}"],
            classes=["ed-mention"],  # the kind is in the link: people.html#person-…
        )
        wrapper.line = self.lineno
        return [wrapper], []


class DateRole(SphinxRole):
    """``{ed:date}`September 11, 1969 <1969-09-11 @event julian>```: a date in the text.

    The target is an EDTF value, optionally followed by ``@event-id`` (the event it dates)
    and ``julian`` when the text's date is Old Style.  Readers see the normalised date on
    hover; the checker compares it with the event's dates.
    """

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text, target = _split_title(self.text)
        value, event, calendar = "", "", "gregorian"
        for token in target.split():
            if token.startswith("@") and event:
                warn(
                    Subtype.OPTION,
                    f"ed:date: {target!r} names two events (@{event} and {token}); a date "
                    "dates one event",
                    self.get_location(),
                )
            elif token.startswith("@"):
                event = token[1:]
            elif token.lower() in dates.CALENDARS:
                calendar = token.lower()
            elif not value:
                value = token
            else:
                warn(
                    Subtype.OPTION,
                    f"ed:date: unexpected {token!r} in {target!r} (expected "
                    "'EDTF [@event] [julian]')",
                    self.get_location(),
                )
        node = date_mention(
            self.rawtext, text, value=value, event=event, calendar=calendar, classes=["ed-date"]
        )
        node["support_smartquotes"] = False
        serial = self.env.new_serialno("ed-date") + 1
        node["ids"] = [f"d-{serial}"]
        self.set_source_info(node)
        if not value:
            warn(
                Subtype.DATE,
                f"ed:date: {text!r} has no EDTF value: write {{ed:date}}`{text} <1969-09-11>`",
                self.get_location(),
            )
            return [node], []
        try:
            # An Old Style day is a day of the Julian calendar (1900-02-29 was one).
            dates.parse(dates.julian_to_gregorian(value) if calendar == "julian" else value)
        except dates.DateError as err:
            warn(Subtype.DATE, f"ed:date: {err}", self.get_location())
            node["value"] = ""
        return [node], []


def _split_title(text: str) -> tuple[str, str]:
    """``title <target>`` into its parts; a bare text is its own target."""
    stripped = text.strip()
    if stripped.endswith(">") and "<" in stripped:
        title, _, target = stripped[:-1].rpartition("<")
        return title.rstrip(), target.strip()
    return stripped, stripped


class _ClaimRole(SphinxRole):
    """A stretch of the text that makes a claim the checker verifies."""

    node_class: type[nodes.inline] = duration_claim
    prefix = "u"
    claim_name = "duration"

    def parse(self, claim: str) -> None:
        durations.parse_duration(claim)

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text, claim = _split_title(self.text)
        node = self.node_class(self.rawtext, text, claim=claim, classes=[f"ed-{self.claim_name}"])
        node["support_smartquotes"] = False
        node["ids"] = [f"{self.prefix}-{self.env.new_serialno(f'ed-{self.claim_name}') + 1}"]
        self.set_source_info(node)
        if claim == text:
            warn(
                Subtype.OPTION,
                f"ed:{self.claim_name}: {text!r} has no claim: write "
                f"{{ed:{self.claim_name}}}`{text} <{self.example}>`",
                self.get_location(),
            )
            node["claim"] = ""
            return [node], []
        try:
            self.parse(claim)
        except durations.ClaimError as err:
            warn(Subtype.OPTION, f"ed:{self.claim_name}: {err}", self.get_location())
            node["claim"] = ""
        return [node], []

    example = "nearly 27 years: founding-of-ussr .. founding-of-prc"


class DurationRole(_ClaimRole):
    """``{ed:duration}`Nearly 27 years later <nearly 27 years: a .. b>```: a duration claim.

    The claim is ``[qualifier] quantity unit: anchor [.. anchor]``; anchors are event ids or
    EDTF dates; with one event, the claim is about its length.
    """


class SequenceRole(_ClaimRole):
    """``{ed:sequence}`Then <first before second>```: a claim of order between two events.

    Relations: ``before``, ``after``, ``after-end`` (after the second had ended), ``during``.
    """

    node_class = sequence_claim
    prefix = "s"
    claim_name = "sequence"
    example = "withdrawal-of-soviet-advisers before khrushchev-us-visit"

    def parse(self, claim: str) -> None:
        parsed = durations.parse_sequence(claim)
        if parsed.first == parsed.second:
            raise durations.ClaimError(
                f"{claim!r} orders {parsed.first!r} with itself: name two events"
            )


def unknown_role(name: str, guess: str, role: Any) -> Any:
    """A stand-in for the role ``ed:<name>`` that the domain does not have.

    One ``edition.option`` warning; then the text is read by the closest role (``ed:<guess>``,
    *role*: a misspelling such as ``ed:persn``), or kept as its title's text, so that witness
    text in it is not lost.
    """

    def run(
        typ: str,
        rawtext: str,
        text: str,
        lineno: int,
        inliner: Any,
        options: dict[str, Any] | None = None,
        content: Sequence[str] = (),
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        env = inliner.document.settings.env
        instead = f"; read as ed:{guess}" if role is not None else ""
        warn(Subtype.OPTION, f"unknown role ed:{name}{instead}", (env.docname, lineno))
        if role is not None:
            found: tuple[list[nodes.Node], list[nodes.system_message]] = role(
                f"ed:{guess}", rawtext, text, lineno, inliner, options or {}, content
            )
            return found
        return [nodes.Text(_split_title(text)[0])], []

    return run
