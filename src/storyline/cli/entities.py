"""List the people, organizations and places of the corpus: name, type, roles, articles."""

from __future__ import annotations

import argparse

from .. import query
from ._common import add_db, add_json, open_store, print_json

NAME = "entities"
HELP = "list people, organizations and places"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    add_json(p)
    p.add_argument("--type", choices=("PERSON", "ORG", "LOC"), help="only this type")
    p.add_argument("--name", help="only entities whose name or alias contains this")
    p.add_argument("--story", help="only entities seen in this story's articles")
    p.add_argument("--limit", type=int, default=0, help="at most this many (most mentioned first)")


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        items = query.entities(store, type=args.type, name=args.name, story=args.story,
                               limit=args.limit)
    if args.json:
        print_json(items)
        return 0
    if not items:
        print("no entities (build with the language pipeline to find names)")
    for e in items:
        roles = sorted({r["role"] + (f" of {r['of']}" if r.get("of") else "") for r in e["roles"]})
        role_text = f"  ({'; '.join(roles[:3])})" if roles else ""
        print(f"{e['id']}  {e['type']:6}  {len(e['article_ids']):3d} articles  {e['name']}{role_text}")
    return 0
