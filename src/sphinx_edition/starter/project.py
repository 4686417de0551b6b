"""A new edition project, from a witness file: read, fill the templates, write all or nothing."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from importlib import metadata, resources
from pathlib import Path
from string import Template

from sphinx_edition.checks.witness import WitnessError, read_witness
from sphinx_edition.core.words import N_, translation
from sphinx_edition.starter.transcribe import escape_line, text_page

# Language tags as Sphinx takes them: "en", "de", "zh_CN", "pt-BR".
LANGUAGE = re.compile(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*")
# Characters a text file does not hold: C0 controls other than whitespace, and DEL.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")

REGISTERS = (
    ("person", "people", N_("People"), N_("Everyone the text names or refers to, alphabetically.")),
    ("event", "events", N_("Events"), N_("What happened, and when, in chronological order.")),
    ("place", "places", N_("Places"),
     N_("Where, with other names and coordinates, alphabetically.")),
    ("org", "orgs", N_("Organisations"), N_("Governments, parties, armies and other bodies.")),
)  # fmt: skip

# The words of the pages the starter writes, translated into the edition's language where the
# package has a catalogue for it, so that a new edition in German shows no English heading.
PAGES = {
    "about_line": N_(
        "*An edition of the text in its witness, with registers, a timeline and an apparatus of "
        "notes.*"
    ),
    "caption_edition": N_("The edition"),
    "caption_registers": N_("Registers"),
    "caption_apparatus": N_("Apparatus"),
    "text": N_("The text"),
    "glossary": N_("Glossary"),
    "glossary_intro": N_(
        "The terms a reader of the text may need, each with a short definition and its sources."
    ),
    "timeline": N_("Timeline"),
    "timeline_intro": N_(
        "Every event in the [register of events](events.md), drawn to scale from its dates. A "
        "point is a day; a bar is a period. Each mark leads to its entry."
    ),
    "apparatus": N_("Apparatus"),
    "apparatus_intro": N_(
        "Every editorial note on the text, in reading order: the paragraph, the words concerned "
        "(the lemma), the category, the corrected reading where there is one, and the sources."
    ),
    "bibliography": N_("Bibliography"),
    "bibliography_intro": N_(
        "Every source cited in the registers, the glossary and the notes of this edition."
    ),
    "about": N_("About this edition"),
    "about_text": N_(
        "The text is given exactly as it stands in its witness, the file `{witness}`, paragraph "
        "by paragraph, without corrections: {paragraphs}, numbered ¶1–¶{count}. Every build "
        "compares the text with the witness, character for character, and fails if they differ. "
        "Errors of the text are answered in sourced notes, listed in the "
        "[apparatus](apparatus.md)."
    ),
    "one_paragraph": N_("one paragraph"),
    "paragraphs": N_("{count} paragraphs"),
    "about_registers_heading": N_("The registers"),
    "about_registers": N_(
        "People, events, places and organisations the text names have entries in the "
        "registers, with their dates and sources; the build checks every date, duration and "
        "order the text states against them."
    ),
    "about_cite_heading": N_("How to cite"),
    "about_cite": N_(
        "Cite a paragraph by its number and its permanent link: `text.html#p1` is ¶1."
    ),
    "default_title": N_("An edition of {name}"),
    # Shown in every page's footer, through conf.py's author and copyright.
    "editors": N_("The editors"),
    "copyright": N_("The editors; the text as printed in its source"),
}


class StarterError(Exception):
    """The project cannot be made; the message says why, in one line."""


def read_source(path: Path) -> list[str]:
    """The witness's paragraphs, or a :class:`StarterError` if it is not a text file."""
    try:
        raw = path.read_bytes()
    except OSError:
        raw = b""  # read_witness says why, below
    if b"\x00" in raw:
        raise StarterError(
            f"the witness file {path} is binary (a NUL byte at byte {raw.index(0)}), not text"
        )
    try:
        paragraphs = read_witness(path)
    except WitnessError as err:
        raise StarterError(str(err)) from None
    for number, paragraph in enumerate(paragraphs, 1):
        control = CONTROL.search(paragraph)
        if control:
            raise StarterError(
                f"the witness file {path} is not plain text: paragraph {number} holds the "
                f"control character U+{ord(control.group()):04X}"
            )
    return paragraphs


def requirement() -> str:
    """How requirements.txt names sphinx-edition: as it is installed here, with the docs extra.

    An install from a file, a directory or a repository records where it came from
    (``direct_url.json``, PEP 610), and the project installs the same; otherwise the release.
    """
    try:
        distribution = metadata.distribution("sphinx-edition")
    except metadata.PackageNotFoundError:
        return "sphinx-edition[docs]"
    origin = json.loads(distribution.read_text("direct_url.json") or "{}")
    url = origin.get("url", "")
    if "vcs_info" in origin:
        vcs = origin["vcs_info"]
        url = f"{vcs['vcs']}+{url}@{vcs['commit_id']}"
    if url:
        return f"sphinx-edition[docs] @ {url}"
    return f"sphinx-edition[docs]>={distribution.version}"


def _template(name: str, **values: str) -> str:
    source = resources.files("sphinx_edition.starter") / "templates" / name
    return Template(source.read_text(encoding="utf-8")).substitute(values)


def project_files(
    paragraphs: list[str], witness_name: str, title: str, language: str
) -> dict[str, str]:
    """Every file of the project, by path relative to its directory."""
    count = len(paragraphs)
    words = translation(language).gettext
    page = {key: words(message) for key, message in PAGES.items()}
    counted = page["one_paragraph"] if count == 1 else page["paragraphs"].format(count=count)
    files = {
        "README.md": _template(
            "README.md.tmpl", title=escape_line(title), witness_name=witness_name
        ),
        "noxfile.py": _template("noxfile.py.tmpl"),
        ".readthedocs.yaml": _template("readthedocs.yaml.tmpl"),
        ".gitignore": _template("gitignore.tmpl"),
        "requirements.txt": _template("requirements.txt.tmpl", requirement=requirement()),
        f"seeds/{witness_name}": "",  # copied byte for byte by new_project
        "docs/conf.py": _template(
            "conf.py.tmpl",
            project=repr(title),
            author=repr(page["editors"]),
            copyright=repr(page["copyright"]),
            language=repr(language),
            witness=repr(f"../seeds/{witness_name}"),
        ),
        "docs/index.md": _template(
            "index.md.tmpl",
            title=escape_line(title),
            about_line=page["about_line"],
            caption_edition=page["caption_edition"],
            caption_registers=page["caption_registers"],
            caption_apparatus=page["caption_apparatus"],
        ),
        "docs/text.md": text_page(page["text"], paragraphs),
        "docs/timeline.md": _template(
            "timeline.md.tmpl", heading=page["timeline"], intro=page["timeline_intro"]
        ),
        "docs/glossary.md": _template(
            "glossary.md.tmpl", heading=page["glossary"], intro=page["glossary_intro"]
        ),
        "docs/apparatus.md": _template(
            "apparatus.md.tmpl", heading=page["apparatus"], intro=page["apparatus_intro"]
        ),
        "docs/bibliography.md": _template(
            "bibliography.md.tmpl",
            heading=page["bibliography"],
            intro=page["bibliography_intro"],
        ),
        "docs/refs.bib": _template("refs.bib.tmpl"),
        "docs/about.md": _template(
            "about.md.tmpl",
            heading=page["about"],
            heading_text=page["text"],
            text=page["about_text"].format(witness=witness_name, paragraphs=counted, count=count),
            heading_registers=page["about_registers_heading"],
            registers=page["about_registers"],
            heading_cite=page["about_cite_heading"],
            cite=page["about_cite"],
        ),
    }
    for kind, name, heading, intro in REGISTERS:
        files[f"docs/{name}.md"] = _template(
            "register.md.tmpl", kind=kind, heading=words(heading), intro=words(intro)
        )
    return files


def _check_target(directory: Path) -> None:
    if directory.is_dir():
        if any(directory.iterdir()):
            raise StarterError(f"{directory} is not empty: give a new or empty directory")
    elif directory.exists() or directory.is_symlink():
        raise StarterError(f"{directory} exists and is not a directory")


def _check_title(title: str) -> None:
    if not title.strip():
        raise StarterError("the title is empty")
    if not title.isprintable():
        raise StarterError("the title holds a line break or a control character")


def new_project(directory: Path, witness: Path, title: str | None, language: str) -> list[str]:
    """Write a new edition of *witness* into *directory*; the files written, sorted.

    Everything is checked before anything is written, and the files are written into a
    temporary directory beside *directory* that then takes its place, so that an error leaves
    nothing behind.
    """
    _check_target(directory)
    paragraphs = read_source(witness)
    if title is None:
        title = translation(language).gettext(PAGES["default_title"]).format(name=witness.stem)
    _check_title(title)
    if not LANGUAGE.fullmatch(language):
        raise StarterError(f"{language!r} is not a language tag such as 'en' or 'pt-BR'")
    files = project_files(paragraphs, witness.name, title, language)
    parent = directory.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=parent))
    except OSError as err:
        raise StarterError(f"cannot write into {parent}: {err.strerror}") from None
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if name.startswith("seeds/"):
                shutil.copyfile(witness, path)
            else:
                path.write_text(text, encoding="utf-8")
        staging.chmod(0o777 & ~_umask())
        os.replace(staging, directory)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise StarterError(f"cannot write {directory}: {err.strerror}") from None
    return sorted(files)


def _umask() -> int:
    """The process's umask (mkdtemp makes its directory private; the project should not be)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
