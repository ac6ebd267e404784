"""List the stored articles: date, source, title and id."""

from __future__ import annotations

import argparse

from ..export import article_record
from ._common import add_db, add_json, open_store, print_json

NAME = "articles"
HELP = "list stored articles"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    add_json(p)
    p.add_argument("--source", help="only articles from this source")
    p.add_argument("--story", help="only articles of this story")


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        items = list(store.articles(source=args.source, story_id=args.story))
    if args.json:
        print_json([{k: v for k, v in article_record(a).items() if k not in ("body", "removed")}
                    for a in items])
        return 0
    for a in items:
        date = a.published.date or "undated   "
        print(f"{a.id}  {date}  {(a.source or '-')[:22]:22}  {a.title or '(untitled)'}")
    return 0
