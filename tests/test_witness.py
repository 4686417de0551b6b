"""The witness check: the edition's text must be exactly the text of its source."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import DOCS, WITNESS, edit, sphinx_build, warnings_of

SEED_SHA256 = "665cc5d5962e45e7fa3b65c993f6e0e37bf3bfce1ffebde5cfa1afb85676fd30"

MakeApp = Callable[..., SphinxTestApp]


def build(make_app: MakeApp, srcdir: Path, **kwargs: object) -> SphinxTestApp:
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    return app


def rebuild(app: SphinxTestApp) -> None:
    """An incremental build (no -E) of the same project, with a fresh warning log."""
    app.warning.seek(0)
    app.warning.truncate()
    app.build()


def test_seed_is_the_shared_witness_byte_for_byte() -> None:
    assert hashlib.sha256(WITNESS.read_bytes()).hexdigest() == SEED_SHA256


def test_faithful_transcription_builds_without_warnings(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    app = build(make_app, copy_root("witness"))
    assert warnings_of(app) == []
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    # Smart quotes and dashes leave the transcription alone: it stays as printed.
    assert "keeps &quot;straight quotes&quot; -- and three dots... as printed." in html
    assert '<a class="ed-pnum" href="#p2"' in html
    assert 'id="p3"' in html
    # The paragraph references resolve to the permalink anchors.
    assert 'href="#p2"' in html
    assert ">¶2</span></a>" in html
    assert ">the last one</span></a>" in html


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "the third paragraph",
            "the paragraph",
            "index.md:17: WARNING: ¶3 differs from the witness: ' third' is missing: "
            "witness has 'The third paragraph is short.', edition has "
            "'The paragraph is short.' [edition.witness]",
            id="deleted word",
        ).__class__
        and pytest.param(
            "The third paragraph",
            "The paragraph",
            "index.md:17: WARNING: ¶3 differs from the witness: ' third' is missing: "
            "witness has 'The third paragraph is short.', edition has "
            "'The paragraph is short.' [edition.witness]",
            id="deleted word",
        ),
        pytest.param(
            "for 3½ hours",
            "for nearly 3½ hours",
            "index.md:7: WARNING: ¶1 differs from the witness: 'nearly ' is added: "
            "witness has '… “two premiers” met for 3½ hours at Lüshun.', edition has "
            "'… “two premiers” met for nearly 3½ hours at Lüshun.' [edition.witness]",
            id="inserted word",
        ),
        pytest.param(
            "at Lüshun",
            "at Lushun",
            "index.md:7: WARNING: ¶1 differs from the witness: 'ü' became 'u': "
            "witness has '…s” met for 3½ hours at Lüshun.', edition has "
            "'…s” met for 3½ hours at Lushun.' [edition.witness]",
            id="changed letter",
        ),
    ],
)
def test_changed_transcription_is_a_located_warning(
    make_app: MakeApp, copy_root: Callable[[str], Path], old: str, new: str, expected: str
) -> None:
    srcdir = copy_root("witness")
    edit(srcdir / "index.md", old, new)
    assert warnings_of(build(make_app, srcdir)) == [expected]


def test_dropped_paragraph_is_a_located_warning(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("witness")
    edit(srcdir / "index.md", ":::{ed:paragraph} 2\n", ":::{note}\n")
    edit(srcdir / "index.md", "The second paragraph keeps", "A note instead, keeps")
    assert warnings_of(build(make_app, srcdir)) == [
        # The run-in heading now leads into ¶3, whose text no longer matches.
        "index.md:10: WARNING: ¶3 differs from the witness: 'Background ' is added: "
        "witness has 'The third paragraph is s…', edition has "
        "'Background The third paragraph is s…' [edition.witness]",
        "index.md:16: WARNING: ¶2 of the witness is missing from the edition: "
        "'Background The second pa…' [edition.witness]",
        "index.md:20: WARNING: ed:para: no paragraph '2' (the edition has ¶1–¶3) [edition.xref]",
    ]


def test_reordered_paragraphs_are_a_located_warning(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("witness")
    index = srcdir / "index.md"
    text = index.read_text(encoding="utf-8")
    second = text[text.index(":::{ed:paragraph} 2") : text.index(":::{ed:paragraph} 3")]
    third = text[text.index(":::{ed:paragraph} 3") : text.index("See {ed:para}")]
    index.write_text(text.replace(second + third, third + second), encoding="utf-8")
    assert warnings_of(build(make_app, srcdir)) == [
        "index.md:10: WARNING: ¶3 differs from the witness: 'Background ' is added: "
        "witness has 'The third paragraph is s…', edition has "
        "'Background The third paragraph is s…' [edition.witness]",
        "index.md:16: WARNING: ¶2 comes after ¶3, but the witness has it before [edition.witness]",
        "index.md:17: WARNING: ¶2 differs from the witness: 'Background ' is missing: "
        "witness has 'Background The second paragraph kee…', edition has "
        "'The second paragraph kee…' [edition.witness]",
    ]


def test_missing_witness_file_is_a_clear_warning(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("witness")
    (srcdir / "witness.txt").unlink()
    assert warnings_of(build(make_app, srcdir)) == [
        # Located where conf.py names the witness.
        "conf.py:3: WARNING: the witness file witness.txt does not exist [edition.witness]"
    ]


def test_undecodable_witness_file_is_a_clear_warning(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("witness")
    (srcdir / "witness.txt").write_bytes(b"caf\xe9\n")
    warnings = warnings_of(build(make_app, srcdir))
    assert len(warnings) == 1
    assert "is not UTF-8 (byte 3: 0xe9) [edition.witness]" in warnings[0]


def test_suppress_warnings_silences_the_witness_check(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("witness")
    edit(srcdir / "index.md", "at Lüshun", "at Lushun")
    app = build(make_app, srcdir, confoverrides={"suppress_warnings": ["edition.witness"]})
    assert warnings_of(app) == []


def test_incremental_build_rechecks_edited_text_and_edited_witness(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("witness")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == []
    # Edit the text: the next build (no -E) warns.
    edit(srcdir / "index.md", "is short.", "is shorter.")
    rebuild(app)
    assert warnings_of(app) == [
        "index.md:17: WARNING: ¶3 differs from the witness: 'er' is added: "
        "witness has '…third paragraph is short.', edition has "
        "'…third paragraph is shorter.' [edition.witness]"
    ]
    # Edit the witness to agree: the next build re-reads the text and is clean again.
    edit(srcdir / "witness.txt", "is short.", "is shorter.")
    rebuild(app)
    assert warnings_of(app) == []
    assert "shorter" in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_bad_paragraph_number_is_a_located_warning(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("witness")
    edit(srcdir / "index.md", ":::{ed:paragraph} 3", ":::{ed:paragraph} three")
    warnings = warnings_of(build(make_app, srcdir))
    assert warnings[0] == (
        "index.md:16: WARNING: ed:paragraph needs a whole number from 1 up as its argument, "
        "not 'three' [edition.option]"
    )


def test_the_real_edition_passes_the_witness_check(tmp_path: Path) -> None:
    result = sphinx_build("-b", "html", "-n", "-W", "--keep-going", DOCS, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    html = (tmp_path / "text.html").read_text(encoding="utf-8")
    for number in range(1, 14):
        assert f'id="p{number}"' in html
