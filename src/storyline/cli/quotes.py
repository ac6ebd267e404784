"""Who said what: the quotes of the stored articles, grouped by speaker.

With --story, the quotes of one story; with --speaker, only the speakers whose name
contains NAME (case-insensitive). Each quote shows its kind, the article and, with
--json, its evidence (cue and speaker offsets in the article body).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from typing import Any

from ._common import add_db, add_json, open_store, print_json

NAME = "quotes"
HELP = "list quotes grouped by speaker"

UNKNOWN = "(speaker unknown)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--speaker", metavar="NAME", help="only speakers whose name contains NAME")
    p.add_argument("--story", metavar="ID", help="only the quotes of this story")
    add_json(p)


def collect(store: Any, story: str | None = None, speaker: str | None = None) -> dict[str, list[dict]]:
    """Speaker -> its quotes (dicts with the article's title, date and outlet), in article
    order. Quotes are grouped by speaker entity when the corpus stage has set one (so
    "Ruiz" and "Ana Ruiz" are one speaker), else by the name; a group is named by its
    longest name. A wire copy's quotes are its original's and are not listed again."""
    groups: dict[str, list[dict]] = defaultdict(list)
    needle = speaker.lower() if speaker else None
    if story:
        found = store.story(story)   # an id, a merged-away id or a unique prefix
        story = found.id if found else story
    copies = {copy for s in store.stories() for copy in s.copies}
    for article in store.articles(story_id=story):
        if article.id in copies:
            continue
        for q in store.with_speakers(article).quotes:
            name = q.speaker_name or UNKNOWN
            if needle and needle not in name.lower():
                continue
            record = q.to_dict()
            record["article_title"] = article.title
            record["published"] = article.published.date
            record["source"] = article.source
            groups[q.speaker or name].append(record)
    named: dict[str, list[dict]] = defaultdict(list)
    for qs in groups.values():
        named[max((q["speaker_name"] or UNKNOWN for q in qs), key=len)].extend(qs)
    return dict(sorted(named.items(), key=lambda kv: (-len(kv[1]), kv[0].lower())))


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        groups = collect(store, args.story, args.speaker)
    if args.json:
        print_json([{"speaker_name": name, "count": len(qs), "quotes": qs} for name, qs in groups.items()])
        return 0
    if not groups:
        what = f" for story {args.story}" if args.story else ""
        who = f" by speakers matching {args.speaker!r}" if args.speaker else ""
        print(f"no quotes{what}{who}")
        return 0
    for name, quotes in groups.items():
        roles = sorted({q["role"] for q in quotes if q.get("role")})
        print(f"{name}" + (f" ({'; '.join(roles)})" if roles else "") + f" — {len(quotes)} quote(s)")
        for q in quotes:
            text = " ".join(q["text"].split())
            if len(text) > 200:
                text = text[:197] + "..."
            mark = {"direct": "“", "partial": "~", "indirect": "»"}.get(q["kind"], " ")
            date = q.get("published") or "undated"
            print(f"  {mark} {text}  [{q['kind']}, {q.get('cue') or '-'}; {date}, {q['article_id']}]")
    return 0
