"""The `storyline` command line: one module per command, all sharing one vocabulary.

Data goes to stdout, progress and problems to stderr. Exit status: 0 when all
went well, 1 when some input could not be read (the rest was), 2 when nothing
could run (bad options, missing database).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .. import __version__
from ..errors import StorylineError
from ..store import as_storyline_error
from . import (articles, build, compare, entities, export, fix, quotes, search, serve, show,
               stories, timeline)

__all__ = ["main", "make_parser", "COMMANDS"]

COMMANDS = (build, stories, timeline, compare, articles, show, search, entities, quotes, export,
            fix, serve)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyline",
        description="Turn a pile of news articles into the stories they tell.")
    parser.add_argument("--version", action="version", version=f"storyline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        p = sub.add_parser(command.NAME, help=command.HELP, description=command.__doc__)
        command.add_arguments(p)
        p.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except StorylineError as err:
        print(f"storyline: error: {err.detail} ({err.code.name})", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("storyline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `storyline export | head`
        return 0
    except Exception as err:   # one line a user can act on, not a traceback
        known = as_storyline_error(err, getattr(args, "db", None))
        if known is not None:
            print(f"storyline: error: {known.detail} ({known.code.name})", file=sys.stderr)
            return 2
        if os.environ.get("STORYLINE_DEBUG"):
            raise
        print(f"storyline: error: {type(err).__name__}: {err} (E114 internal error: please "
              "report it with the output of the same command run with STORYLINE_DEBUG=1)",
              file=sys.stderr)
        return 2
