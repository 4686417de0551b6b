"""The ``ed`` domain: the edition's cross-document data, its purge and merge, and its checks.

Data shape (``data_version`` 1)::

    {
        "segments": [Segment, ...],   # transcription, in document order (records.Segment)
        "witness_digest": str,        # SHA-256 of the witness at the last check
    }
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain
from sphinx.util.nodes import make_refnode

from .config import config_location
from .directives import ParagraphDirective, paragraph_id
from .nodes import transcription_pieces, witness_paragraph, witness_text
from .records import Segment
from .roles import ParagraphReferenceRole, WitnessTextRole
from .warnings import Subtype, warn
from .witness import WitnessError, compare, read_witness

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class EditionDomain(Domain):
    """The ``ed`` domain of sphinx-edition."""

    name = "ed"
    label = "Edition"
    directives: ClassVar[dict[str, Any]] = {"paragraph": ParagraphDirective}
    roles: ClassVar[dict[str, Any]] = {
        "text": WitnessTextRole(),
        "para": ParagraphReferenceRole(),
    }
    initial_data: ClassVar[dict[str, Any]] = {
        "segments": [],
        "witness_digest": "",
    }
    data_version = 1

    @property
    def segments(self) -> list[Segment]:
        result: list[Segment] = self.data["segments"]
        return result

    def clear_doc(self, docname: str) -> None:
        self.data["segments"] = [s for s in self.segments if s.docname != docname]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self.segments.extend(s for s in otherdata["segments"] if s.docname in docnames)

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        self.segments.extend(collect_segments(docname, document))

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == "para" and target.isdigit():
            for segment in self.segments:
                if segment.kind == "paragraph" and segment.paragraph == int(target):
                    return make_refnode(
                        builder,
                        fromdocname,
                        segment.docname,
                        paragraph_id(segment.paragraph),
                        contnode,
                        f"paragraph {segment.paragraph}",
                    )
        return None

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = self.resolve_xref(env, fromdocname, builder, "para", target, node, contnode)
        return [("ed:para", found)] if found is not None else []

    def check_consistency(self) -> None:
        path = self.env.config.edition_witness
        if not path:
            return
        try:
            witness = read_witness(Path(path))
        except WitnessError as err:
            warn(Subtype.WITNESS, str(err), config_location(self.env.srcdir, "edition_witness"))
            return
        for problem in compare(witness, self.segments):
            location = (
                (problem.docname, problem.line)
                if problem.docname
                else config_location(self.env.srcdir, "edition_witness")
            )
            warn(Subtype.WITNESS, problem.message, location)


def collect_segments(docname: str, document: nodes.document) -> list[Segment]:
    """The transcription in *document*: its witness paragraphs and other witness text."""
    found = list(document.findall(lambda n: isinstance(n, witness_paragraph | witness_text)))
    segments: list[Segment] = []
    for order, node in enumerate(found):
        assert isinstance(node, nodes.Element)
        if isinstance(node, witness_text):
            if any(isinstance(a, witness_paragraph) for a in _ancestors(node)):
                continue  # already part of its paragraph's text
            following = [n["n"] for n in found[order:] if isinstance(n, witness_paragraph)]
            preceding = [n["n"] for n in found[:order] if isinstance(n, witness_paragraph)]
            number = following[0] if following else (preceding[-1] if preceding else 0)
            kind = "heading"
        else:
            number, kind = node["n"], "paragraph"
        segments.append(
            Segment(docname, node.line or 0, number, order, kind, transcription_pieces(node))
        )
    return segments


def _ancestors(node: nodes.Node) -> Iterable[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def witness_digest(path: str | None) -> str:
    """The SHA-256 of the witness file, or "" when there is none or it cannot be read."""
    if not path:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def reread_on_witness_change(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Re-read the transcribed documents when the witness file itself changed.

    Sphinx checks consistency only after reading something, so a changed witness must make
    the documents that hold the transcription outdated, or the check would not run.
    """
    domain = env.domains["ed"]
    digest = witness_digest(env.config.edition_witness)
    if digest == domain.data["witness_digest"]:
        return []
    domain.data["witness_digest"] = digest
    return sorted({s.docname for s in domain.data["segments"]} - removed)


def warn_missing_reference(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """Report an unresolved ``ed`` reference as an ``edition.xref`` warning."""
    if domain is None or domain.name != "ed":
        return None
    target, typ = node["reftarget"], node["reftype"]
    if typ == "para":
        numbers = sorted({s.paragraph for s in domain.data["segments"] if s.kind == "paragraph"})
        known = f"¶{numbers[0]}–¶{numbers[-1]}" if numbers else "none"
        warn(Subtype.XREF, f"ed:para: no paragraph {target!r} (the edition has {known})", node)
    else:
        warn(Subtype.XREF, f"ed:{typ}: unknown target {target!r}", node)
    return True
