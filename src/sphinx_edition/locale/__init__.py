"""The extension's own words in the edition's language, through Sphinx's translation machinery.

Every string the extension writes for readers goes through :data:`_` (``sphinx.locale``'s
translator for the ``sphinx_edition`` catalogue).  The catalogues are the ``.po`` files next to
this module (one per language, ``<lang>/LC_MESSAGES/sphinx_edition.po``) and any an edition
keeps in its own ``locale_dirs``; they are compiled to ``.mo`` at build time, into the build's
doctree folder, so that the package ships only the sources a translator edits.  Pure modules
mark their words with ``core.words.N_`` and the layers above translate them where they are shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from sphinx import locale as sphinx_locale
from sphinx.locale import get_translation

from sphinx_edition.core.dates import DateWords
from sphinx_edition.core.words import CATALOG, LOCALE_DIR, compiled

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


_ = get_translation(CATALOG)
"""Translate a message of the extension into the edition's language."""


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for *count* in the edition's language ("1 note", "2 notes"),
    from the same catalogue as :data:`_` (Sphinx's translator has no plural of its own)."""
    if not sphinx_locale.is_translator_registered(CATALOG):
        return singular if count == 1 else plural
    return sphinx_locale.get_translator(CATALOG).ngettext(singular, plural, count)


def _compile(po: Path, mo: Path) -> None:
    """Compile *po* into *mo* unless *mo* is already newer."""
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        return
    mo.parent.mkdir(parents=True, exist_ok=True)
    # Written whole and then renamed, so that a parallel build never reads half a file.
    partial = mo.with_suffix(".mo.part")
    partial.write_bytes(compiled(po))
    partial.replace(mo)


def _compiled(source_dir: Path, target_dir: Path) -> None:
    for po in source_dir.glob(f"*/LC_MESSAGES/{CATALOG}.po"):
        _compile(po, target_dir / po.relative_to(source_dir).with_suffix(".mo"))


def load(app: Sphinx, config: Config) -> None:
    """Compile the catalogues and install the one for the edition's ``language``.

    An edition's own ``locale_dirs`` come first, so an editor can add or amend a language
    without changing the package; the package's catalogues are the fallback.
    """
    cache = Path(app.doctreedir) / "sphinx-edition-locale"
    dirs: list[Path] = []
    for number, folder in enumerate(config.locale_dirs):
        own = Path(app.srcdir, folder)
        if own.is_dir():
            target = cache / f"project-{number}"
            _compiled(own, target)
            dirs.append(target)
            # A catalogue compiled by the editor (msgfmt, pybabel compile) is read as it is.
            dirs.append(own)
    _compiled(LOCALE_DIR, cache / "package")
    dirs.append(cache / "package")
    # sphinx.locale keeps translators in a module-wide table and only adds to it; without this
    # a second build in the same process (a test, a server) would keep the first one's language.
    sphinx_locale.translators.pop(("general", CATALOG), None)
    # The first catalogue found for the language is the translator, the others its fallbacks.
    for folder in dirs:
        app.add_message_catalog(CATALOG, str(folder))


def cldr_locale(language: str | None) -> str | None:
    """The CLDR locale Babel writes dates with for *language*; None for English (and unknown).

    English keeps the edition's own day-month-year forms, so that an English edition reads as
    it always has; an unknown language code falls back to them too.
    """
    if not language or language.split("_")[0].lower() == "en":
        return None
    try:
        Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return None
    return language


def date_words(language: str | None) -> DateWords:
    """How dates read in *language*: CLDR's calendar words and the catalogue's templates."""
    return DateWords(
        locale=cldr_locale(language),
        # Translators: an approximate date (EDTF "~"): "c. 1953".
        circa=_("c. {date}"),
        # Translators: an uncertain date (EDTF "?").
        uncertain=_("{date} (?)"),
        # Translators: an interval open at its start: "until 1969".
        until=_("until {date}"),
        # Translators: an interval open at its end: "1969 onwards".
        onwards=_("{date} onwards"),
        unknown=_("unknown"),
        range=_("{start} – {end}"),
        # Translators: an EDTF season ("autumn 1950"); {season} is one of the four seasons.
        season=_("{season} {year}"),
        seasons=(_("spring"), _("summer"), _("autumn"), _("winter")),
    )


def register(app: Sphinx) -> None:
    # Early, so that every later config-inited handler already translates.
    app.connect("config-inited", load, priority=100)
