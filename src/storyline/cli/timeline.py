"""Show a story's timeline: each date with its granularity (a range as its first and
last day and "between June 13 and Oct. 27, 2017"), what happened, and the outlets
and articles that report it, each with why it sits there.

STORY is a story id (or a unique prefix) or a piece of its title; without it, the
largest story. The stored timeline is shown; with --length, or when none is stored
yet, one is built from the story's articles.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from .. import query
from ..timeline.events import when
from ..errors import Code, StorylineError
from ._common import add_db, add_json, open_store, print_json

NAME = "timeline"
HELP = "show a story's dated, sourced timeline"
SHOWN_SOURCES = 8     # per entry in the table; --json has them all

__all__ = ["NAME", "HELP", "add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("story", metavar="STORY", nargs="?",
                   help="story id, id prefix or a piece of its title (default: the largest story)")
    p.add_argument("--length", type=int, metavar="N",
                   help="number of dates (default: the stored timeline, or one sized to the story)")
    add_db(p)
    add_json(p)


def run(args: argparse.Namespace) -> int:
    if args.length is not None and args.length < 1:
        raise StorylineError(Code.E110, "--length must be at least 1")
    with open_store(args) as store:
        told = query.timeline(store, args.story, length=args.length)
    if args.json:
        print_json(told)
        return 0
    story, events = told["story"], told["timeline"]
    print(f"{story['title']}  ({story['id']}, {story['articles']} articles)")
    if not events:
        print("no dated events found in this story's articles", file=sys.stderr)
        return 0
    for e in events:
        print()
        lines = textwrap.wrap(e["text"], 88) or [""]
        if e["granularity"] == "range":
            # A range reads as one: "between June 13 and Oct. 27, 2017".
            print(f"{e['earliest']} to {e['latest']}  {when(e['date'], 'range', e['latest'])}")
            print(" " * 19 + lines[0])
        else:
            print(f"{e['date']}  {e['granularity']:5s}  {lines[0]}")
        for line in lines[1:]:
            print(" " * 19 + line)
        for s in e["sources"][:SHOWN_SOURCES]:
            why = f": {s['why']}" if s.get("why") else ""
            print(textwrap.fill(f"- {s['outlet']} ({s.get('article_id', '')}){why}", 107,
                                initial_indent=" " * 19, subsequent_indent=" " * 21))
        if len(e["sources"]) > SHOWN_SOURCES:
            print(f"{'':19s}  and {len(e['sources']) - SHOWN_SOURCES} more sources (--json lists all)")
    return 0
