"""Results of a package's pure conversions, kept by their input text (pure).

Two conversions are slow enough to keep between builds (:mod:`sphinx_edition.domain.memo`):
pybtex turning a BibTeX field into text, and the ``edtf`` package parsing a date.  Each is kept
with the package's version, so that results made by another version are not taken: a new
release may convert the same text otherwise.
"""

from __future__ import annotations

from functools import cached_property
from typing import Generic, TypeVar

Value = TypeVar("Value")


class PackageResults(Generic[Value]):
    """What *package* gave for each input text so far, and its version."""

    def __init__(self, package: str, kind: type[Value]) -> None:
        self.package = package
        self.kind = kind
        self.found: dict[str, Value] = {}

    @cached_property
    def version(self) -> str:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"{self.package} {version(self.package)}"
        except PackageNotFoundError:
            return self.package

    def memo(self) -> tuple[str, dict[str, Value]]:
        """The results so far, with the package's version (the live dictionary)."""
        return (self.version, self.found)

    def learn(self, held: object) -> None:
        """Take the results of a :meth:`memo` made earlier (ignored if made with another
        version of the package, or not a memo at all)."""
        if not (isinstance(held, tuple) and len(held) == 2 and held[0] == self.version):
            return
        found = held[1]
        if isinstance(found, dict) and found is not self.found:
            self.found.update(
                (k, v) for k, v in found.items() if isinstance(k, str) and isinstance(v, self.kind)
            )
