"""A citable, findable release: CITATION.cff, sitemap.xml, OpenGraph tags and the 404 page, in
the edition's built output (in this checkout, on Read the Docs, and in a shallow clone)."""

from __future__ import annotations

import datetime
import json
import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import DOCS, PROJECT, TESTS, edit, require_tool

CFF_SCHEMA = TESTS / "schemas" / "citation-file-format-1.2.0.json"
SITE = "https://sphinx-edition.readthedocs.io/en/latest/"


def citation() -> dict[str, object]:
    """CITATION.cff as the schema reads it: YAML dates as strings (the schema's own comment)."""
    data: dict[str, object] = yaml.safe_load((PROJECT / "CITATION.cff").read_text("utf-8"))
    return {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in data.items()}


def build(source: Path, out: Path, **environ: str) -> subprocess.CompletedProcess[str]:
    """sphinx-build -n -W of *source*, with the environment Read the Docs would give."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("READTHEDOCS")}
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-n", "-W", "--keep-going", source, out],
        capture_output=True,
        text=True,
        check=False,
        env={**env, **environ},
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edition built in this checkout, as `nox -s docs` builds it."""
    out = tmp_path_factory.mktemp("site")
    done = build(DOCS, out)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def copy_sources(target: Path) -> Path:
    """The edition's sources (docs and the witness) without Git."""
    shutil.copytree(DOCS, target / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(PROJECT / "seeds", target / "seeds")
    shutil.copytree(PROJECT / "benchmarks", target / "benchmarks")  # results.md, included
    return target / "docs"


def sitemap(out: Path) -> list[tuple[str, str]]:
    text = (out / "sitemap.xml").read_text(encoding="utf-8")
    return [
        (loc, lastmod)
        for loc, lastmod in re.findall(
            r"<url><loc>([^<]+)</loc>(?:<lastmod>([^<]+)</lastmod>)?</url>", text
        )
    ]


# -- CITATION.cff ---------------------------------------------------------------------------


def test_citation_cff_is_valid_against_the_cff_schema() -> None:
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(citation(), schema, format_checker=jsonschema.FormatChecker())


def test_the_cff_schema_rejects_a_citation_without_authors() -> None:
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    broken = {k: v for k, v in citation().items() if k != "authors"}
    with pytest.raises(jsonschema.ValidationError, match="'authors' is a required property"):
        jsonschema.validate(broken, schema)


def test_citation_cff_says_what_the_edition_says() -> None:
    config = runpy.run_path(str(DOCS / "conf.py"))
    cff = citation()
    assert cff["title"] == config["edition_title"]
    assert cff["version"] == config["release"]
    assert cff["license"] == config["edition_license"]
    assert cff["url"] == SITE
    assert cff["authors"] == [{"name": name} for name in config["edition_editors"]]
    assert str(cff["date-released"]).startswith(config["edition_year"])


# -- sitemap, OpenGraph, 404 ----------------------------------------------------------------


def test_the_sitemap_lists_every_page_with_its_last_commit(site: Path) -> None:
    found = sitemap(site)
    pages = {loc.removeprefix(SITE) for loc, _ in found}
    assert {"index.html", "text.html", "people.html", "apparatus.html", "data.html"} <= pages
    assert not {"search.html", "404.html"} & pages
    assert all(loc.startswith(SITE) for loc, _ in found)
    dated = {loc.removeprefix(SITE)[: -len(".html")]: date for loc, date in found}
    for page, date in dated.items():
        if (DOCS / f"{page}.md").is_file():
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", date), page
        else:  # genindex and the domain's indices: generated, with no commit of their own
            assert date == "", page


def test_every_page_has_opengraph_tags_and_no_card_image(site: Path) -> None:
    head = (site / "text.html").read_text(encoding="utf-8").split("</head>")[0]
    tags = dict(re.findall(r'<meta property="og:([a-z_:]+)" content="([^"]*)"', head))
    assert tags["title"] == "Sino-Soviet Border Conflict"
    assert tags["url"] == f"{SITE}text.html"
    assert tags["type"] == "website"
    assert tags["site_name"] == "The Sino-Soviet Split and the 1969 Border Crisis"
    assert "On September 11, 1969, Soviet Premier Alexei Kosygin" in tags["description"]
    assert "image" not in tags


def test_the_404_page_links_from_the_site_root(site: Path) -> None:
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Page not found</h1>" in page
    assert "href='/text.html'" in page
    assert 'href="/_static/' in page or "href='/_static/" in page


def test_on_read_the_docs_every_address_is_the_versions(tmp_path: Path) -> None:
    """A copy without Git, as Read the Docs builds a tag's version: the version's addresses
    throughout, and a sitemap without dates instead of a failed build."""
    version = "https://sphinx-edition.readthedocs.io/en/v0.1/"
    out = tmp_path / "out"
    done = build(
        copy_sources(tmp_path),
        out,
        READTHEDOCS="True",
        READTHEDOCS_VERSION="v0.1",
        READTHEDOCS_LANGUAGE="en",
        READTHEDOCS_CANONICAL_URL=version,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = sitemap(out)
    assert found
    assert all(loc.startswith(version) and not date for loc, date in found)
    assert f'<meta property="og:url" content="{version}text.html" />' in (
        out / "text.html"
    ).read_text(encoding="utf-8")
    page = (out / "404.html").read_text(encoding="utf-8")
    assert "href='/en/v0.1/text.html'" in page
    assert "/en/v0.1/_static/" in page


def test_a_shallow_clone_builds_clean_and_dates_its_pages_once_unshallowed(
    tmp_path: Path,
) -> None:
    """The Read the Docs pitfall: a shallow clone (as Read the Docs makes) must not fail the
    build; after `git fetch --unshallow` (.readthedocs.yaml) the sitemap has dates.

    The sources are committed to a repository of their own, in two commits, so that the test
    does not depend on how this checkout was cloned.
    """
    require_tool("git")
    origin = tmp_path / "origin"
    copy_sources(origin)

    def git(*args: str, cwd: Path = origin) -> None:
        subprocess.run(
            ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
            cwd=cwd,
            check=True,
            capture_output=True,
        )

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "Release 0.1", "--date", "2026-01-02T03:04:05Z")
    edit(origin / "docs" / "about.md", "# About this edition", "# About this edition ")
    git("commit", "-q", "-am", "About: a space", "--date", "2026-02-03T04:05:06Z")
    clone = tmp_path / "clone"
    git("clone", "-q", "--depth", "1", f"file://{origin}", str(clone), cwd=tmp_path)
    first = build(clone / "docs", tmp_path / "shallow")
    assert first.returncode == 0, first.stderr[-3000:]
    assert sitemap(tmp_path / "shallow")
    assert all(not date for _, date in sitemap(tmp_path / "shallow"))
    git("fetch", "-q", "--unshallow", cwd=clone)
    second = build(clone / "docs", tmp_path / "whole")
    assert second.returncode == 0, second.stderr[-3000:]
    dates = dict(sitemap(tmp_path / "whole"))
    assert dates[f"{SITE}text.html"] == "2026-01-02T03:04:05Z"
