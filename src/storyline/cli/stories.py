"""List the stories: id, title, articles (copies noted), date span, outlets."""

from __future__ import annotations

import argparse

from ..export import story_record
from ._common import add_db, add_json, open_store, print_json

NAME = "stories"
HELP = "list stories"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    add_json(p)


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last else f"{first} to {last}"


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        stories = sorted(store.stories(), key=lambda s: (-len(s.article_ids), s.first_date or "",
                                                         s.id))
        total = store.count_articles()
    if args.json:
        print_json([{**story_record(s), "copies": s.copies, "merged_from": s.merged_from,
                     "first_date": s.first_date, "last_date": s.last_date, "sources": s.sources}
                    for s in stories])
        return 0
    if not stories:
        print(f"no stories yet ({total} articles stored; story grouping has not run on them)")
    for s in stories:
        copies = f" ({len(s.copies)} {'copy' if len(s.copies) == 1 else 'copies'})" if s.copies else ""
        print(f"{s.id}  {len(s.article_ids):3d} articles{copies}  {_span(s.first_date, s.last_date)}"
              f"  {s.title}")
        if s.sources:
            print(f"{'':13}outlets: {', '.join(s.sources)}")
    return 0
