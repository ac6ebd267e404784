"""Show where a story's outlets differ: the same thing given different figures at the
same time (each outlet's figure with its sentence, article and whom it credits), the
same event given different days, figures revised over the story (a series of steps,
not a disagreement), the timeline entries told from one outlet's articles only, and whom
each outlet quotes.

STORY is a story id (or a unique prefix) or a piece of its title; without it, the
largest story. The comparison is made when the story's timeline is told by `build`.
"""

from __future__ import annotations

import argparse
import textwrap

from .. import query
from ._common import add_db, add_json, open_store, print_json

NAME = "compare"
HELP = "show where a story's outlets differ: figures, dates, sources"
SHOWN_EXCLUSIVE = 10   # in the terminal; --json has them all

__all__ = ["NAME", "HELP", "add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("story", metavar="STORY", nargs="?",
                   help="story id, id prefix or a piece of its title (default: the largest story)")
    add_db(p)
    add_json(p)


def _wrap(text: str, indent: int) -> str:
    return textwrap.fill(text, 100, initial_indent=" " * indent, subsequent_indent=" " * (indent + 2))


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        found = query.comparison(store, args.story)
    if args.json:
        print_json(found)
        return 0
    story = found["story"]
    print(f"{story['title']}  ({story['id']}, {story['articles']} articles, "
          f"{len(found['outlets'])} outlets)")
    if found.get("note"):
        print(found["note"])
    if len(found["outlets"]) < 2:
        print("one outlet only: nothing to compare")
        return 0
    print("\n== Where the outlets differ")
    if not found["differences"]:
        print("  no differences found")
    for d in found["differences"]:
        what = "the same event dated differently" if d["kind"] == "date" else d["thing"]
        print(f"\n{d['when']}  {d['kind']}: {what}  (confidence {d['confidence']:.2f})")
        for a in d["accounts"]:
            credit = f", crediting {a['said_by']}" if a.get("said_by") else ""
            print(_wrap(f"{a['outlet']} ({a['date']}{credit}): {a['value']}", 2))
            print(_wrap(f"“{a['sentence']}” [{a['article_id']}]", 6))
    if found["series"]:
        print("\n== Figures revised over the story (updates, not disagreements)")
        for s in found["series"]:
            print(f"\n{s['thing']}  (confidence {s.get('confidence', 0):.2f})")
            for p in s["points"]:
                credit = f", crediting {p['said_by']}" if p.get("said_by") else ""
                print(_wrap(f"{p['date']}  {p['value']}  ({p['outlet']}{credit}) [{p['article_id']}]", 2))
    if found["exclusive"]:
        print("\n== Timeline entries told from one outlet's articles only "
              "(others publishing then held no sentence like it)")
        for x in found["exclusive"][:SHOWN_EXCLUSIVE]:
            print(_wrap(f"{x['date']}  {x['outlet']}: {x['text']}", 2))
        if len(found["exclusive"]) > SHOWN_EXCLUSIVE:
            print(f"  and {len(found['exclusive']) - SHOWN_EXCLUSIVE} more (--json lists all)")
    print("\n== Whom each outlet quotes (quotes)")
    for outlet, speakers in found["sources"].items():
        said = ", ".join(f"{s['speaker']} {s['quotes']}" for s in speakers) or "no attributed quotes"
        print(_wrap(f"{outlet}: {said}", 2))
    return 0
