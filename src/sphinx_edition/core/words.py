"""The marker for words of the pure layers that readers see, and the package's catalogues.

The pure modules cannot import Sphinx's translator, so they mark a reader's word with
:func:`N_`, which returns it unchanged; the catalogue's extraction finds it by that name, and the
layer that shows the word passes it through ``sphinx_edition.locale._``.  :func:`translation`
reads a catalogue without Sphinx, for the project starter.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

CATALOG = "sphinx_edition"
"""The gettext domain of the extension's messages (and the name of its ``.po``/``.mo`` files)."""

LOCALE_DIR = Path(__file__).parents[1] / "locale"
"""Where the package's catalogues live: ``<lang>/LC_MESSAGES/sphinx_edition.po``."""


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name for a no-op marker)
    """Mark *message* for translation, returning it unchanged (``gettext_noop``)."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 (as N_)
    """Mark a message with its plural form for translation, returning both unchanged; the
    layer that shows it picks the form for its count with ``_(singular, plural, count)``."""
    return singular, plural


def languages() -> list[str]:
    """The languages the package has a catalogue for."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{CATALOG}.po"))


def compiled(po: Path) -> bytes:
    """The ``.mo`` form of the catalogue *po* (fuzzy translations left out)."""
    # Imported here: most builds find their catalogue compiled already (and the pure modules
    # that mark words with N_ need none of Babel).
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, abort_invalid=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def translation(language: str | None) -> gettext.NullTranslations:
    """The package's catalogue for *language* (or its base language), outside a Sphinx build."""
    for candidate in (language, (language or "").split("_")[0]):
        po = LOCALE_DIR / (candidate or "-") / "LC_MESSAGES" / f"{CATALOG}.po"
        if candidate and po.exists():
            return gettext.GNUTranslations(io.BytesIO(compiled(po)))
    return gettext.NullTranslations()
