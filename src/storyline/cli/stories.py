"""List the stories: id, title, articles (copies noted), date span, outlets."""

from __future__ import annotations

import argparse

from .. import query
from ._common import add_db, add_json, open_store, print_json

NAME = "stories"
HELP = "list stories"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    add_json(p)
    p.add_argument("--sort", choices=query.SORTS, default="size",
                   help="size (most articles first, the default), recency (latest news "
                        "first) or oldest (in the order they started)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only stories running on or after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only stories running on or before this day")
    p.add_argument("--outlet", help="only stories with an article from this outlet")
    p.add_argument("--entity", metavar="ID", help="only stories naming this entity")


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last else f"{first} to {last}"


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        stories = query.stories(store, sort=args.sort, since=args.since, until=args.until,
                                outlet=args.outlet, entity=args.entity)
        total = store.articles.count()
    if args.json:
        print_json(stories)
        return 0
    if not stories:
        print(f"no stories yet ({total} articles stored; story grouping has not run on them)"
              if not any((args.since, args.until, args.outlet, args.entity))
              else "no stories match")
    for s in stories:
        n = len(s["copies"])
        copies = f" ({n} {'copy' if n == 1 else 'copies'})" if n else ""
        print(f"{s['id']}  {s['articles']:3d} articles{copies}  "
              f"{_span(s['first_date'], s['last_date'])}  {s['title']}")
        if s["sources"]:
            print(f"{'':13}outlets: {', '.join(s['sources'])}")
    return 0
