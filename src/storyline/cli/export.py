"""Write the database out: json (the documented contract), jsonl, csv, a Markdown
dossier, a one-file html report, or TimelineJS3 json; the whole store or one story."""

from __future__ import annotations

import argparse
import os
import sys

from .. import export as export_stage
from ._common import add_db, open_store

NAME = "export"
HELP = "export the store (json, jsonl, csv, md, html, timelinejs)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--format", "-f", choices=sorted(export_stage.FORMATS), default="json",
                   help="json (the contract), jsonl or csv (one article a line or row), md (a "
                        "dossier per story), html (a one-file report that opens from disk), "
                        "timelinejs (TimelineJS3 JSON); default json")
    p.add_argument("--story", "-s", metavar="STORY",
                   help="export this story alone: its id, or words of its name")
    p.add_argument("--with-text", action="store_true",
                   help="md and html: every article's whole text and removed lines, not only "
                        "its first paragraph")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.story:          # a name that matches nothing fails now, before any file is made
            from .. import query
            args.story = query.find_story(store, args.story).id
        if args.output:
            part = args.output + ".part"
            try:
                with open(part, "w", encoding="utf-8", newline="") as out:
                    export_stage.write(store, args.format, out, story=args.story,
                                       text=args.with_text)
                os.replace(part, args.output)
            finally:
                if os.path.exists(part):
                    os.remove(part)
            print(f"storyline: wrote {args.output}", file=sys.stderr)
        else:
            export_stage.write(store, args.format, sys.stdout, story=args.story,
                               text=args.with_text)
    return 0
