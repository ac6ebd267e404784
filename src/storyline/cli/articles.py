"""List the stored articles: date, source, title and id."""

from __future__ import annotations

import argparse

from .. import query
from ..query.records import shown_title
from ._common import add_db, add_json, open_store, print_json

NAME = "articles"
HELP = "list stored articles"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    add_json(p)
    p.add_argument("--source", help="only articles from this source")
    p.add_argument("--story", help="only articles of this story (id or title words)")


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        items = query.articles(store, source=args.source, story=args.story)
    if args.json:
        print_json(items)
        return 0
    for a in items:
        date = a["published"]["date"] or "undated   "
        print(f"{a['id']}  {date}  {(a['source'] or '-')[:22]:22}  {shown_title(a)}")
    return 0
