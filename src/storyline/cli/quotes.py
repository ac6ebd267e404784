"""Who said what: the quotes of the stored articles, grouped by speaker.

With --story, the quotes of one story; with --speaker, only the speakers whose name
contains NAME (case-insensitive). Each quote shows its kind, the article and, with
--json, its evidence (cue and speaker offsets in the article body). A wire copy's
quotes are its original's and are listed once.
"""

from __future__ import annotations

import argparse

from .. import query
from ._common import add_db, add_json, open_store, print_json

NAME = "quotes"
HELP = "list quotes grouped by speaker"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--speaker", metavar="NAME", help="only speakers whose name contains NAME")
    p.add_argument("--story", metavar="STORY", help="only the quotes of this story (id or title words)")
    p.add_argument("--limit", type=int, default=0, help="at most this many speakers (most quoted first)")
    add_json(p)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        groups = query.speakers(store, story=args.story, speaker=args.speaker, limit=args.limit)
    if args.json:
        print_json(groups)
        return 0
    if not groups:
        what = f" for story {args.story}" if args.story else ""
        who = f" by speakers matching {args.speaker!r}" if args.speaker else ""
        print(f"no quotes{what}{who}")
        return 0
    for group in groups:
        quotes = group["quotes"]
        roles = sorted({q["role"] for q in quotes if q.get("role")})
        print(f"{group['speaker_name']}" + (f" ({'; '.join(roles)})" if roles else "")
              + f" — {len(quotes)} quote(s)")
        for q in quotes:
            text = " ".join(q["text"].split())
            if len(text) > 200:
                text = text[:197] + "..."
            mark = {"direct": "“", "partial": "~", "indirect": "»"}.get(q["kind"], " ")
            date = q.get("published") or "undated"
            print(f"  {mark} {text}  [{q['kind']}, {q.get('cue') or '-'}; {date}, {q['article_id']}]")
    return 0
