"""Show one article: where it came from, its authors, its date and why, its clean text, every title candidate, then every removed line with its kind."""

from __future__ import annotations

import argparse
import textwrap

from .. import query
from ..query.records import shown_title
from ._common import add_db, add_json, open_store, print_json

NAME = "show"
HELP = "show an article's clean text, date evidence and removed lines"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", metavar="ARTICLE", help="article id (or a unique prefix), or its path")
    add_db(p)
    add_json(p)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        a = query.article(store, args.article)
    if args.json:
        print_json(a)
        return 0
    title = shown_title(a)
    print(title)
    print("=" * min(78, len(title)))
    print(f"id:        {a['id']}")
    print(f"source:    {a['source'] or '-'}")
    where = a["path"] + (f":{a['locator']}" if a["locator"] else "")
    print(f"from:      {where}" + (f"  <{a['url']}>" if a["url"] else ""))
    if a["authors"]:
        print(f"authors:   {', '.join(a['authors'])}")
    if a["byline"]:
        print(f"byline:    {a['byline']}")
    if a["dateline"]:
        print(f"dateline:  {a['dateline']}")
    print(f"published: {a['published']['explanation']}")
    if a["story_id"]:
        print(f"story:     {a['story_id']}")
    print()
    for para in a["body"].split("\n\n"):
        print(textwrap.fill(para, 78) if para else "")
        print()
    if len(a["title_evidence"]) > 1 or any(e["note"] for e in a["title_evidence"]):
        print(f"-- title candidates ({len(a['title_evidence'])}) --")
        for e in a["title_evidence"]:
            print(f"[{e['source']}] {e['text']}" + (f"   ({e['note']})" if e["note"] else ""))
        print()
    removed = a["removed"]
    print(f"-- {len(removed)} removed lines --")
    for b in removed:
        print(f"[{b['kind']}] {b['text']}" + (f"   ({b['rule']})" if b["rule"] else ""))
    return 0
