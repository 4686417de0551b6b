"""What every directive of the ``ed`` domain shares: located warnings and option parsing."""

from __future__ import annotations

import difflib
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


class EditionDirective(SphinxDirective):
    """A directive of the ``ed`` domain: its warnings point at the line of the option at fault.

    Arguments and options are checked by the directive itself, so that each mistake is one
    located ``edition.*`` warning: an option it does not have is reported here, and dropped.
    """

    final_argument_whitespace = True  # "bad id" is one argument, reported as malformed

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unknown = [k for k, v in self.options.items() if isinstance(v, UnknownOption)]
        known = [k for k in self.option_spec or {} if k not in unknown]
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
