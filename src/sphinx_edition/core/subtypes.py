"""The subtypes of the ``edition`` warning type, each with its documentation (pure).

The reference documentation's list of subtypes is generated from this enum, so the docs cannot
drift from the code.
"""

from __future__ import annotations

from enum import Enum

WARNING_TYPE = "edition"


class Subtype(Enum):
    """The subtypes of the ``edition`` warning type.

    Each member carries its documentation (``doc``) and an example warning line (``example``).
    """

    doc: str
    example: str

    def __new__(cls, value: str, doc: str, example: str) -> Subtype:
        member = object.__new__(cls)
        member._value_ = value
        member.doc = doc
        member.example = example
        return member

    WITNESS = (
        "witness",
        "The transcription differs from the witness file (a lost, added or changed character, "
        "a dropped, duplicated or reordered paragraph, paragraphs numbered wrongly from one "
        "on), or the witness cannot be read.",
        "text.md:12: WARNING: ¶5 differs from the witness at character 48: witness has "
        "'…seized power in Petrograd…', edition has '…seized power in Moscow…'",
    )
    CONFIG = (
        "config",
        "A configuration value of the extension has the wrong type or an impossible value.",
        "conf.py: WARNING: edition_witness must be a path (str), not int",
    )
    XREF = (
        "xref",
        "A reference of the ``ed`` domain points to nothing or to the wrong kind of thing: an "
        "unknown paragraph or entry, an event's participant that is a place or an event, an "
        "entry's ``:term:`` that the glossary does not define.",
        "about.md:5: WARNING: ed:para: no paragraph '14' (the edition has ¶1–¶13)",
    )
    DATE = (
        "date",
        "A date is not valid EDTF, or runs backwards (an interval, a person who died before "
        "they were born), or cannot be placed in time, or is an Old Style day the Julian "
        "calendar does not have.",
        "people.md:12: WARNING: ed:person kosygin: :born: '1904-02-30' is not an EDTF "
        "date (e.g. 1969-09-11, 1969-08/1969-10, 1953~, 1959-03?, 1922/..)",
    )
    AUTHORITY = (
        "authority",
        "An authority identifier (Wikidata, VIAF, GeoNames) is malformed.",
        "people.md:30: WARNING: ed:person mao-zedong: :wikidata: '5816' is not a Wikidata "
        "item id such as Q5816",
    )
    COORDINATES = (
        "coordinates",
        "A place's coordinates are malformed or off the globe.",
        "places.md:4: WARNING: ed:place beijing: :coords: latitude 139.9 is out of range "
        "(-90 to 90)",
    )
    DUPLICATE = (
        "duplicate",
        "The same id is defined twice, anywhere in the project: a register entry, a note, a "
        "glossary term.",
        "people.md:40: WARNING: ed:person kosygin is defined twice (first in people, line 1)",
    )
    UNUSED = (
        "unused",
        "A register entry or glossary term that the text never mentions.",
        "places.md:80: WARNING: ed:place quemoy is never mentioned",
    )
    NOTE = (
        "note",
        "An editorial note is incomplete or misplaced: no category or an unknown one, no "
        "source (typographical notes excepted), a lemma that does not occur in its paragraph, "
        "two notes on the same lemma, a note outside the paragraph it annotates or inside "
        "another note.",
        "text.md:40: WARNING: ed:note: the lemma 'Decmber 1950' does not occur in ¶6",
    )
    CITATION = (
        "citation",
        "A note or an entry cites a bibliography key that is not in the bibliography, or a "
        ".bib file does not parse (at its line).",
        "text.md:44: WARNING: ed:note: unknown bibliography key 'luthi2009'",
    )
    CHRONOLOGY = (
        "chronology",
        "A date in the text does not fall within the dates of the event it names, or the text "
        "tells events in an order the registers' dates contradict, and no note answers it.",
        "text.md:31: WARNING: ed:date 'December 1950' (December 1950) is not within the "
        "dates of Soviet return of Lüshun (May 1955)",
    )
    DURATION = (
        "duration",
        "A claim of duration does not hold for its anchors' dates (the message gives the "
        "computed interval), and no note answers it.",
        "text.md:45: WARNING: ed:duration 'over three decades': 'over 30 years' does not "
        "hold: the interval is 24 years 2 months (allowed: 30 to 38.5 years)",
    )
    UNDECIDED = (
        "undecided",
        "A claim of order cannot be decided from the registers' dates: both events fall on the "
        "same day and not both are dated to a time of day (or one is dated only to the month "
        "or year that holds the other), so either order fits. The claim is neither confirmed "
        "nor refuted; date the events more precisely, to the time of day if need be.",
        "text.md:60: WARNING: ed:sequence 'then': 'Blockade before Settlement' cannot be "
        "decided: Blockade 27 October 1962, Settlement 27 October 1962; the dates are too "
        "coarse to order them (give the registers' dates more precisely, to the time of day "
        "if need be)",
    )
    LIFESPAN = (
        "lifespan",
        "A person takes part in an event they were not alive for.",
        "events.md:80: WARNING: ed:event sino-soviet-split: Stalin (1878–1953) was not "
        "alive during it (1956 – 1966)",
    )
    OFFICE = (
        "office",
        "The text gives a person an office they did not hold at that date, and no note answers it.",
        "text.md:50: WARNING: Khrushchev held no office matching 'First Secretary' in March "
        "1953 (First Secretary of the Central Committee …: September 1953 – 14 October 1964)",
    )
    URL = (
        "url",
        "An external link is malformed (no host, spaces, an unknown scheme). Whether it "
        "answers is checked online by nox -s linkcheck.",
        "about.md:12: WARNING: malformed link 'https//example.org': no scheme and host",
    )
    OPTION = (
        "option",
        "A directive or role of the ``ed`` domain was given a malformed or unknown argument or "
        "option, or is itself unknown (read as the closest one); an entry in a register of "
        "another kind; a date naming two events; a stray ``:::``.",
        "text.md:3: WARNING: ed:paragraph needs a whole number from 1 up as its argument, "
        "not 'five'",
    )
    MISSED = (
        "missed",
        "A name (or alternative name) of a register entry stands in the transcription without "
        "a mention of that entry: mark it, or mark it ``{ed:unmarked}`` if it is meant "
        "otherwise.",
        "text.md:31: WARNING: 'Kosygin' in ¶1 names ed:person kosygin but is not marked: mark "
        "it with {ed:person}`Kosygin <kosygin>`, or with {ed:unmarked}`Kosygin` if it is meant "
        "otherwise",
    )
    TAGGING = (
        "tagging",
        "The same words, a name of an entry, are marked as different entries in different "
        "places of the text.",
        "text.md:80: WARNING: 'Russia' is marked as ed:place soviet-union here but as "
        "ed:place russia in text, line 14",
    )
    EXPORT = (
        "export",
        "The TEI, CSV or JSON export cannot say something as the edition says it: an id given "
        "twice, an edition without a transcription, a principles page that does not exist.",
        "text.md:40: WARNING: TEI: the id 'p5' is given twice; the second is left without it",
    )

    ANCHOR = (
        "anchor",
        "An anchor of the previous release (a page, ¶, note, register entry or glossary "
        "term in the manifest named by edition_anchors) is gone and edition_redirects does "
        "not say where it went; or a declared redirect starts from an anchor that still "
        "exists or leads nowhere; or the manifest cannot be read.",
        "text.md:11: WARNING: the note 'text#note-p1-zhou-enlai' (Zhou Enlai) of release 0.1 "
        "is gone; declare where it went in edition_redirects (e.g. "
        "{'text#note-p1-zhou-enlai': 'page#new-id'}), or keep it",
    )

    @property
    def name_in_config(self) -> str:
        """The string to put in ``suppress_warnings`` to silence this subtype."""
        return f"{WARNING_TYPE}.{self.value}"
