"""The ``sphinx-edition`` command (pure: no Sphinx imports, so that it starts at once).

``sphinx-edition new DIR --witness FILE [--title TITLE] [--language LANG]`` writes a new
edition project.  A problem with the arguments is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sphinx_edition import __version__
from sphinx_edition.starter import StarterError, new_project

USAGE_ERROR = 2


def parser() -> argparse.ArgumentParser:
    """The command's arguments."""
    main_parser = argparse.ArgumentParser(
        prog="sphinx-edition", description="Tools for editions made with sphinx-edition."
    )
    main_parser.add_argument("--version", action="version", version=__version__)
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser(
        "new",
        help="start a new edition from a witness file",
        description=(
            "Write a new edition project into DIR (new, or empty): the witness copied into "
            "seeds/, every line of it transcribed as a numbered paragraph, empty registers, "
            "glossary, timeline, apparatus and bibliography, a noxfile and a Read the Docs "
            "configuration. It builds clean at once: nox -s docs."
        ),
    )
    new.add_argument("directory", metavar="DIR", type=Path, help="the project's directory")
    new.add_argument(
        "--witness",
        metavar="FILE",
        type=Path,
        required=True,
        help="the text to edit: a UTF-8 file with one paragraph per line",
    )
    new.add_argument("--title", help="the edition's title (default: from the file's name)")
    new.add_argument(
        "--language", default="en", help="the language of the text, e.g. en, de, zh_CN"
    )
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with *argv* (default: the process's arguments); the exit status."""
    args = parser().parse_args(argv)
    try:
        written = new_project(args.directory, args.witness, args.title, args.language)
    except StarterError as err:
        print(f"sphinx-edition: error: {err}", file=sys.stderr)
        return USAGE_ERROR
    print(f"Wrote {len(written)} files into {args.directory}. Build the edition:")
    print(f"  cd {args.directory} && python3 -m pip install nox && nox -s docs")
    return 0
