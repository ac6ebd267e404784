"""Correct what the machine decided; each correction is kept with who made it and
when, holds on every later build, and can be undone:

  storyline fix rename STORY "New title"
  storyline fix merge STORY INTO_STORY
  storyline fix move ARTICLE [--to STORY]     (without --to: a story of its own)
  storyline fix off-topic ARTICLE             (out of its story, named as such)
  storyline fix date ARTICLE YYYY-MM-DD
  storyline fix speaker QUOTE "Name"          (QUOTE: its id, ARTICLE-qN)
  storyline fix entity-merge ENTITY INTO_ENTITY   (ids or names)
  storyline fix list [--all] [--json]         (--all: undone ones too)
  storyline fix undo ID

STORY is a story's id or words of its name; ARTICLE an article's id (or a unique
prefix, or its path)."""

from __future__ import annotations

import argparse
import sys

from .. import corrections, query
from ..query.corrections import described
from ..errors import Code, StorylineError
from ..store import Store
from ._common import add_db, open_store, print_json

NAME = "fix"
HELP = "correct a story or an article; list and undo corrections"

# action: (the arguments it takes, how many at least, at most)
ACTIONS = {"rename": ("STORY TITLE", 2, 2), "merge": ("STORY INTO_STORY", 2, 2),
           "move": ("ARTICLE", 1, 1), "off-topic": ("ARTICLE", 1, 1),
           "date": ("ARTICLE YYYY-MM-DD", 2, 2), "speaker": ("QUOTE NAME", 2, 2),
           "entity-merge": ("ENTITY INTO_ENTITY", 2, 2),
           "list": ("", 0, 0), "undo": ("ID", 1, 1)}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    add_db(p)
    p.add_argument("action", choices=list(ACTIONS))
    p.add_argument("args", nargs="*", metavar="ARG",
                   help="what the action takes (see above)")
    p.add_argument("--to", metavar="STORY", help="move: the story the article goes into")
    p.add_argument("--note", help="why (kept with the correction)")
    p.add_argument("--by", metavar="WHO", help="who makes it (default: $STORYLINE_USER or "
                                               "the login name)")
    p.add_argument("--all", action="store_true", help="list: undone corrections too")
    p.add_argument("--json", action="store_true", help="print the records as JSON")


def run(args: argparse.Namespace) -> int:
    usage, least, most = ACTIONS[args.action]
    if not least <= len(args.args) <= most:
        raise StorylineError(Code.E110, f"`storyline fix {args.action}` takes {usage or 'no arguments'}"
                             f"; got {len(args.args)} argument{'' if len(args.args) == 1 else 's'}")
    if args.action == "list":
        with open_store(args) as store:
            found = query.corrections(store, undone=args.all)
        if args.json:
            print_json(found)
        elif not found:
            print("no corrections" + ("" if args.all else " in force"), file=sys.stderr)
        for c in found if not args.json else []:
            print(described(c))
        return 0
    with Store(args.db, create=False) as store:
        if args.action == "undo":
            try:
                number = int(args.args[0].lstrip("#"))
            except ValueError:
                raise StorylineError(Code.E119, f"{args.args[0]!r} is not a correction number; "
                                     "`storyline fix list` lists them") from None
            record = corrections.undo(store, number, who=args.by)
        else:
            value = args.args[1] if len(args.args) > 1 else args.to
            record = corrections.fix(store, args.action, args.args[0], value, who=args.by,
                                     note=args.note)
    if args.json:
        print_json(record)
    else:
        print(("undone: " if args.action == "undo" else "") + described(record))
    return 0
