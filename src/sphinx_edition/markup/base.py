"""What every directive of the ``ed`` domain shares: located warnings and option parsing."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_edition.warnings import Subtype, warn


def whole_number(text: str) -> int | None:
    """*text* as a whole number from 1 up, or None.

    Only ASCII digits count: ``str.isdigit()`` also accepts "²" (which ``int()`` refuses) and
    other scripts' digits, which an editor's file should not silently turn into numbers.
    """
    value = text.strip()
    if value.isascii() and value.isdigit() and int(value) > 0:
        return int(value)
    return None


class UnknownOption(str):
    """The value of an option the directive does not have (reported, then ignored)."""

    __slots__ = ()


def _unknown(value: str | None) -> UnknownOption:
    return UnknownOption(value or "")


class Options(dict[str, Callable[[str], Any]]):
    """An ``option_spec`` that takes any option name.

    docutils drops a directive with an unknown option (its error replaces the whole entry) and
    MyST puts its message into the text; taking every name lets the directive report a
    misspelt option as one ``edition.option`` warning at its line, and render the rest.
    """

    def __missing__(self, key: str) -> Callable[[str | None], UnknownOption]:
        return _unknown

    def __bool__(self) -> bool:
        return True  # even when empty: MyST reads an options block only for a true spec


class EditionDirective(SphinxDirective):
    """A directive of the ``ed`` domain: its warnings point at the line of the option at fault.

    Arguments and options are checked by the directive itself, so that each mistake is one
    located ``edition.*`` warning: an option it does not have is reported here, and dropped.
    """

    final_argument_whitespace = True  # "bad id" is one argument, reported as malformed

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.options:
            self._read_options_by_line()
        unknown = [k for k, v in self.options.items() if isinstance(v, UnknownOption)]
        known = [k for k in self.option_spec or {} if k not in unknown]
        self._warn_repeated_options()
        for name in unknown:
            del self.options[name]
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean :{close[0]}:?)" if close else ""
            allowed = ", ".join(f":{k}:" for k in sorted(known)) or "none"
            self.warn(
                Subtype.OPTION,
                f"{self.name}: unknown option :{name}:{hint}; it has {allowed}",
                name,
            )

    def _warn_repeated_options(self) -> None:
        """An option given twice: only one of the two values is used (YAML keeps the last),
        so the editor is told which, at the line of the one that is not."""
        seen: dict[str, int] = {}
        for offset, line in enumerate(self.block_text.splitlines()[1:], 1):
            match = re.match(r"\s*:([A-Za-z][\w-]*):(?:\s|$)", line)
            if line.lstrip().startswith(":::") or match is None:
                break
            name = match[1]
            if name in seen:
                warn(
                    Subtype.OPTION,
                    f"{self.name}: :{name}: is given twice (first at line {seen[name]}); the "
                    "second value is used",
                    (self.env.docname, self.lineno + offset),
                )
            seen.setdefault(name, self.lineno + offset)

    def _read_options_by_line(self) -> None:
        """Options MyST could not read as YAML (``:name: "quoted`` …), read as docutils would.

        MyST then drops every option of the block with a warning of its own; here they are
        read line by line, as written, and the editor gets one ``edition.option`` warning.
        """
        if not type(self.state).__module__.startswith("myst_parser"):
            return
        found: dict[str, str] = {}
        for line in self.block_text.splitlines()[1:]:
            match = re.match(r"\s*:([A-Za-z][\w-]*):(?:\s(.*))?$", line)
            if line.lstrip().startswith(":::") or match is None:
                break
            found[match[1]] = (match[2] or "").strip()
        if not found or self.option_spec is None:
            return
        for name, value in found.items():
            self.options[name] = self.option_spec[name](value)
        first = next(iter(found))
        self.warn(
            Subtype.OPTION,
            f"{self.name}: the options are not valid YAML, as MyST reads them (a value that "
            "starts with a quote must end with one); each is taken as written",
            first,
        )

    def no_content_or_argument(self) -> None:
        """Report an argument or content given to a directive that takes neither."""
        if self.arguments or self.content:
            what = "an argument" if self.arguments else "content"
            self.warn(
                Subtype.OPTION,
                f"{self.name} takes no argument and no content; {what} was given and is ignored",
            )

    def parse_content(self, node: nodes.Element) -> None:
        """Parse the directive's content into *node*, at the content's true lines.

        MyST (5.2) puts a blank line before content that opens with a nested ``:::`` fence and
        then counts it as a source line, so every line of the nested directive would be
        reported one late; the source file says whether that blank line is really there.
        """
        offset = self.content_offset
        lines = self.block_text.splitlines()
        if (
            type(self.state).__module__.startswith("myst_parser")
            and self.content
            and self.content[0].lstrip().startswith(":::")
            and len(lines) > 1
            and not lines[1].strip()
            and self._source_line(self.lineno + 1).strip()
        ):
            offset -= 1
        self.state.nested_parse(self.content, offset, node)

    def _source_line(self, number: int) -> str:
        """Line *number* of the document's source file, or "" when it cannot be read."""
        source = self.state.document.get("source", "")
        cache: dict[str, list[str]] = self.env.temp_data.setdefault("ed-source-lines", {})  # type: ignore[assignment]
        if source not in cache:
            try:
                cache[source] = Path(source).read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError):
                cache[source] = []
        found = cache[source]
        return found[number - 1] if 0 < number <= len(found) else ""

    def option_line(self, name: str) -> int:
        """The source line of option *name*, or the directive's own line."""
        for offset, line in enumerate(self.block_text.splitlines()):
            if line.lstrip().startswith(f":{name}:"):
                return self.lineno + offset
        return self.lineno

    def warn(self, subtype: Subtype, message: str, option: str | None = None) -> None:
        """One ``edition.<subtype>`` warning at the option's line (or the directive's)."""
        line = self.option_line(option) if option else self.lineno
        warn(subtype, message, (self.env.docname, line))


def unknown_directive(name: str, guess: str, cls: type[Any] | None) -> type[EditionDirective]:
    """A stand-in for the directive ``ed:<name>`` that the domain does not have.

    It is one ``edition.option`` warning, and then reads the block as the closest directive
    (``ed:<guess>``, class *cls*: a misspelling such as ``ed:paragrph``), or as plain
    content, so that nothing the editor wrote is lost.
    """
    base: type[Any] = cls or EditionDirective

    class Unknown(base):  # type: ignore[misc]
        has_content = True
        optional_arguments = max(getattr(base, "optional_arguments", 0), 1)
        final_argument_whitespace = True
        option_spec = Options(getattr(base, "option_spec", None) or {})

        def run(self) -> list[nodes.Node]:
            instead = f"; read as ed:{guess}" if cls is not None else ""
            self.warn(Subtype.OPTION, f"unknown directive ed:{name}{instead}")
            if cls is not None:
                self.name = f"ed:{guess}"
                result: list[nodes.Node] = super().run()
                return result
            container = nodes.container()
            self.parse_content(container)
            return [container]

    return Unknown
