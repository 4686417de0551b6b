"""Pure results the environment keeps between builds: collation keys, parsed dates, BibTeX
fields as text.

Three results cost more to start computing than to keep.  The collator reads the UCA table
(about 0.2 s) before it can give one key, the ``edtf`` package builds its grammar when it is
imported (about 0.1 s), and pybtex's LaTeX decoder takes a millisecond for each of the few
hundred BibTeX fields the TEI bibliography and the sources' labels show.  An editor who
changes the words of one note needs none of them: the names, dates and sources of the edition
are those of the last build.  So the keys, index headings, spans and fields computed in a
build are kept in the domain's data (``"memo"``) and given back to
:mod:`sphinx_edition.core.collation`, :mod:`sphinx_edition.core.edtf_dates` and
:mod:`sphinx_edition.core.edition` when the environment is loaded; a rebuild then builds the
collator, imports ``edtf`` or decodes LaTeX only for a name, a date or a field it has not seen
(what is computed while pages are written, after the environment was pickled, is lost: the
TEI bibliography is therefore converted on ``env-updated``, :mod:`.export.tei.cache`).

The memo is a cache of pure functions, so it is never purged with a document: a value stays
right whoever wrote it.  Each part carries what it was computed with (the UCA table, the
``edtf`` or pybtex version) and is dropped when that changed.  The domain's data holds the live
dictionaries, so that what a build computes until the environment is pickled is kept;
parallel readers' memos are merged with their data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sphinx_edition.core import collation, edition, edtf_dates
from sphinx_edition.core.records import Entry

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

KEY = "memo"


def current() -> dict[str, Any]:
    """The memo of this process: the live dictionaries of the pure modules."""
    return {
        "collation": collation.memo(),
        "dates": edtf_dates.memo(),
        "latex": edition.memo(),
    }


def learn(held: Mapping[str, Any] | None) -> None:
    """Give the pure modules what an earlier build (or a parallel reader) computed."""
    if not isinstance(held, Mapping):
        return
    collation.learn(held.get("collation"))
    edtf_dates.learn(held.get("dates"))
    edition.learn(held.get("latex"))


def index_keys(entries: Iterable[Entry]) -> None:
    """Compute what the register indexes and the timeline will sort by, while the collator
    is loaded for reading: each entry's sort name and name, its alternative names, and their
    headings with the headings' own keys (and the empty text's, where "Other" stands)."""
    collation.key("")
    for record in entries:
        for text in (record.sort, record.name, *(alt.name for alt in record.alt)):
            collation.key(text)
            heading = collation.initial(text)
            if heading is not None:
                collation.key(heading)


def restore(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: the pure modules get what the last build computed, and the
    domain's data holds their live memo from now on (readers forked later inherit it)."""
    domain: Any = env.domains.get("ed")
    if domain is not None:
        learn(domain.data.get(KEY))
        domain.data[KEY] = current()


def keep(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the index keys computed, and the memo in the data to be pickled."""
    domain: Any = env.domains.get("ed")
    if domain is None:
        return
    learn(domain.data.get(KEY))
    index_keys(domain.all_entries())
    domain.data[KEY] = current()
