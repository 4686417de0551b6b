"""The one adapter over sphinxcontrib-bibtex: every key, label, title and citation comes from here.

The apparatus table, the notes, the cards, the citation metadata and the TEI document all name
a source through this module, so that they agree ("Lüthi 2008", never ``L\\"uthi 2008``), and
none of them reads sphinxcontrib-bibtex's data itself.  Without sphinxcontrib-bibtex loaded, the
functions answer as for an empty bibliography.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx import addnodes

from sphinx_edition.config import config_location
from sphinx_edition.core.edition import latex_text, text_backend
from sphinx_edition.locale import _
from sphinx_edition.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.docutils import SphinxDirective


_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\s*")


class Citation(NamedTuple):
    """A reference as a bibliography page lists it, for its hover card."""

    docname: str  # the page of the bibliography that lists it
    anchor: str  # its id in that page
    key: str
    text: str  # the formatted reference, as plain text


def _cite_domain(env: BuildEnvironment) -> Any:
    return env.domains.get("cite")


# The pybtex plugin groups sphinxcontrib-bibtex looks plugins up in while it resolves each
# citation (the plain-text and docutils backends, the formatting style and its parts).
PLUGIN_GROUPS = (
    "pybtex.backends",
    "pybtex.style.formatting",
    "pybtex.style.labels",
    "pybtex.style.names",
    "pybtex.style.sorting",
)


class _Plugins(dict[str, Any]):
    """One plugin group of pybtex's runtime registry, its classes loaded when first asked for.

    Loading every plugin a group has imports modules the edition never uses (pybtex's other
    styles and backends); pybtex asks the registry with ``get`` and takes the class it gets.
    """

    def __init__(self, points: dict[str, Any]) -> None:
        super().__init__()
        self._points = points

    def __missing__(self, name: str) -> Any:
        point = self._points.get(name)
        if point is None:
            raise KeyError(name)
        try:
            klass = point.load()
        except Exception:  # a broken plugin is pybtex's to report, if it is used
            raise KeyError(name) from None
        self[name] = klass
        return klass

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default


def remember_plugins(app: Sphinx) -> None:
    """``builder-inited``: hold pybtex's plugins in its runtime registry, found once.

    pybtex's ``find_plugin`` scans every installed distribution's entry points
    (``importlib.metadata``) on each call, and sphinxcontrib-bibtex calls it for every
    citation it resolves: in an editor's rebuild of one page that was most of the time
    (upstream: pybtex ``plugin._load_entry_point``).  pybtex looks in its runtime registry
    first, so each plugin it would find (the first entry point of its name) is put there,
    and the later look-ups are a dictionary's.  The entry points are scanned once for all
    the groups: ``register_plugin`` scans them again for each name, even with ``force``,
    which cost a fifth of a second on every build, so the registry is filled directly
    where pybtex has it (``_RUNTIME_PLUGINS``), through ``register_plugin`` otherwise.
    Each class is loaded when pybtex first asks for it (``_Plugins``): loading them all
    imported modules the build never used.  A plugin already registered at run time is
    left as it is: pybtex would find it first.
    """
    if not loaded(app.env):
        return
    from importlib.metadata import entry_points

    from pybtex import plugin

    installed = entry_points()
    registry = getattr(plugin, "_RUNTIME_PLUGINS", None)
    for group in PLUGIN_GROUPS:
        for search in (group, f"{group}.aliases"):
            first: dict[str, Any] = {}
            for point in installed.select(group=search):
                first.setdefault(point.name, point)
            if not isinstance(registry, dict):
                for name, point in sorted(first.items()):
                    with contextlib.suppress(Exception):  # pybtex's to report, if used
                        plugin.register_plugin(search, name, point.load(), force=True)
                continue
            held = registry.get(search)
            found = _Plugins({n: p for n, p in first.items() if not held or n not in held})
            found.update(held or {})
            registry[search] = found


def loaded(env: BuildEnvironment) -> bool:
    """Whether sphinxcontrib-bibtex is part of the build."""
    return _cite_domain(env) is not None


def entries(env: BuildEnvironment) -> dict[str, Any]:
    """The bibliography's pybtex entries by key (empty without sphinxcontrib-bibtex)."""
    data = getattr(getattr(_cite_domain(env), "bibdata", None), "data", None)
    found = getattr(data, "entries", None)
    return dict(found) if found else {}


def keys(env: BuildEnvironment) -> set[str] | None:
    """The bibliography's keys, or None when there is no bibliography to check keys against:
    no sphinxcontrib-bibtex, or a file of ``bibtex_bibfiles`` that is missing (said once, by
    :func:`check_bibfiles`, rather than as every key of every note)."""
    if not loaded(env) or missing_bibfiles(env.srcdir, env.config.bibtex_bibfiles):
        return None
    return set(entries(env))


def missing_bibfiles(srcdir: str | Path, names: Sequence[str]) -> list[str]:
    """The files of ``bibtex_bibfiles`` that do not exist."""
    return [name for name in names if not Path(srcdir, name).is_file()]


def person_name(person: Any) -> str:
    """'Last, First Middle' for a pybtex person; a corporate name as it stands."""
    last = " ".join(person.prelast_names + person.last_names + person.lineage_names)
    first = " ".join(person.first_names + person.middle_names)
    return latex_text(f"{last}, {first}" if first else last)


def label(key: str, entry: Any) -> str:
    """'Lüthi 2008': how the edition names a source in its notes and tables."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [latex_text(" ".join(p.last_names)) for p in people[:2]]
    # Translators: after the first two authors of a source of three or more: "Ash, Bo et al.".
    who = _(" and ").join(names) + (_(" et al.") if len(people) > 2 else "")
    fields = entry.fields
    who = who or latex_text(fields.get("key", "")) or latex_text(fields.get("title", key))
    # Translators: a source without a year ("no date").
    year = latex_text(fields["year"]) if "year" in fields else _("n.d.")
    return f"{who} {year}"


def labels(env: BuildEnvironment) -> dict[str, str]:
    """:func:`label` for every key of the bibliography."""
    return {key: label(key, entry) for key, entry in entries(env).items()}


def title(env: BuildEnvironment, key: str) -> str:
    """The title of the source *key* as plain text; *key* itself when it is not a key."""
    entry = entries(env).get(key)
    return latex_text(entry.fields.get("title", key)) if entry is not None else key


def citation_ids(env: BuildEnvironment) -> dict[str, str]:
    """The key of each citation id that sphinxcontrib-bibtex gave a listed reference."""
    return {c.citation_id: c.key for c in getattr(_cite_domain(env), "citations", ())}


def citations(env: BuildEnvironment) -> Iterator[Citation]:
    """Every reference the bibliography pages list, formatted as they show it."""
    domain = _cite_domain(env)
    if domain is None:
        return
    plaintext = text_backend()
    for citation in getattr(domain, "citations", ()):
        text = citation.formatted_entry.text.render(plaintext)
        # A field the style copies as it stands (howpublished, note) keeps its LaTeX commands
        # in plain text ("In \\emph Wars of …"): a card shows the words.
        text = _LATEX_COMMAND.sub("", text)
        yield Citation(citation.bibliography_key.docname, citation.citation_id, citation.key, text)


def cited_keys(body: nodes.Element) -> set[str]:
    """The keys that sphinxcontrib-bibtex's cite roles in *body* refer to."""
    refs = [n for n in body.findall(addnodes.pending_xref) if n.get("refdomain") == "cite"]
    if not refs:
        return set()
    from sphinxcontrib.bibtex.citation_target import parse_citation_targets

    found: set[str] = set()
    for ref in refs:
        try:
            found.update(t.key for t in parse_citation_targets(ref["reftarget"]))
        except ValueError:  # a malformed target is reported by sphinxcontrib-bibtex itself
            continue
    return found


def check_cites(env: BuildEnvironment, body: nodes.Element) -> None:
    """Citations in an ``ed`` directive's content of keys the bibliography lacks.

    Each unknown key is one ``edition.citation`` warning at its line (sphinxcontrib-bibtex
    would say it when resolving, as a warning of its own); a citation of no known key is
    left as its keys' text.
    """
    known = keys(env)
    if known is None:
        return
    refs = [n for n in body.findall(addnodes.pending_xref) if n.get("refdomain") == "cite"]
    if not refs:
        return
    from sphinxcontrib.bibtex.citation_target import parse_citation_targets

    for ref in refs:
        try:
            targets = list(parse_citation_targets(ref["reftarget"]))
        except ValueError:
            continue  # a malformed target is reported by sphinxcontrib-bibtex itself
        unknown = [t.key for t in targets if t.key not in known]
        for key in unknown:
            warn(Subtype.CITATION, f"unknown bibliography key {key!r}", ref)
        if unknown and len(unknown) == len(targets):
            ref.replace_self(nodes.literal(text=", ".join(unknown)))
        elif unknown:
            ref["reftarget"] = ",".join(t.key for t in targets if t.key in known)


def cite_nodes(directive: SphinxDirective, cited: Sequence[str]) -> list[nodes.Node]:
    """Citations of the keys *cited*, through sphinxcontrib-bibtex; the bare keys without it."""
    if not loaded(directive.env):
        result: list[nodes.Node] = []
        for index, key in enumerate(cited):
            if index:
                result.append(nodes.Text(", "))
            result.append(nodes.literal(text=key))
        return result
    parsed, messages = directive.parse_inline(
        "{cite:p}`" + ",".join(cited) + "`", lineno=directive.lineno
    )
    return [*parsed, *messages]


def check_bibfiles(app: Sphinx) -> None:
    """``builder-inited``, before sphinxcontrib-bibtex: each .bib file's syntax errors, located.

    pybtex raises at the first syntax error, which ends the build in a traceback; checked
    here on every build (sphinxcontrib-bibtex reads an unchanged file only once), each is one
    ``edition.citation`` warning at its file and line, and its errors are then collected
    instead of raised while sphinxcontrib-bibtex reads the files, keeping every entry pybtex
    could read.
    """
    if "sphinxcontrib.bibtex" not in app.extensions:
        return
    import pybtex.errors
    from pybtex.database.input.bibtex import Parser

    encoding = app.config.bibtex_encoding
    for name in app.config.bibtex_bibfiles:
        path = Path(app.srcdir, name)
        if not path.is_file():
            warn(
                Subtype.CITATION,
                f"bibtex_bibfiles: {name!r} does not exist (relative to the folder of "
                "conf.py), so no source of a note or entry can be checked: correct the name "
                "or add the file",
                config_location(app.confdir, "bibtex_bibfiles"),
            )
            continue
        found: list[Any] = []
        pybtex.errors.captured_errors = found
        try:
            Parser(encoding).parse_file(path)
        except Exception as err:  # pybtex raises assorted errors on broken files
            found.append(err)
        finally:
            pybtex.errors.captured_errors = None
        for error in found:
            line = getattr(error, "lineno", None) or 1
            message = str(error).split(": ", 1)[-1] if "in line" in str(error) else str(error)
            warn(
                Subtype.CITATION,
                f"the bibliography file does not parse: {message}",
                f"{path}:{line}",
            )
    pybtex.errors.captured_errors = []  # while sphinxcontrib-bibtex reads the files


def end_bibfile_check(app: Sphinx) -> None:
    """``builder-inited``, after sphinxcontrib-bibtex: errors are raised again."""
    if "sphinxcontrib.bibtex" in app.extensions:
        import pybtex.errors

        pybtex.errors.captured_errors = None
