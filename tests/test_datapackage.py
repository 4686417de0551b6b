"""The data package (``data/datapackage.json``), validated with frictionless, and the CSV
files' formula neutralisation."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate
from sphinx.testing.util import SphinxTestApp

from conftest import DOCS, warnings_of
from sphinx_edition.export.tables import neutral

MakeApp = Callable[..., SphinxTestApp]


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def foreign_keys(folder: Path) -> list[tuple[str, str, str, set[str], set[str]]]:
    """Each foreign key of the package: (resource, field, target, its values, the target's)."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: r for r in package["resources"] if r["type"] == "table"}
    found = []
    for name, resource in tables.items():
        for key in resource["schema"].get("foreignKeys", ()):
            target = key["reference"]["resource"]
            values = {r[key["fields"]] for r in rows(folder / resource["path"])} - {""}
            targets = {r[key["reference"]["fields"]] for r in rows(folder / f"{target}.csv")}
            found.append((name, key["fields"], target, values, targets))
    return found


@pytest.fixture(scope="module")
def edition_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    app = SphinxTestApp("html", srcdir=DOCS, builddir=tmp_path_factory.mktemp("html"))
    try:
        app.build()
        assert warnings_of(app) == []
        return Path(app.outdir) / "data"
    finally:
        app.cleanup()


@pytest.fixture
def release_data(make_app: MakeApp, copy_root: Callable[[str], Path]) -> Path:
    app = make_app("html", srcdir=copy_root("release"))
    app.build()
    assert warnings_of(app) == []
    return Path(app.outdir) / "data"


def test_the_edition_data_package_is_valid(edition_data: Path) -> None:
    report = validate(edition_data / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])
    assert len(report.tasks) == 14


def test_the_package_describes_every_file_of_data(edition_data: Path) -> None:
    package: dict[str, Any] = json.loads((edition_data / "datapackage.json").read_text("utf-8"))
    described = {r["path"] for r in package["resources"]}
    assert described == {p.name for p in edition_data.iterdir()} - {"datapackage.json"}
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    assert package["citation"] == (
        "the sphinx-edition editors (eds.), The Sino-Soviet Split and the 1969 Border Crisis: "
        "An Annotated Critical Edition, version 0.1 (2026), "
        "https://sphinx-edition.readthedocs.io/en/latest/."
    )
    tei = next(r for r in package["resources"] if r["path"] == "edition.tei.xml")
    assert tei["mediatype"] == "application/tei+xml"
    people = next(r for r in package["resources"] if r["name"] == "people")
    assert people["schema"]["primaryKey"] == ["id"]
    assert [f["name"] for f in people["schema"]["fields"]][:3] == ["id", "name", "sort"]


def test_every_foreign_key_of_the_edition_resolves(edition_data: Path) -> None:
    keys = foreign_keys(edition_data)
    assert {(name, field) for name, field, *_ in keys} == {
        ("notes", "paragraph"),
        *(("mentions", f) for f in ("people", "events", "places", "organisations")),
        ("mentions", "paragraph"),
        ("mentions", "note"),
        *(("participants", f) for f in ("event", "people", "organisations", "places")),
    }
    for name, field, target, values, targets in keys:
        assert values <= targets, (name, field, target, values - targets)
    used = {(name, field) for name, field, _, values, _ in keys if values}
    # Every key joins something in the edition, except places taking part in events.
    assert used == {(name, field) for name, field, *_ in keys} - {("participants", "places")}


def test_a_dangling_foreign_key_fails_validation(release_data: Path) -> None:
    assert validate(release_data / "datapackage.json").valid
    mentions = release_data / "mentions.csv"
    mentions.write_text(
        mentions.read_text(encoding="utf-8").replace(",kosygin,kosygin,", ",kosygin,nobody,"),
        encoding="utf-8",
    )
    report = validate(release_data / "datapackage.json")
    assert not report.valid
    assert [t for (t,) in report.flatten(["type"])] == ["foreign-key"]


def test_hostile_entry_names_are_neutralised_in_csv_only(release_data: Path) -> None:
    (clerk,) = [r for r in rows(release_data / "people.csv") if r["id"] == "clerk"]
    assert clerk["name"] == '\'=HYPERLINK("https://evil.example/","click")'
    assert clerk["summary"] == "'-2+3 was written in the minutes."
    (mention,) = [r for r in rows(release_data / "mentions.csv") if r["entry"] == "clerk"]
    assert mention["text"] == "the clerk"
    (place,) = rows(release_data / "places.csv")
    assert (place["latitude"], place["longitude"]) == ("40.08", "116.58")
    data = json.loads((release_data / "people.json").read_text(encoding="utf-8"))
    (item,) = [i for i in data["items"] if i["id"] == "clerk"]
    assert item["name"] == '=HYPERLINK("https://evil.example/","click")'


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-33.5", "-33.5"),
        ("-1e-05", "-1e-05"),
        ("1969-09-11", "1969-09-11"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutral_prefixes_what_a_spreadsheet_would_run(cell: str, shown: str) -> None:
    assert neutral(cell) == shown
