"""The edition's vocabulary, in one place: kinds of entry, authority schemes, note categories.

Every label, colour, title, schema.org type, TEI element and URL pattern that depends on the
kind of an entry, on an authority scheme or on a note's category is looked up here, so that the
registers, cards, indices, JSON-LD, exports and TEI cannot disagree.  Pure: nothing from Sphinx.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sphinx_edition.core.words import N_


class Kind(NamedTuple):
    """What the edition calls one kind of register entry, and how each output names it."""

    label: str  # the badge and the object type: "organisation"
    plural: str  # "organisations", for the downloads' descriptions
    colour: str  # a sphinx-design colour for the badge
    index_title: str  # the Sphinx index's title ("Index of people")
    index_short: str  # its short name ("People")
    schema_type: str  # schema.org @type
    tei_list: str  # the TEI standOff list
    tei_name: str  # the TEI element of the entry's name in that list
    tei_mention: str  # the TEI element of a mention in the text (with @type for "rs")


KIND = {
    "person": Kind(
        N_("person"), N_("people"), "primary", N_("Index of people"), N_("People"), "Person",
        "listPerson", "persName", "persName",
    ),
    "event": Kind(
        N_("event"), N_("events"), "success", N_("Index of events"), N_("Events"), "Event",
        "listEvent", "label", "rs",
    ),
    "place": Kind(
        N_("place"), N_("places"), "info", N_("Index of places"), N_("Places"), "Place",
        "listPlace", "placeName", "placeName",
    ),
    "org": Kind(
        N_("organisation"), N_("organisations"), "warning", N_("Index of organisations"),
        N_("Organisations"), "Organization", "listOrg", "orgName", "orgName",
    ),
}  # fmt: skip
"""Each kind of register entry, in the order the registers are listed."""

KINDS = tuple(KIND)
"""The kinds of register entry (the ``ed:`` directive and role names), in register order."""

DATE_LABELS = {"born": N_("Born"), "died": N_("Died"), "date": N_("Date")}
"""How an entry's dates are labelled in its register entry and card."""


class Authority(NamedTuple):
    """An authority file whose identifiers an entry may carry."""

    title: str  # as shown to readers
    url: str  # the identifier's page, with {} for the identifier
    pattern: re.Pattern[str]  # the form of an identifier
    example: str  # said in the warning about a malformed identifier


AUTHORITIES = {
    "wikidata": Authority(
        "Wikidata",
        "https://www.wikidata.org/wiki/{}",
        re.compile(r"Q[1-9][0-9]*"),
        "a Wikidata item id such as Q5816",
    ),
    "viaf": Authority(
        "VIAF",
        "https://viaf.org/viaf/{}",
        re.compile(r"[1-9][0-9]{1,21}"),
        "a VIAF id: digits only, such as 38242123",
    ),
    "geonames": Authority(
        "GeoNames",
        "https://www.geonames.org/{}",
        re.compile(r"[1-9][0-9]{0,9}"),
        "a GeoNames id: digits only, such as 1816670",
    ),
}
"""The authority schemes an entry's ``:wikidata:``, ``:viaf:`` and ``:geonames:`` name."""


class License(NamedTuple):
    """A licence an edition's editorial matter and data may carry."""

    name: str
    url: str


LICENSES = {
    "CC-BY-4.0": License(
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "CC-BY-SA-4.0": License(
        "Creative Commons Attribution-ShareAlike 4.0 International",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    "CC-BY-NC-4.0": License(
        "Creative Commons Attribution-NonCommercial 4.0 International",
        "https://creativecommons.org/licenses/by-nc/4.0/",
    ),
    "CC0-1.0": License(
        "Creative Commons Zero v1.0 Universal",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
}
"""Licences known by their SPDX identifier, so that ``edition_license`` needs no URL."""

EMENDATION = "emendation"
CORRECTION = "correction"
COMMENTARY = "commentary"


class Category(NamedTuple):
    """A category of editorial note, and what kind of editorial act a note of it is.

    ``act`` tells an *emendation* (the printed words are an error of the text: a misprint, to
    be set right as the author meant) from a *correction* (the author wrote what he meant and is
    wrong: a historical statement, answered by commentary that gives the corrected statement)
    and from plain *commentary* (an explanation that corrects nothing).  The distinction is the
    TEI Guidelines' ``<sic>``/``<corr>`` (emendation) against ``<note>`` (the rest).
    """

    name: str
    meaning: str
    colour: str  # a sphinx-design colour for the badge (one of COLOURS)
    act: str  # EMENDATION, CORRECTION or COMMENTARY
    sources_required: bool
    label: str = ""  # the badge's text; the name when empty
    tei_type: str = ""  # the TEI note's @type; the name when empty

    @property
    def shown(self) -> str:
        return self.label or self.name


COLOURS = (
    "primary", "secondary", "success", "info", "warning", "danger", "light", "muted", "dark",
)  # fmt: skip
"""The sphinx-design colours a category's badge may take."""

ACTS = (EMENDATION, CORRECTION, COMMENTARY)

DEFAULT_CATEGORIES = tuple(
    Category(*fields)
    for fields in (
        (N_("typographical"), "A misprint: a letter or word the printer got wrong.",
         "secondary", EMENDATION, False),
        (N_("factual"), "A statement of fact that the scholarly literature shows to be wrong.",
         "danger", CORRECTION, True),
        (N_("chronological"), "A wrong date, or events told in an order they did not happen in.",
         "warning", CORRECTION, True),
        (N_("numerical"), "A wrong figure, or a right figure given the wrong meaning.",
         "warning", CORRECTION, True),
        (N_("terminological"),
         "A name, title or term that is wrong, loose or anachronistic for its time.",
         "info", CORRECTION, True),
        (N_("contested"), "A claim on which historians disagree; the note gives the positions.",
         "primary", COMMENTARY, True),
        (N_("cross-reference"),
         "A reference to another part of the source book, not in this excerpt.",
         "light", COMMENTARY, True),
        (N_("structure"), "Something about the layout of the text as printed: a run-in heading, a "
         "stray line, a source line, the place where the excerpt breaks off.",
         "light", COMMENTARY, True),
        (N_("calendar"), "A date whose calendar matters (Old Style or New Style).",
         "info", COMMENTARY, True),
        (N_("romanisation"), "The spelling of a Chinese name in the Latin alphabet.",
         "info", COMMENTARY, True),
    )
)  # fmt: skip
"""The categories an edition has unless it declares its own (``edition_note_categories``)."""

CATEGORY = {c.name: c for c in DEFAULT_CATEGORIES}
"""The default categories by name, as the editorial principles define them."""

CATEGORIES = tuple(CATEGORY)
"""The default category names, in the order the principles and the apparatus list them."""

_CATEGORY_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_CATEGORY_FIELDS = {"label", "meaning", "act", "sources", "colour", "tei"}


def default_categories() -> dict[str, dict[str, object]]:
    """The default categories as ``edition_note_categories`` declares them, to copy and adapt."""
    return {
        c.name: {
            "meaning": c.meaning,
            "act": c.act,
            "sources": c.sources_required,
            "colour": c.colour,
        }
        for c in DEFAULT_CATEGORIES
    }


def declared_categories(value: object) -> tuple[dict[str, Category], list[str]]:
    """The note categories an ``edition_note_categories`` value declares, and its problems.

    *value* is None (the default set) or a mapping of category name to a mapping with
    ``meaning`` (required), ``act`` (emendation, correction or commentary; default commentary),
    ``sources`` (whether a note must cite sources; default true), ``colour`` (a sphinx-design
    colour), ``label`` and ``tei`` (the badge's text and the TEI @type; the name by default).
    A malformed category is left out, with a problem that says why.
    """
    if value is None:
        return dict(CATEGORY), []
    if not isinstance(value, dict) or not value:
        return dict(CATEGORY), ["must be a non-empty dict of category name to its declaration"]
    found: dict[str, Category] = {}
    problems: list[str] = []
    for name, declared in value.items():
        where = f"category {name!r}"
        if not isinstance(name, str) or not _CATEGORY_NAME.fullmatch(name):
            problems.append(f"{where}: a name is lower-case letters, digits and hyphens")
            continue
        if not isinstance(declared, dict):
            problems.append(f"{where}: must be a dict (meaning, act, sources, colour, label, tei)")
            continue
        unknown = sorted(set(map(str, declared)) - _CATEGORY_FIELDS)
        if unknown:
            problems.append(
                f"{where}: unknown field {unknown[0]!r} (use {', '.join(sorted(_CATEGORY_FIELDS))})"
            )
            continue
        meaning, act = declared.get("meaning"), declared.get("act", COMMENTARY)
        sources, colour = declared.get("sources", True), declared.get("colour", "secondary")
        label, tei = declared.get("label", ""), declared.get("tei", "")
        if not isinstance(meaning, str) or not meaning.strip():
            problems.append(f"{where}: 'meaning' must say what the category answers")
        elif act not in ACTS:
            problems.append(f"{where}: 'act' must be one of {', '.join(ACTS)}, not {act!r}")
        elif not isinstance(sources, bool):
            problems.append(f"{where}: 'sources' must be True or False")
        elif colour not in COLOURS:
            problems.append(
                f"{where}: 'colour' must be one of {', '.join(COLOURS)}, not {colour!r}"
            )
        elif (
            not isinstance(label, str)
            or not isinstance(tei, str)
            or (tei and not _CATEGORY_NAME.fullmatch(tei))
        ):
            problems.append(f"{where}: 'label' must be text, 'tei' a name like 'emendation'")
        else:
            found[name] = Category(
                name, " ".join(meaning.split()), str(colour), str(act), sources, label, tei
            )
    if not found:
        return dict(CATEGORY), [*problems, "no usable category: using the default set"]
    return found, problems


ACT_LABELS = {
    EMENDATION: N_("emendation"),
    CORRECTION: N_("historical correction"),
    COMMENTARY: N_("commentary"),
}
"""How each kind of editorial act is named to readers."""

CORRECTION_WORDS = {
    # Translators: between an emended lemma and its reading: "failed to be form] read born".
    EMENDATION: N_("read"),
    # Translators: between a lemma and the historical correction of it.
    CORRECTION: N_("in fact:"),
    # Translators: between a lemma and another form to compare it with ("confer").
    COMMENTARY: N_("cf."),
}
"""The words between a note's lemma and its ``:corr:`` reading: an emendation says how the
text should read, a historical correction what was so, commentary another form to compare."""
