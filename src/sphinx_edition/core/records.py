"""The records the ``ed`` domain stores: plain, picklable values that carry their docname.

Nothing here imports Sphinx or docutils, so purge and merge are one-line filters and the
records can be unit-tested and pickled between parallel build processes.
"""

from __future__ import annotations

from typing import NamedTuple


class Piece(NamedTuple):
    """A run of transcribed text and the source line it starts on."""

    text: str
    line: int


class Segment(NamedTuple):
    """A stretch of the transcription as it sits in one document.

    A segment is either a whole witness paragraph (``kind == "paragraph"``) or a piece of
    witness text set elsewhere, such as a run-in word set as a heading (``kind == "heading"``);
    the latter belongs to the paragraph that follows it in the document.
    """

    docname: str
    lineno: int
    paragraph: int
    order: int
    kind: str
    pieces: tuple[Piece, ...]


class AltName(NamedTuple):
    """An alternative name or spelling, its label (language, romanisation) and when in use."""

    name: str
    label: str
    dates: str  # an EDTF interval, or ""


class Office(NamedTuple):
    """An office or role a person held, and when (an EDTF interval)."""

    title: str
    dates: str
    aliases: tuple[str, ...] = ()  # other titles the office goes by ("Soviet Premier")


class Entry(NamedTuple):
    """A register entry: a person, event, place or organisation."""

    docname: str
    lineno: int
    kind: str
    id: str
    name: str
    sort: str
    alt: tuple[AltName, ...]
    summary: str
    dates: tuple[tuple[str, str], ...]  # ("born" | "died" | "date", EDTF)
    offices: tuple[Office, ...]
    participants: tuple[str, ...]
    coords: tuple[float, float] | None
    authority: tuple[tuple[str, str], ...]  # ("wikidata" | "viaf" | "geonames", identifier)
    sources: tuple[str, ...]
    term: str  # the glossary term that explains the entry, or ""
    places: tuple[str, ...] = ()  # for an event: the ids of the places where it happened

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.id}"

    def date(self, role: str) -> str:
        """The EDTF value of one of the entry's dates ("born", "died", "date"), or ""."""
        return dict(self.dates).get(role, "")


class Mention(NamedTuple):
    """A stretch of text that names a register entry."""

    docname: str
    lineno: int
    kind: str
    target: str
    text: str
    paragraph: int  # the ¶ it stands in, 0 outside the transcription
    anchor: str  # the id of the mention in its page
    snippet: str  # the sentence around it, for back-references
    office: str = ""  # an office the text gives the person here ("Premier"), or ""
    when: str = ""  # the EDTF date at which the text gives it
    acknowledged: str = ""  # the anchor of the note whose lemma holds this mention, or ""
    in_text: bool = False  # in the transcription (not in a note, a register or a heading)


class Unmarked(NamedTuple):
    """Words of the transcription that are deliberately not a mention of an entry."""

    docname: str
    lineno: int
    paragraph: int
    text: str
    why: str = "unmarked"  # "unmarked" ({ed:unmarked}) or "term" (a link to the glossary)


class DateMention(NamedTuple):
    """A date expression in the text and its normalised value."""

    docname: str
    lineno: int
    text: str
    value: str  # EDTF, in the calendar the text uses
    calendar: str  # "gregorian" or "julian"
    event: str  # the id of the event it dates, or ""
    paragraph: int
    anchor: str
    acknowledged: str = ""  # the anchor of the note whose lemma holds this date, or ""


class Duration(NamedTuple):
    """A claim of duration in the text ("Nearly 27 years later") and what it is measured on."""

    docname: str
    lineno: int
    text: str
    claim: str  # as written: "[qualifier] quantity unit: anchor [.. anchor]"
    paragraph: int
    anchor: str
    acknowledged: str = ""


class Sequence(NamedTuple):
    """A claim of order in the text ("then", "after"): first RELATION second."""

    docname: str
    lineno: int
    text: str
    claim: str  # as written: "first-event relation second-event"
    paragraph: int
    anchor: str
    acknowledged: str = ""


class ExternalLink(NamedTuple):
    """An external URL in a page, for the form check (linkcheck tries them online)."""

    docname: str
    lineno: int
    uri: str


class TermUse(NamedTuple):
    """A reference to a glossary term."""

    docname: str
    lineno: int
    term: str  # normalised as Sphinx stores terms: lower case


class TermDefinition(NamedTuple):
    """A glossary term as defined, with the start of its definition for cards."""

    docname: str
    lineno: int
    term: str
    display: str
    anchor: str
    definition: str


class Note(NamedTuple):
    """An editorial note: the lemma it concerns, its category, correction and sources."""

    docname: str
    lineno: int
    anchor: str
    number: int
    paragraph: int
    category: str
    lemma: str
    corr: str
    sources: tuple[str, ...]
    text: str  # the note's explanation as plain text, for the apparatus and the report
    act: str = ""  # what its category makes it: "emendation", "correction" or "commentary"
