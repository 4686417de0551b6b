"""The package's layout holds: pure layers without Sphinx, imports only downwards, small modules.

See ``docs/maintainers.md`` for the layers and why they are ordered so.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "sphinx_edition"

# Lowest first: a module may import from its own layer or from a layer before it.
LAYERS = (
    "core",
    "checks",
    "base",  # config.py, warnings.py, locale: the Sphinx-facing base every layer above may use
    "markup",
    "domain",
    "render",
    "export",
    "builders",
    "setup",  # _setup.py registers every layer
    "cli",  # the sphinx-edition command and its starter: pure, so that it starts at once
)
PURE = ("core", "checks", "cli")
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:  # sphinx_edition itself: only the version and a lazy setup()
        return "core"
    if parts[1] in {"config", "warnings", "locale"}:
        return "base"
    if parts[1] == "_setup":
        return "setup"
    if parts[1] in {"cli", "__main__", "starter"}:
        return "cli"
    return parts[1]


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, *, runtime: bool = False) -> set[str]:
    """The sphinx_edition modules *path* imports (at any depth of the file).

    The package's ``setup()`` imports ``_setup`` when Sphinx calls it, so that importing the
    package loads nothing: that one import is the entry point, not a dependency.
    """
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if runtime:  # leave out what only the type checker imports
        for block in ast.walk(tree):
            if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING":
                block.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path.name}: relative import; the package imports by name"
            if node.module.startswith("sphinx_edition"):
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    found.add(child if child in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("sphinx_edition"))
    if path == PACKAGE / "__init__.py":
        found.discard("sphinx_edition._setup")
    return found


def test_every_module_is_in_a_known_layer() -> None:
    assert {layer_of(m) for m in MODULES} <= set(LAYERS)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module: str) -> None:
    rank = LAYERS.index(layer_of(module))
    upward = sorted(
        target for target in imports_of(MODULES[module]) if LAYERS.index(layer_of(target)) > rank
    )
    assert upward == [], f"{module} imports from a higher layer"


def test_no_import_cycle() -> None:
    graph = {m: imports_of(p, runtime=True) & MODULES.keys() for m, p in MODULES.items()}
    # Importing a package runs its __init__, which may import its own modules: a module
    # importing its package is not a cycle of the code, so those edges are left out.
    for module, targets in graph.items():
        targets.difference_update(t for t in list(targets) if module.startswith(t + "."))
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in graph[module]:
            if state.get(target) == 1:
                pytest.fail("import cycle: " + " -> ".join([*path, module, target]))
            if target not in state:
                visit(target, [*path, module])
        state[module] = 2

    for module in graph:
        if module not in state:
            visit(module, [])


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer_of(m) in PURE))
def test_pure_module_loads_no_sphinx(module: str) -> None:
    """Imported in a fresh interpreter, a pure module loads neither Sphinx nor docutils."""
    code = (
        f"import sys, {module}\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'sphinx', 'docutils'})\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", f"{module} loads: {result.stdout.strip()}"


def test_importing_the_package_loads_no_sphinx() -> None:
    code = (
        "import sys, sphinx_edition\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'sphinx', 'docutils'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_reads_in_one_sitting(module: str) -> None:
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines; split it by concern"


VOCABULARY = PACKAGE / "core" / "vocabulary.py"


@pytest.mark.parametrize(
    "needle",
    [
        "wikidata.org/wiki",
        "viaf.org/viaf",
        "geonames.org/",
        '"organisation"',
        '"Index of organisations"',
        '"persName"',
        '"Index of people"',
        "A misprint: ",
    ],
)
def test_vocabulary_is_written_once(needle: str) -> None:
    """Labels, URLs, schema.org types and TEI names of kinds and schemes: only in vocabulary.py."""
    elsewhere = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path != VOCABULARY and needle in path.read_text(encoding="utf-8")
    ]
    assert needle in VOCABULARY.read_text(encoding="utf-8")
    assert elsewhere == []


def test_sphinxcontrib_bibtex_is_read_through_one_adapter() -> None:
    adapter = PACKAGE / "markup" / "bibliography.py"
    readers = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path != adapter
        and any(
            needle in path.read_text(encoding="utf-8")
            for needle in (
                'domains["cite"]',
                'domains.get("cite")',
                "sphinxcontrib.bibtex",
                "bibdata",
            )
        )
    ]
    assert readers == []
