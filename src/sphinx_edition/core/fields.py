"""Parsing the options of register entries (pure: no Sphinx imports).

Each parser takes the option's text as the editor wrote it and returns plain values, or raises
:class:`FieldError` with a message that says what is wrong and what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sphinx_edition.core import dates
from sphinx_edition.core.records import AltName, Office
from sphinx_edition.core.vocabulary import AUTHORITIES

ID_PATTERN = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
_LABELLED = re.compile(r"^(?P<text>.*?)\s*(?:\[(?P<label>[^\[\]]*)\])?$", re.DOTALL)
_ALIASES = re.compile(r"^(?P<title>.*\S)\s*\[(?P<aliases>[^\[\]]*)\]$", re.DOTALL)
_OFFICE = re.compile(r"^(?P<title>.*\S)\s*\((?P<dates>[^()]*)\)$", re.DOTALL)


class FieldError(ValueError):
    """A malformed option value; the message says what is wrong."""


def entry_id(text: str) -> str:
    value = text.strip()
    if not ID_PATTERN.fullmatch(value):
        raise FieldError(
            f"{value!r} is not a valid id: use lower-case letters, digits and single hyphens "
            "(e.g. zhou-enlai)"
        )
    return value


def id_list(text: str) -> tuple[str, ...]:
    """A comma-separated list of ids."""
    items = [item.strip() for item in text.split(",")]
    if any(not item for item in items):
        raise FieldError(f"{text!r} has an empty item: separate ids with single commas")
    return tuple(entry_id(item) for item in items)


def key_list(text: str) -> tuple[str, ...]:
    """A comma-separated list of bibliography keys."""
    items = [item.strip() for item in text.split(",")]
    if any(not item or " " in item for item in items):
        raise FieldError(f"{text!r} is not a comma-separated list of bibliography keys")
    return tuple(items)


def alt_names(text: str) -> tuple[AltName, ...]:
    """``Name [label]; Name [label; EDTF]; …``: alternative names, labelled and dated."""
    names: list[AltName] = []
    for item in _split_outside_brackets(text):
        match = _LABELLED.match(item)
        assert match is not None  # the pattern matches any string
        name, label = match["text"].strip(), (match["label"] or "").strip()
        if not name:
            raise FieldError(f"{item!r} has a label but no name")
        when = ""
        if ";" in label:
            label, when = (piece.strip() for piece in label.rsplit(";", 1))
        elif label and _looks_like_date(label):
            label, when = "", label
        if when:
            _checked_date(when, f"the dates of {name!r}")
        names.append(AltName(name, label, when))
    return tuple(names)


def offices(text: str) -> tuple[Office, ...]:
    """``Title [alias; alias] (EDTF); Title (EDTF)``: offices held, each with an EDTF interval
    and, in square brackets, other titles it goes by."""
    result: list[Office] = []
    for item in _split_outside_brackets(text):
        match = _OFFICE.match(item)
        if match is None:
            raise FieldError(f"{item!r} is not 'Title (EDTF interval)', e.g. 'Premier (1964/1980)'")
        title = match["title"].strip()
        aliases: tuple[str, ...] = ()
        named = _ALIASES.match(title)
        if named is not None:
            title = named["title"].strip()
            aliases = tuple(a.strip() for a in named["aliases"].split(";") if a.strip())
        _checked_date(match["dates"], f"the dates of office {title!r}")
        result.append(Office(title, match["dates"].strip(), aliases))
    return tuple(result)


def coordinates(text: str) -> tuple[float, float]:
    """``LAT, LON`` in decimal degrees, checked to be on the globe."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 2:
        raise FieldError(f"{text!r} is not 'latitude, longitude' in decimal degrees")
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise FieldError(f"{text!r} is not 'latitude, longitude' in decimal degrees") from None
    if not -90 <= lat <= 90:
        raise FieldError(f"latitude {lat} is out of range (-90 to 90)")
    if not -180 <= lon <= 180:
        raise FieldError(f"longitude {lon} is out of range (-180 to 180)")
    return lat, lon


def authority(scheme: str, text: str) -> str:
    """An authority identifier of *scheme* (wikidata, viaf, geonames), checked for form."""
    value = text.strip()
    scheme_of = AUTHORITIES[scheme]
    if not scheme_of.pattern.fullmatch(value):
        raise FieldError(f"{value!r} is not {scheme_of.example}")
    return value


def date(text: str, what: str = "") -> str:
    """An EDTF value, checked to parse (*what* names it in the message, when the caller does
    not: ``born: '1904-02-30' is not …``)."""
    return _checked_date(text, what)


def _checked_date(text: str, what: str) -> str:
    value = text.strip()
    try:
        dates.parse(value)
    except dates.DateError as err:
        raise FieldError(f"{what}: {err}" if what else str(err)) from None
    return value


def _looks_like_date(text: str) -> bool:
    try:
        dates.parse(text)
    except dates.DateError:
        return False
    return True


def _split_outside_brackets(text: str) -> list[str]:
    """Split on semicolons that are not inside [...] or (...)."""
    items: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in "[(":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char == ";" and depth == 0:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    items.append("".join(current).strip())
    if any(not item for item in items) and text.strip():
        raise FieldError(f"{text!r} has an empty item: separate items with single semicolons")
    return [item for item in items if item]


# Characters that may start inline markup (MyST: emphasis, code, links, roles, HTML, entities,
# math, strikethrough, substitutions; rST: also roles, targets, standalone links).
_MARKUP = re.compile(r"[\\`*_~\[\]!<>&{}$|:@^=+#]")
# MyST extensions that change plain words: links found in them, and typographic replacements.
_MYST_REWRITING = frozenset({"linkify", "replacements", "smartquotes"})


def plain_words(text: str, myst_extensions: Iterable[str] = ()) -> bool:
    """Whether *text* is words that inline parsing would give back as they are: it holds no
    character that starts markup in MyST or reStructuredText (nor ":" or "@", which begin
    rST's standalone links), and none of *myst_extensions* links or typesets words itself.
    Parsing a summary was 0.9 s of a build at N = 200, and most summaries are words."""
    if _MARKUP.search(text):
        return False
    return _MYST_REWRITING.isdisjoint(myst_extensions)
