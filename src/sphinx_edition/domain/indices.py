"""Sphinx indices of the registers: one per kind, also listed in the PDF's indexes.

Entries stand under the base letter of their first letter ("Łódź" under L, "Österreich" under
O), Han characters under themselves, and letters and entries follow the Unicode Collation
Algorithm (:mod:`sphinx_edition.core.collation`); names that do not start with a letter come
first, under "Other", as symbols and digits sort before letters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, cast

from sphinx.domains import Index, IndexEntry

from sphinx_edition.core import collation
from sphinx_edition.core.dates import DateWords
from sphinx_edition.core.labels import dates_label
from sphinx_edition.core.records import Entry
from sphinx_edition.core.vocabulary import KIND, KINDS
from sphinx_edition.locale import _, date_words

if TYPE_CHECKING:
    from sphinx_edition.domain.domain import EditionDomain


class RegisterIndex(Index):
    """The entries of one kind, under their initials, with their alternative names."""

    kind: ClassVar[str] = "person"

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        wanted = set(docnames) if docnames is not None else None
        words = date_words(self.domain.env.config.language)
        groups: dict[str | None, list[IndexEntry]] = defaultdict(list)
        domain = cast("EditionDomain", self.domain)  # only the ed domain lists these
        for record in domain.all_entries():
            if record.kind != self.kind or (wanted is not None and record.docname not in wanted):
                continue
            for initial, item in _items(record, words):
                groups[initial].append(item)
        # A heading has the primary weight of its entries' first letter: groups and entries
        # stand in one order.
        content = [
            (
                _("Other") if initial is None else initial,
                sorted(items, key=lambda i: (collation.key(i.name), i.docname, i.anchor)),
            )
            for initial, items in sorted(
                groups.items(),
                key=lambda g: (g[0] is not None, collation.key(g[0] or "")),
            )
        ]
        return content, False


def _items(record: Entry, words: DateWords) -> Iterable[tuple[str | None, IndexEntry]]:
    yield (
        collation.initial(record.sort),
        IndexEntry(
            record.sort,
            0,
            record.docname,
            record.anchor,
            dates_label(record, words),
            "",
            record.summary,
        ),
    )
    for alt in record.alt:
        if alt.name != record.name:
            yield (
                collation.initial(alt.name),
                IndexEntry(
                    alt.name,
                    0,
                    record.docname,
                    record.anchor,
                    # Translators: an alternative name in a register's index points to the
                    # entry's name.
                    _("see {name}").format(name=record.name),
                    "",
                    "",
                ),
            )


def _index_class(kind: str) -> type[RegisterIndex]:
    # Lazy translations: the catalogue is installed at config-inited, after this import.
    localname, shortname = _(KIND[kind].index_title), _(KIND[kind].index_short)
    return type(
        f"{kind.title()}Index",
        (RegisterIndex,),
        {"kind": kind, "name": kind, "localname": localname, "shortname": shortname},
    )


REGISTER_INDICES: list[type[Index]] = [_index_class(kind) for kind in KINDS]
