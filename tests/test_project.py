"""The project's own files: package metadata, Read the Docs configuration, README commands."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

import sphinx_edition
from conftest import PROJECT

SCHEMA_CANDIDATES = (
    PROJECT.parent / "shared" / "readthedocs-config-schema.json",
    PROJECT / "tests" / "readthedocs-config-schema.json",
)


def test_readthedocs_config_is_valid_against_the_schema() -> None:
    schema_path = next((p for p in SCHEMA_CANDIDATES if p.exists()), None)
    assert schema_path is not None, "the Read the Docs schema is missing"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    config = yaml.safe_load((PROJECT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(config, schema)
    assert config["version"] == 2
    assert config["sphinx"]["fail_on_warning"] is True
    assert set(config["formats"]) == {"pdf", "epub"}


def test_readthedocs_schema_rejects_a_broken_config() -> None:
    schema_path = next(p for p in SCHEMA_CANDIDATES if p.exists())
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": 2, "formats": ["docx"]}, schema)


def test_setup_declares_what_the_tests_prove(tmp_path: Path) -> None:
    from sphinx.testing.util import SphinxTestApp

    (tmp_path / "conf.py").write_text('extensions = ["sphinx_edition"]\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text("Test\n====\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=tmp_path)
    try:
        extension = app.extensions["sphinx_edition"]
    finally:
        app.cleanup()
    assert extension.version == sphinx_edition.__version__
    assert isinstance(extension.metadata["env_version"], int)
    # tests/test_parallel.py and tests/test_registers.py prove both.
    assert extension.parallel_read_safe is True
    assert extension.parallel_write_safe is True


def test_package_metadata_matches_the_module() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "sphinx-edition"
    assert project["version"] == sphinx_edition.__version__
    assert project["requires-python"] == ">=3.11"
    assert (PROJECT / "src" / "sphinx_edition" / "py.typed").exists()


def test_readme_opens_with_the_two_commands() -> None:
    head = (PROJECT / "README.md").read_text(encoding="utf-8").splitlines()[:20]
    text = "\n".join(head)
    assert "nox -s docs" in text
    assert "nox -s tests" in text
