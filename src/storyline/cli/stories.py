"""List the stories: title, number of articles, date span and id."""

from __future__ import annotations

import argparse

from ..export import story_record
from ._common import add_db, add_json, open_store, print_json

NAME = "stories"
HELP = "list stories"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    add_json(p)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        stories = store.stories()
        total = store.count_articles()
    if args.json:
        print_json([story_record(s) for s in stories])
        return 0
    if not stories:
        print(f"no stories yet ({total} articles stored; story grouping has not run on them)")
    for s in stories:
        print(f"{s.id}  {len(s.article_ids):3d} articles  {s.title}")
    return 0
