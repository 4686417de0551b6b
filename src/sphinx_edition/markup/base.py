"""What every directive of the ``ed`` domain shares: located warnings and option parsing."""

from __future__ import annotations

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


class EditionDirective(SphinxDirective):
    """A directive of the ``ed`` domain: its warnings point at the line of the option at fault."""

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
