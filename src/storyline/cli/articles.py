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
        print(f"{a['id']}  {_when(a['published']):22}  {(a['source'] or '-')[:22]:22}  "
              f"{shown_title(a)}")
    return 0


def _when(published: dict) -> str:
    """The day, or the bounds an undated article has ("<=2024-03-01", ">=2024-02-12",
    "2024-02-12..2024-03-01"), or "undated"."""
    if published.get("date"):
        return published["date"]
    lo, hi = published.get("earliest"), published.get("latest")
    if lo and hi:
        return f"{lo}..{hi}"
    return f"<={hi}" if hi else f">={lo}" if lo else "undated"
