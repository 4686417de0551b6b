"""The fields of a register entry's card, as nodes: those the directive makes as the page is
read (:mod:`.entries`) and those made from the record when the page is written
(:func:`record_fields`, :mod:`sphinx_edition.render.entries`)."""

from __future__ import annotations

from collections.abc import Sequence

from babel.numbers import format_decimal
from docutils import nodes
from sphinx import addnodes

from sphinx_edition.core.dates import DateWords
from sphinx_edition.core.labels import display_date
from sphinx_edition.core.records import AltName, Entry, Office
from sphinx_edition.core.vocabulary import DATE_LABELS
from sphinx_edition.locale import _


def field(name: str, *content: nodes.Node) -> nodes.field:
    body = nodes.field_body("", nodes.paragraph("", "", *content))
    return nodes.field("", nodes.field_name(text=name), body)


def has_fields(record: Entry, part: str) -> bool:
    """Whether the entry has fields of *part* (see :func:`record_fields`)."""
    given: dict[str, object] = {
        "also": record.alt,
        "dates": record.dates,
        "participants": record.participants,
        "places": record.places,
        "coords": record.coords,
    }
    return bool(given[part])


def record_fields(record: Entry, part: str, words: DateWords) -> list[nodes.field]:
    """The fields of *part* of an entry (see :class:`~.nodes.entry_fields`), from its record:
    its other names, its dates, an event's participants and places, a place's coordinates."""
    if not has_fields(record, part):
        return []
    if part == "also":
        # Translators: a register entry's field of its other names.
        return [field(_("Also"), *joined([alt_node(alt, words) for alt in record.alt], "; "))]
    if part == "dates":
        return [
            field(
                _(DATE_LABELS[role]),
                nodes.Text(display_date(value, words)),
                nodes.Text(" "),
                nodes.literal(text=value, classes=["ed-edtf"]),
            )
            for role, value in record.dates
        ]
    if part == "participants":
        return [field(_("Participants"), *joined(links_to(record.participants, "entry"), ", "))]
    if part == "places":
        # Resolved as places: an id of another kind is an edition.xref warning there.
        return [field(_("Places"), *joined(links_to(record.places, "place"), ", "))]
    if part == "coords" and record.coords:
        lat, lon = record.coords
        # Translators: a latitude and a longitude; N/S/E/W are the compass points.
        north = _("{degrees}° N") if lat >= 0 else _("{degrees}° S")
        east = _("{degrees}° E") if lon >= 0 else _("{degrees}° W")
        text = (
            f"{north.format(degrees=degrees(lat, words))}, "
            f"{east.format(degrees=degrees(lon, words))}"
        )
        return [field(_("Coordinates"), nodes.Text(text))]
    raise ValueError(f"no fields {part!r}")


def degrees(value: float, words: DateWords) -> str:
    """A coordinate's degrees to four figures, with the language's decimal sign ("39,91")."""
    shown = f"{abs(value):.4g}"
    return shown if words.locale is None else format_decimal(float(shown), locale=words.locale)


def links_to(ids: Sequence[str], reftype: str) -> list[nodes.Node]:
    """Links to the entries *ids*, resolved (and their problems reported) as *reftype*."""
    return [
        addnodes.pending_xref(
            "",
            nodes.inline(text=i),
            refdomain="ed",
            reftype=reftype,
            reftarget=i,
            refexplicit=False,
            refwarn=True,
        )
        for i in ids
    ]


def joined(items: Sequence[nodes.Node], separator: str) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            result.append(nodes.Text(separator))
        result.append(item)
    return result


def alt_node(alt: AltName, words: DateWords) -> nodes.Node:
    node = nodes.inline(classes=["ed-alt"])
    # A name's other forms are shown as the editor wrote them, as in the data files and the
    # hover cards: smart quotes would turn the apostrophe of a transliteration into a quote
    # mark (Wylie's "Bstan-'dzin" became "Bstan-‘dzin", an opening quote).
    node["support_smartquotes"] = False
    node += nodes.Text(alt.name)
    notes = [alt.label] if alt.label else []
    if alt.dates:
        notes.append(display_date(alt.dates, words))
    if notes:
        node += nodes.Text(f" ({', '.join(notes)})")
    return node


def office_node(office: Office, words: DateWords) -> nodes.Node:
    # Translators: an office's other titles, after its title: "Premier (also Prime Minister)".
    also = _(" (also {titles})").format(titles=", ".join(office.aliases)) if office.aliases else ""
    return nodes.Text(f"{office.title}{also}, {display_date(office.dates, words)}")
