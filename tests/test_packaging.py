"""The package as a user gets it: the wheel and sdist build, pass twine check, and install.

The wheel is installed (not editable) into a fresh virtual environment, whose
``sphinx-edition new`` writes a project that then builds clean with the wheel's extension.
The build runs without isolation (setuptools and wheel come with the test extra), so that it
needs no network; installing the wheel's dependencies uses the package index.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import PROJECT, WITNESS

# What a checkout holds that is not the project's: environments, caches, build output.
LOCAL_FILES = (".git", ".nox", ".venv", "build", "dist", "*.egg-info", "_build", "node_modules")
LOCAL_FILES += ("artifacts", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache")
VERSION = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"
]


def run(*args: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, cwd=cwd
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from it (python -m build's default)."""
    # From a copy of the sources, so that the build's own files (egg-info, build/) stay out
    # of the checkout and parallel test runs do not share them.
    sources = tmp_path_factory.mktemp("sources") / "sphinx-edition"
    shutil.copytree(PROJECT, sources, ignore=shutil.ignore_patterns(*LOCAL_FILES))
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, sources)
    return out


def test_wheel_and_sdist_pass_twine_check(dist: Path) -> None:
    files = sorted(dist.iterdir())
    assert [f.name for f in files] == [
        f"sphinx_edition-{VERSION}-py3-none-any.whl",
        f"sphinx_edition-{VERSION}.tar.gz",
    ]
    output = run(sys.executable, "-m", "twine", "check", "--strict", *files)
    assert output.count("PASSED") == 2


def test_the_wheel_ships_the_licence_templates_and_command(dist: Path) -> None:
    wheel = zipfile.ZipFile(dist / f"sphinx_edition-{VERSION}-py3-none-any.whl")
    names = set(wheel.namelist())
    info = f"sphinx_edition-{VERSION}.dist-info"
    assert f"{info}/licenses/LICENSE" in names
    assert wheel.read(f"{info}/licenses/LICENSE") == (PROJECT / "LICENSE").read_bytes()
    metadata = wheel.read(f"{info}/METADATA").decode("utf-8")
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata
    assert "sphinx-edition = sphinx_edition.cli:main" in wheel.read(
        f"{info}/entry_points.txt"
    ).decode("utf-8")
    templates = PROJECT / "src" / "sphinx_edition" / "starter" / "templates"
    for template in templates.iterdir():
        assert f"sphinx_edition/starter/templates/{template.name}" in names
    assert "sphinx_edition/static/cards.js" in names
    assert "sphinx_edition/py.typed" in names


def test_the_sdist_ships_licence_and_changelog(dist: Path) -> None:
    with tarfile.open(dist / f"sphinx_edition-{VERSION}.tar.gz") as sdist:
        names = set(sdist.getnames())
    root = f"sphinx_edition-{VERSION}"
    assert {f"{root}/LICENSE", f"{root}/CHANGELOG.md", f"{root}/pyproject.toml"} <= names


def test_the_installed_wheel_starts_an_edition_that_builds(dist: Path, tmp_path: Path) -> None:
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    wheel = dist / f"sphinx_edition-{VERSION}-py3-none-any.whl"
    run(python, "-m", "pip", "install", "--quiet", f"sphinx-edition[docs] @ {wheel.as_uri()}")
    where = run(python, "-c", "import sphinx_edition; print(sphinx_edition.__file__)")
    assert where.startswith(str(env)), where  # the wheel's copy, not the source tree
    assert run(python, "-m", "sphinx_edition", "--version").strip() == VERSION
    project = tmp_path / "edition"
    run(env / "bin" / "sphinx-edition", "new", project, "--witness", WITNESS)
    assert wheel.as_uri() in (project / "requirements.txt").read_text(encoding="utf-8")
    strict = ("-n", "-W", "--keep-going")
    build = subprocess.run(
        [env / "bin" / "sphinx-build", "-b", "html", *strict, project / "docs", tmp_path / "html"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr
    assert (tmp_path / "html" / "text.html").exists()
