"""The real edition with its ``ed`` markup reduced to plain MyST: the baseline of its clean build.

``plain_edition(docs, out)`` copies ``docs/`` to *out* and rewrites every page as the same
document would be written with ordinary Sphinx markup, page for page:

* a mention (``{ed:person}`Zhou <zhou-enlai>```) becomes a MyST link to its entry
  (``[Zhou](#zhou-enlai)``), a paragraph reference (``{ed:para}`4```) a link to the
  paragraph; a date, duration, sequence or unmarked word becomes its words;
* an ``ed:paragraph`` becomes a labelled paragraph (``(p4)=``), and its notes footnotes on it,
  with their words and citations;
* a register entry becomes a labelled definition-list item: its name, its fields as text, and
  its description;
* what only the extension makes (the timeline, the apparatus, the downloads, the list of
  changes) is left out;
* ``conf.py`` loses ``sphinx_edition`` and keeps every other extension (MyST, sphinx-design,
  sphinxcontrib-bibtex, the sitemap, OpenGraph, the 404 page, the redirects) and the theme.

Code blocks are copied as they are: the ``ed`` markup the docs show as examples stays text.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

LINKS = {"person", "event", "place", "org", "entry"}
ROLE = re.compile(r"\{ed:([a-z-]+)\}`([^`]*)`")
FENCE = re.compile(r"^(`{3,}|:{3,})\{?([^}\s]*)\}?\s*(.*)$")
OPTION = re.compile(r"^:([a-z-]+):\s*(.*)$")
ENTRY_KINDS = {"person", "event", "place", "org"}


def _role(match: re.Match[str]) -> str:
    name, content = match[1], match[2]
    text, _, target = content.partition("<")
    target = target.rstrip(">").split("|")[0].strip()
    words = text.strip() if target else content.strip()
    if name in LINKS:
        return f"[{words}](#{(target or content).strip()})"
    if name == "para":
        return f"[{words if target else '¶' + words}](#p{target or content.strip()})"
    return words


def roles(line: str) -> str:
    return ROLE.sub(_role, line)


def _block(lines: list[str], start: int, fence: str) -> tuple[list[str], int]:
    """The lines of the block opened at *start*, and the index after its closing fence.

    A nested block has a shorter fence (MyST's rule), so the first line that is the fence
    alone closes it; inside a colon block, a code block's lines are skipped, since the docs'
    examples hold fences of their own.
    """
    body: list[str] = []
    code: str | None = None
    for i in range(start + 1, len(lines)):
        stripped = lines[i].strip()
        if code is None and stripped == fence:
            return body, i + 1
        if fence[0] == ":":
            ticks = re.match(r"`{3,}", stripped)
            if code is None and ticks:
                code = ticks[0]
            elif code is not None and stripped == code:
                code = None
        body.append(lines[i])
    return body, len(lines)


def _options(body: list[str]) -> tuple[dict[str, str], list[str]]:
    options: dict[str, str] = {}
    i = 0
    while i < len(body) and OPTION.match(body[i]):
        key, value = OPTION.match(body[i]).groups()  # type: ignore[union-attr]
        options[key] = value
        i += 1
    return options, body[i:]


def _paragraph(number: str, body: list[str]) -> list[str]:
    text: list[str] = []
    notes: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(body):
        opened = FENCE.match(body[i])
        if opened and opened[2] == "ed:note":
            inner, i = _block(body, i, opened[1])
            _, words = _options(inner)
            notes.append((opened[3].strip() or f"n{len(notes)}", words))
            continue
        text.append(roles(body[i]))
        i += 1
    while text and not text[-1].strip():
        text.pop()
    refs = "".join(f"[^{name}]" for name, _ in notes)
    out = [f"(p{number})=", *text[:-1], (text[-1] if text else "") + refs, ""]
    for name, words in notes:
        lines = [roles(w) for w in words]
        while lines and not lines[0].strip():
            lines.pop(0)
        out.append(f"[^{name}]: " + (lines[0] if lines else ""))
        out += [f"    {w}" if w.strip() else "" for w in lines[1:]]
        out.append("")
    return out


def _entry(entry_id: str, body: list[str]) -> list[str]:
    options, words = _options(body)
    name = options.pop("name", entry_id)
    fields = "; ".join(f"{key}: {roles(value)}" for key, value in options.items())
    out = [f"({entry_id})=", roles(name), f": {fields}", ""]
    out += [f"  {roles(w)}" if w.strip() else "" for w in words]
    return [*out, ""]


def convert(text: str) -> str:
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        opened = FENCE.match(lines[i])
        if not opened or not (opened[2] or opened[3]):
            out.append(roles(lines[i]))
            i += 1
            continue
        fence, name, argument = opened[1], opened[2], opened[3].strip()
        body, after = _block(lines, i, fence)
        if not name.startswith("ed:"):
            if fence[0] == "`":  # code, or a directive whose content is copied as it is
                out += [lines[i], *body, fence]
            else:
                out += [lines[i], *convert("\n".join(body)).splitlines(), fence]
            i = after
            continue
        kind = name[3:]
        if kind == "paragraph":
            out += _paragraph(argument, body)
        elif kind == "register":
            out += convert("\n".join(body)).splitlines()
        elif kind in ENTRY_KINDS or kind == "entry":
            out += _entry(argument, body)
        # the timeline, the apparatus, the downloads and the changes: made by the extension
        i = after
    return "\n".join(out) + "\n"


# The remedy the extension applies for pybtex's plugin look-ups, which scan every installed
# distribution's entry points on each call (sphinxcontrib-bibtex makes one per citation; see
# sphinx_edition.markup.bibliography.remember_plugins), given to the plain edition too: its
# bibliography would otherwise be slow for a reason of its own, and the ratio would credit the
# extension with pybtex's cost.
PYBTEX_PLUGINS = """

def _remember_pybtex_plugins(app):
    from importlib.metadata import entry_points

    from pybtex.plugin import find_plugin, register_plugin

    for group in ("pybtex.backends", "pybtex.style.formatting", "pybtex.style.labels",
                  "pybtex.style.names", "pybtex.style.sorting"):
        for name in sorted({point.name for point in entry_points(group=group)}):
            register_plugin(group, name, find_plugin(group, name), force=True)


def setup(app):
    app.connect("builder-inited", _remember_pybtex_plugins, priority=502)
"""


def plain_edition(docs: Path, out: Path) -> Path:
    """Write the plain edition of *docs* into *out*; return *out*."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(docs, out, ignore=shutil.ignore_patterns("_build", "__pycache__"))
    for page in out.glob("*.md"):
        page.write_text(convert(page.read_text(encoding="utf-8")), encoding="utf-8")
    conf = out / "conf.py"
    text = conf.read_text(encoding="utf-8").replace('    "sphinx_edition",\n', "")
    # The witness is named relative to docs/; the plain project has no witness check.
    conf.write_text(text + PYBTEX_PLUGINS, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("docs", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(f"wrote {plain_edition(args.docs, args.out)}")


if __name__ == "__main__":
    main()
