"""The edition's data on its web site: the ``data/`` folder and the ``ed:downloads`` table.

At the end of every HTML build (``build-finished``) the registers and the notes are written
as CSV and JSON into ``data/`` in the output, from the ``ed`` domain's records, with the CSV
files that link them and the data package that describes them all
(:mod:`.datapackage`), and the TEI
document is assembled there by the same writer as ``-b tei``, from the parts made as the
pages were written (:mod:`.tei.cache`).  Read the Docs publishes the HTML output, so the files
are published with the pages.

``ed:downloads`` lists the files, with the number of records in each, on a page of the
edition.  The links are made per builder: relative on the web, absolute (from
``edition_url``) in the PDF and EPUB, which do not carry the files.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from sphinx_edition.core.edition import edition
from sphinx_edition.core.vocabulary import KIND
from sphinx_edition.domain.domain import edition_domain
from sphinx_edition.export.datapackage import PACKAGE_FILE, descriptor, write_package
from sphinx_edition.export.files import write_exports
from sphinx_edition.export.tables import (
    EXPORTS,
    MENTIONS_FILE,
    NOTES_FILE,
    PARAGRAPHS_FILE,
    PARTICIPANTS_FILE,
)
from sphinx_edition.export.tei.cache import parts_of_build
from sphinx_edition.export.tei.context import TEI_FILE
from sphinx_edition.export.tei.document import note_texts, report, write_tei
from sphinx_edition.locale import _, ngettext
from sphinx_edition.render.base import WEB_BUILDERS
from sphinx_edition.render.survey import holds

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

DATA_FOLDER = "data"


def _files() -> list[tuple[str, str, str, str]]:
    """(file name, format, what it holds, what it counts): a count is filled in when the
    pages are written (:func:`_counted`), once the whole edition has been read."""
    rows = []
    for name, kind in EXPORTS:
        rows.append((f"{name}.csv", "CSV", "", kind))
        rows.append((f"{name}.json", "JSON", "", kind))
    rows.append((f"{NOTES_FILE}.csv", "CSV", "", "note"))
    rows.append((f"{NOTES_FILE}.json", "JSON", "", "note"))
    rows.append((f"{PARAGRAPHS_FILE}.csv", "CSV", "", "paragraph"))
    mentions = _("Every mention of an entry, with its ¶ and note")
    rows.append((f"{MENTIONS_FILE}.csv", "CSV", mentions, ""))
    rows.append((f"{PARTICIPANTS_FILE}.csv", "CSV", _("The participants of each event"), ""))
    rows.append((TEI_FILE, "TEI P5 XML", "", "edition"))
    rows.append(
        (
            PACKAGE_FILE,
            "Frictionless Data Package",
            _("What each file holds: fields, types, keys, licence and citation"),
            "",
        )
    )
    return rows


def _counted(what: str, counts: Counter[str]) -> str:
    """What a file holds, with its count, in the language's plural form for that count."""
    if what in KIND:
        n = counts[what]
        # Translators: {kinds} is "people", "events" …; {count} is their number.
        text = ngettext(
            "The register of {kinds}: {count} record", "The register of {kinds}: {count} records", n
        )
        return text.format(kinds=_(KIND[what].plural), count=n)
    if what == "note":
        n = counts["note"]
        return ngettext("The apparatus: {count} note", "The apparatus: {count} notes", n).format(
            count=n
        )
    n = counts["paragraph"]
    if what == "paragraph":
        text = ngettext(
            "{count} paragraph, with its address", "The {count} paragraphs, with their addresses", n
        )
        return text.format(count=n)
    text = ngettext(
        "The whole edition: {count} paragraph with its markup and notes, the registers and the "
        "bibliography",
        "The whole edition: {count} paragraphs with their markup and notes, the registers and "
        "the bibliography",
        n,
    )
    return text.format(count=n)


class DownloadsDirective(SphinxDirective):
    """``ed:downloads``: a table of the edition's data files, linked."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        table = nodes.table(classes=["ed-downloads", "colwidths-auto"])
        group = nodes.tgroup(cols=3)
        table += group
        group.extend(nodes.colspec(colwidth=1) for _column in range(3))
        head = nodes.thead()
        columns = (_("File"), _("Format"), _("Contents"))
        head += nodes.row("", *(nodes.entry("", nodes.paragraph(text=t)) for t in columns))
        body = nodes.tbody()
        for filename, form, what, counted in _files():
            link = nodes.reference(
                "", "", nodes.literal(text=filename), refuri=f"{DATA_FOLDER}/{filename}"
            )
            link["ed_download"] = filename
            contents = nodes.inline(text=what, classes=["ed-download-contents"])
            if counted:
                contents["ed_counts"] = counted
            body += nodes.row(
                "",
                nodes.entry("", nodes.paragraph("", "", link)),
                nodes.entry("", nodes.paragraph(text=form)),
                nodes.entry("", nodes.paragraph("", "", contents)),
            )
        group += head
        group += body
        self.set_source_info(table)
        return [table]


class DownloadLinks(SphinxPostTransform):
    """Point the download links at the files and fill in the counts, for each builder."""

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        if not holds(self.document, "ed_download", "ed_counts"):
            return
        links = [n for n in self.document.findall(nodes.reference) if n.get("ed_download")]
        counted = [n for n in self.document.findall(nodes.inline) if n.get("ed_counts")]
        if not links and not counted:
            return
        domain = edition_domain(self.env)
        counts: Counter[str] = Counter(e.kind for e in domain.all_entries())
        counts["note"] = len(domain.notes)
        counts["paragraph"] = len({s.paragraph for s in domain.segments if s.kind == "paragraph"})
        for node in counted:
            node.children = [nodes.Text(_counted(str(node["ed_counts"]), counts))]
        app: Any = getattr(self.env, "_app", None) or self.app
        builder = app.builder
        base = edition(self.config).url
        for link in links:
            path = f"{DATA_FOLDER}/{link['ed_download']}"
            if builder.name in WEB_BUILDERS or builder.name == "linkcheck":
                # linkcheck takes a relative link for a local file and leaves it alone.
                link["refuri"] = relative_uri(builder.get_target_uri(self.env.docname), path)
            elif base:
                link["refuri"] = base + path
            else:
                link.replace_self(link.children)


def write_data(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the CSV, JSON and TEI files into the site's ``data/``.

    A project with neither a transcription, nor register entries, nor notes gets nothing; one
    without a transcription gets no TEI file (``-b tei`` says why).
    """
    if exception is not None or app.builder.name not in WEB_BUILDERS:
        return
    domain = edition_domain(app.env)
    if not (domain.segments or domain.entries or domain.notes):
        return
    folder = Path(app.outdir) / DATA_FOLDER
    info = edition(app.config)
    builder = app.builder

    def link(docname: str, anchor: str) -> str:
        uri = builder.get_target_uri(docname)
        uri = info.page_url(uri) or uri
        return f"{uri}#{anchor}" if anchor else uri

    explanations: dict[str, str] = {}
    if domain.segments:
        context, parts = parts_of_build(app)
        root, problems = write_tei(context, parts, folder / TEI_FILE)
        report(problems)
        explanations = note_texts(root)
    counts = write_exports(
        folder,
        domain.all_entries(),
        domain.mentions,
        domain.notes,
        domain.segments,
        title=info.title,
        link=link,
        explanations=explanations,
        license=info.license_url or info.license,
    )
    plurals = {kind: KIND[kind].plural for _name, kind in EXPORTS}
    tei_file = TEI_FILE if domain.segments else ""
    write_package(folder, descriptor(info, app.config.edition_license, plurals, tei_file))
    figures = ", ".join(f"{n} {name}" for name, n in counts.items())
    tei = f", {TEI_FILE}" if domain.segments else ""
    logger.info(f"edition data: {figures}{tei} and {PACKAGE_FILE} in {folder}")
