"""Full-text search over titles and clean bodies (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*)."""

from __future__ import annotations

import argparse

from ._common import add_db, add_json, open_store, print_json

NAME = "search"
HELP = "full-text search with snippets"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", metavar="QUERY")
    add_db(p)
    add_json(p)
    p.add_argument("--limit", type=int, default=20)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        hits = store.search(args.query, args.limit)
    if args.json:
        print_json(hits)
        return 0
    if not hits:
        print(f"no articles match {args.query!r}")
    for h in hits:
        print(f"{h['id']}  {h['published'] or 'undated'}  {h['source'] or '-'}  {h['title'] or '(untitled)'}")
        print(f"    {h['snippet']}")
    return 0
