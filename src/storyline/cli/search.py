"""Full-text search over titles and clean bodies (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*)."""

from __future__ import annotations

import argparse
import sys

from .. import query
from ._common import add_db, add_json, open_store, print_json

NAME = "search"
HELP = "full-text search with snippets"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", metavar="QUERY")
    add_db(p)
    add_json(p)
    p.add_argument("--limit", type=int, default=20, help="hits per page (default 20)")
    p.add_argument("--story", help="only articles of this story (id or title words)")
    p.add_argument("--outlet", help="only articles from this outlet")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only articles published on or after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only articles published on or before this day")
    p.add_argument("--entity", metavar="ID", help="only articles naming this entity")
    p.add_argument("--after", metavar="CURSOR", help="the next page: the cursor a search printed")


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        found = query.search(store, args.query, story=args.story, outlet=args.outlet,
                             since=args.since, until=args.until, entity=args.entity,
                             limit=args.limit, after=args.after)
    if args.json:
        print_json(found)
        return 0
    hits = found["hits"]
    if not hits:
        filters = [f"--{name} {value}" for name, value in (
            ("story", args.story), ("outlet", args.outlet), ("since", args.since),
            ("until", args.until), ("entity", args.entity)) if value]
        print(f"no articles match {args.query!r}" + (f" with {' '.join(filters)}" if filters else ""))
    for h in hits:
        print(f"{h['id']}  {h['published'] or 'undated'}  {h['source'] or '-'}  {h['title'] or '(untitled)'}")
        print(f"    {h['snippet']}")
    if found["next"]:
        print(f"more: --after {found['next']}", file=sys.stderr)
    return 0
