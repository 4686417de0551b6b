"""Sphinx indices of the registers: one per kind, also listed in the PDF's indexes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, cast

from sphinx.domains import Index, IndexEntry

from sphinx_edition.core.labels import dates_label
from sphinx_edition.core.records import Entry
from sphinx_edition.core.vocabulary import KIND, KINDS

if TYPE_CHECKING:
    from sphinx_edition.domain.domain import EditionDomain


class RegisterIndex(Index):
    """The entries of one kind, under their initials, with their alternative names."""

    kind: ClassVar[str] = "person"

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        wanted = set(docnames) if docnames is not None else None
        groups: dict[str, list[IndexEntry]] = defaultdict(list)
        domain = cast("EditionDomain", self.domain)  # only the ed domain lists these
        for record in domain.all_entries():
            if record.kind != self.kind or (wanted is not None and record.docname not in wanted):
                continue
            for heading, item in _items(record):
                groups[heading].append(item)
        content = [
            (letter, sorted(items, key=lambda i: i.name.casefold()))
            for letter, items in sorted(groups.items())
        ]
        return content, False


def _items(record: Entry) -> Iterable[tuple[str, IndexEntry]]:
    yield (
        _initial(record.sort),
        IndexEntry(
            record.sort, 0, record.docname, record.anchor, dates_label(record), "", record.summary
        ),
    )
    for alt in record.alt:
        if alt.name != record.name:
            yield (
                _initial(alt.name),
                IndexEntry(
                    alt.name, 0, record.docname, record.anchor, f"see {record.name}", "", ""
                ),
            )


def _initial(text: str) -> str:
    first = text.strip()[:1].upper()
    return first if first.isalpha() and first.isascii() else "Other"


def _index_class(kind: str) -> type[RegisterIndex]:
    localname, shortname = KIND[kind].index_title, KIND[kind].index_short
    return type(
        f"{kind.title()}Index",
        (RegisterIndex,),
        {"kind": kind, "name": kind, "localname": localname, "shortname": shortname},
    )


REGISTER_INDICES: list[type[Index]] = [_index_class(kind) for kind in KINDS]
