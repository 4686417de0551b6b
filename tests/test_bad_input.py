"""Malformed input: each mistake an editor can make is exactly one located warning, never a
traceback; and the parsers never let an unexpected exception escape, whatever the input."""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from conftest import sphinx_build
from sphinx_edition.core import dates, durations, fields

MakeApp = Callable[..., SphinxTestApp]

# (kind, the malformed option line or "" for a mistake in the directive line, the subtype)
ENTRY_CASES = [
    ("person", ":born: 1904-02-30", "date"),
    ("person", ":died: 19XX-13", "date"),
    ("person", ":offices: Premier (1964/19800)", "option"),
    ("person", ":offices: Premier 1964", "option"),
    ("person", ":alt: Peking [English; 19999]", "option"),
    ("person", ":wikidata: 5816", "authority"),
    ("person", ":viaf: abc", "authority"),
    ("person", ":sources: a b", "option"),
    ("person", "NO-NAME", "option"),
    ("event", ":date: 1962/1958", "date"),
    ("event", ":date: abc", "date"),
    ("event", ":date: 1969/13", "date"),
    ("event", ":participants: a,,b", "option"),
    ("event", ":participants: Bad Id", "option"),
    ("place", ":coords: 91, 0", "coordinates"),
    ("place", ":coords: 10, 181", "coordinates"),
    ("place", ":coords: north", "coordinates"),
    ("place", ":geonames: 0123", "authority"),
]
# Text that makes one mistake, and the subtype of the warning it must give.
TEXT_CASES = [
    ("{ed:person}`X <nosuch>`", "xref"),
    ("{ed:person}`X <e-ok>`", "xref"),
    ("{ed:date}`X <1969-13-01>`", "date"),
    ("{ed:date}`X`", "date"),
    ("{ed:date}`X <1969 extra>`", "option"),
    ("{ed:date}`X <1969 @nosuch>`", "xref"),
    ("{ed:duration}`X <27 parsecs: e-ok>`", "option"),
    ("{ed:duration}`X <seldom 3 years: e-ok>`", "option"),
    ("{ed:duration}`X`", "option"),
    ("{ed:duration}`X <3 years: nosuch>`", "xref"),
    ("{ed:sequence}`X <e-ok sometimes e-ok>`", "option"),
    ("{ed:sequence}`X <nosuch before e-ok>`", "xref"),
    ("{ed:person}`X <p-ok | Premier>`", "option"),
    ("{ed:person}`X <p-ok | Premier | 1969-13>`", "date"),
    ("{ed:para}`99`", "xref"),
    ("[a link](http://)", "url"),
]
NOTE_CASES = [
    (":lemma: word\n:sources: k1", "note", 0),  # no category: at the directive
    (":lemma: word\n:category: factul\n:sources: k1", "note", 2),
    (":lemma: absent\n:category: factual\n:sources: k1", "note", 1),
    (":lemma: word\n:occurrence: first\n:category: factual\n:sources: k1", "option", 2),
    (":lemma: word\n:category: factual", "note", 0),  # no source: at the directive
]


def _project(root: Path) -> dict[tuple[str, int], str]:
    """Write a project with every mistake; return where each warning must be, and its type."""
    expected: dict[tuple[str, int], str] = {}
    root.mkdir()
    (root / "conf.py").write_text(
        'extensions = ["sphinx_edition"]\nmyst_enable_extensions = ["colon_fence"]\n'
        'exclude_patterns = ["_build"]\nhtml_theme = "basic"\n',
        encoding="utf-8",
    )
    (root / "index.md").write_text(
        "# Bad input\n\n```{toctree}\nregisters\ntext\n```\n", encoding="utf-8"
    )
    lines = [
        "# Registers",
        "",
        ":::{ed:person} p-ok",
        ":name: OK",
        ":offices: Premier (1964/1980)",
        ":::",
        "",
        ":::{ed:event} e-ok",
        ":name: OK event",
        ":date: 1969",
        ":::",
        "",
    ]
    ids = ["p-ok", "e-ok"]
    for number, (kind, option, subtype) in enumerate(ENTRY_CASES):
        entry_id = f"{kind[0]}{number}"
        ids.append(entry_id)
        start = len(lines) + 1
        lines.append(f":::{{ed:{kind}}} {entry_id}")
        if option == "NO-NAME":
            expected[("registers.md", start)] = subtype
        else:
            lines.append(f":name: Entry {number}")
            lines.append(option)
            expected[("registers.md", start + 2)] = subtype
        lines += [":::", ""]
    start = len(lines) + 1
    lines += [":::{ed:person} Bad_Id!", ":name: Bad", ":::", ""]
    expected[("registers.md", start)] = "option"
    start = len(lines) + 1
    lines += ["::::{ed:register} persons", "::::", ""]
    expected[("registers.md", start)] = "option"
    (root / "registers.md").write_text("\n".join(lines), encoding="utf-8")

    text = [
        "# Text",
        "",
        ":::{ed:paragraph} 1",
        " ".join(f"{{ed:entry}}`{i} <{i}>`" for i in ids),
        ":::",
        "",
    ]
    for number, (markup, subtype) in enumerate(TEXT_CASES, 2):
        text += [f":::{{ed:paragraph}} {number}", f"A {markup} here.", ":::", ""]
        expected[("text.md", len(text) - 2)] = subtype
    paragraph = len(TEXT_CASES) + 2
    for options, subtype, offset in NOTE_CASES:
        text += [f"::::{{ed:paragraph}} {paragraph}", "One word here.", "", ":::{ed:note}"]
        expected[("text.md", len(text) + offset)] = subtype
        text += [*options.split("\n"), "", "A note.", ":::", "::::", ""]
        paragraph += 1
    text += [
        f"::::{{ed:paragraph}} {paragraph}",
        "One word here.",
        "",
        ":::{ed:note} Bad_Id!",
        ":lemma: word",
        ":category: factual",
        ":sources: k1",
        "",
        "A note.",
        ":::",
        "::::",
        "",
    ]
    expected[("text.md", len(text) - 8)] = "option"
    text += [
        ":::{ed:note}",
        ":lemma: word",
        ":category: factual",
        ":sources: k1",
        "",
        "Outside any paragraph.",
        ":::",
        "",
    ]
    expected[("text.md", len(text) - 7)] = "note"
    text += [":::{ed:paragraph} five", "Not a number.", ":::", ""]
    expected[("text.md", len(text) - 3)] = "option"
    (root / "text.md").write_text("\n".join(text), encoding="utf-8")
    return expected


def test_every_malformed_input_is_exactly_one_located_warning(
    make_app: MakeApp, tmp_path: Path
) -> None:
    expected = _project(tmp_path / "bad")
    assert len(expected) >= 30
    app = make_app("html", srcdir=tmp_path / "bad")
    app.build()  # a traceback here would fail the test
    log = strip_escape_sequences(app.warning.getvalue()).replace(str(app.srcdir) + "/", "")
    found: Counter[tuple[str, int, str]] = Counter()
    for line in log.splitlines():
        if "WARNING" not in line:
            continue
        where, _, rest = line.partition(": WARNING: ")
        path, _, number = where.rpartition(":")
        assert rest.endswith("]"), line
        assert "[edition." in rest, line
        found[(path, int(number), rest.rsplit("[edition.", 1)[1].rstrip("]"))] += 1
    wanted = Counter((path, line, subtype) for (path, line), subtype in expected.items())
    assert found == wanted


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_date_parsing_only_ever_raises_date_error(text: str) -> None:
    try:
        span = dates.parse(text)
    except dates.DateError:
        return
    assert span.earliest is None or span.latest is None or span.earliest <= span.latest
    dates.display(text)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[0-9X~?%./-]{1,24}", fullmatch=True))
def test_date_like_strings_only_ever_raise_date_error(text: str) -> None:
    try:
        dates.parse(text)
        dates.julian_to_gregorian(text)
    except dates.DateError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_claim_parsing_only_ever_raises_claim_error(text: str) -> None:
    for parse in (durations.parse_duration, durations.parse_sequence):
        with contextlib.suppress(durations.ClaimError):
            parse(text)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["about", "nearly", "over", "exactly", "under", "at-least", ""]),
    st.decimals(min_value=0, max_value=1000, places=2).map(str),
    st.sampled_from(["year", "years", "month", "day", "hour", "decade", "parsec"]),
    st.lists(st.sampled_from(["1969", "1958/1962~", "..", "x", "1969-09-11"]), max_size=3),
)
def test_wellformed_looking_claims_parse_or_say_why(
    qualifier: str, quantity: str, unit: str, anchors: list[str]
) -> None:
    text = f"{qualifier} {quantity} {unit}: {' .. '.join(anchors)}"
    try:
        claim = durations.parse_duration(text)
    except durations.ClaimError:
        return
    low, high = durations.QUALIFIERS[claim.qualifier].window(claim.quantity)
    assert low <= high


OPTION_PARSERS = [
    fields.alt_names,
    fields.offices,
    fields.coordinates,
    fields.id_list,
    fields.key_list,
    fields.entry_id,
    lambda text: fields.authority("wikidata", text),
    lambda text: fields.authority("geonames", text),
    fields.date,
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(OPTION_PARSERS), st.text(max_size=60))
def test_directive_option_parsers_only_ever_raise_field_error(
    parse: Callable[[str], object], text: str
) -> None:
    with contextlib.suppress(fields.FieldError):
        parse(text)


REPORTED_PROJECT = {
    "conf.py": 'edition_checks = True\nedition_year = 19.5\nedition_witness = "witness.txt"\n',
    "people.md": (
        "# People\n\n::::{ed:register} person\n:::{ed:person} p1\n:name: P\n"
        ":born: 1904-02-30\n:wikidata: 5816\n:bron: 1900\n:::\n::::\n"
    ),
    "text.md": (
        "# Text\n\n:::{ed:paragraph} 1\nAlpha {ed:person}`beta <p1>` "
        "{ed:date}`gamma. <1969 extra>`\n:::\n\n:::{ed:paragraph} 2\nDelta.\n:::\n"
    ),
    "witness.txt": "Alpha beta gamma.\nDelta!\n",
}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_report_holds_every_warning_of_the_build(tmp_path: Path, jobs: str) -> None:
    from corpus.run import DEFAULTS

    project = tmp_path / "project"
    project.mkdir()
    files = {**DEFAULTS, **REPORTED_PROJECT}
    files["conf.py"] = DEFAULTS["conf.py"] + REPORTED_PROJECT["conf.py"]
    for name, text in files.items():
        (project / name).write_text(text, encoding="utf-8")
    out = tmp_path / "report"
    for _ in range(2):  # the second run reads the saved environment
        result = sphinx_build("-b", "edition-check", "-j", jobs, project, out)
        assert result.returncode == 0, result.stderr
        printed = set()
        for line in strip_escape_sequences(result.stderr).splitlines():
            where, _, rest = line.partition(": WARNING: ")
            if rest:
                message, _, subtype = rest.rpartition(" [")
                printed.add((where.replace(f"{project}/", ""), subtype.rstrip("]"), message))
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        listed = {(p["location"], p["subtype"], p["message"]) for p in report["problems"]}
        assert listed == printed
        assert {(where, subtype) for where, subtype, _ in listed} == {
            ("conf.py:8", "edition.config"),
            ("people.md:6", "edition.date"),
            ("people.md:7", "edition.authority"),
            ("people.md:8", "edition.option"),
            ("text.md:4", "edition.option"),
            ("text.md:8", "edition.witness"),
        }
        assert report["counts"]["problems"] == 6
        assert "6 problems" in report["summary"]
        text = (out / "report.txt").read_text(encoding="utf-8")
        assert "people.md:8: ed:person: unknown option :bron: (did you mean :born:?)" in text


def test_one_changed_character_in_a_long_paragraph_is_found_and_described() -> None:
    from sphinx_edition.checks.witness import describe_difference

    text = " ".join(f"word{i % 97}" for i in range(40_000))  # about 270 KB
    at = text.index(" ", len(text) // 2) + 1
    changed = text[:at] + "W" + text[at + 1 :]
    found = describe_difference(text, changed)
    assert found is not None
    index, description = found
    assert index == at
    assert description.startswith("'w' became 'W': witness has '…")
    assert describe_difference(text, text) is None
    assert describe_difference(text, text + " extra")[1].startswith("' extra' is added")  # type: ignore[index]
