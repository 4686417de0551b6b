"""Messages that say what to do, at the traps a new user met (issue 16, point 8)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import edit, warnings_of
from sphinx_edition.checks.chronology import offices
from sphinx_edition.core.records import Entry, Mention, Office

MakeApp = Callable[..., SphinxTestApp]


def build(make_app: MakeApp, srcdir: Path) -> list[str]:
    app = make_app("html", srcdir=srcdir)
    app.build()
    return warnings_of(app)


def test_an_option_given_twice_is_reported_where_it_is_given_again(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("registers")
    edit(srcdir / "people.md", ":name: Alexei Kosygin\n", ":name: Alexei Kosygin\n:name: Kosygin\n")
    assert build(make_app, srcdir) == [
        "people.md:19: WARNING: ed:person: :name: is given twice (first at line 18); the "
        "second value is used [edition.option]"
    ]


def test_a_one_paragraph_witness_is_not_called_paragraphs(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("witness")
    first = (srcdir / "witness.txt").read_text(encoding="utf-8").splitlines()[0]
    (srcdir / "witness.txt").write_text(first + "\n", encoding="utf-8")
    found = [w for w in build(make_app, srcdir) if "does not exist" in w]
    assert found == [
        "index.md:12: WARNING: ¶2 does not exist: the witness has 1 paragraph [edition.witness]",
        "index.md:16: WARNING: ¶3 does not exist: the witness has 1 paragraph [edition.witness]",
    ]


def test_without_colon_fence_the_message_says_what_to_do(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("witness")
    edit(
        srcdir / "conf.py",
        'myst_enable_extensions = ["colon_fence"]',
        "myst_enable_extensions = []",
    )
    found = [w for w in build(make_app, srcdir) if "marks no paragraph" in w]
    assert len(found) == 1
    assert "myst_enable_extensions must have 'colon_fence'" in found[0]


def test_an_office_on_a_day_reads_on_that_day() -> None:
    person = Entry(
        "people", 1, "person", "k", "Kosygin", "Kosygin", (), "",
        (("born", "1904"), ("died", "1980")), (Office("Premier", "1964-10-15/1980-10-23"),),
        (), None, (), (), "",
    )  # fmt: skip
    said = Mention("text", 4, "person", "k", "Kosygin", 1, "m1", "", "Premier", "1962-10-27")
    [found] = offices({"k": [person]}, [said])
    assert "held no office matching 'Premier' on 27 October 1962 (" in found.message


def test_a_missing_bibliography_file_is_said_once_where_it_is_named(
    make_app: MakeApp, copy_root: Callable[[str], Path]
) -> None:
    srcdir = copy_root("notes")
    (srcdir / "refs.bib").unlink()
    ours = [w for w in build(make_app, srcdir) if "[edition." in w]
    assert ours == [
        "conf.py:4: WARNING: bibtex_bibfiles: 'refs.bib' does not exist (relative to the "
        "folder of conf.py), so no source of a note or entry can be checked: correct the name "
        "or add the file [edition.citation]"
    ]
