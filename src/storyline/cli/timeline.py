"""Show a story's timeline: each date with its granularity, what happened, and the
outlets and articles that report it.

STORY is a story id (or a unique prefix) or a piece of its title; without it, the
largest story. The stored timeline is shown; with --length, or when none is stored
yet, one is built from the story's articles.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from .. import timeline
from ..errors import StorylineError
from ..export.timelinejs import story_copies
from ..model import Article, Story
from ..store import Store
from ._common import add_db, add_json, open_store, print_json

NAME = "timeline"
HELP = "show a story's dated, sourced timeline"
SHOWN_SOURCES = 8     # per entry in the table; --json has them all

__all__ = ["NAME", "HELP", "add_arguments", "run", "find_story"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("story", metavar="STORY", nargs="?",
                   help="story id, id prefix or a piece of its title (default: the largest story)")
    p.add_argument("--length", type=int, metavar="N",
                   help="number of dates (default: the stored timeline, or one sized to the story)")
    add_db(p)
    add_json(p)


def find_story(stories: list[Story], ref: str | None) -> Story:
    """The story `ref` names: exact id, unique id prefix, or title substring."""
    if not stories:
        raise StorylineError("no stories yet: run `storyline build` so that articles are "
                             "grouped into stories")
    if not ref:
        return max(stories, key=lambda s: (len(s.article_ids), s.id))
    for s in stories:
        if s.id == ref:
            return s
    matches = [s for s in stories if s.id.startswith(ref)]
    if not matches:
        needle = ref.lower()
        matches = [s for s in stories if needle in (s.title or "").lower()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise StorylineError(f"no story matches {ref!r}; `storyline stories` lists them")
    names = ", ".join(f"{s.id} ({s.title})" for s in matches[:5])
    raise StorylineError(f"{ref!r} names {len(matches)} stories: {names}; give more of it")


def _articles(store: Store, story: Story) -> list[Article]:
    articles = list(store.articles(story_id=story.id))
    if not articles:
        articles = [a for a in (store.get_article(i) for i in story.article_ids) if a]
    return articles


def run(args: argparse.Namespace) -> int:
    if args.length is not None and args.length < 1:
        raise StorylineError("--length must be at least 1")
    with open_store(args) as store:
        story = find_story(store.stories(), args.story)
        articles = _articles(store, story)
        copies = story_copies(store, story)
    if args.length is not None or not story.timeline:
        events = timeline.build(articles, length=args.length, copies=copies)
    else:
        events = list(story.timeline)
    outlet = {a.id: a.source or "unknown outlet" for a in articles}
    if args.json:
        print_json({"story": {"id": story.id, "title": story.title,
                              "article_ids": list(story.article_ids)},
                    "timeline": [{"date": e.date, "granularity": e.granularity, "text": e.text,
                                  "sources": e.sources} for e in events]})
        return 0
    print(f"{story.title}  ({story.id}, {len(story.article_ids)} articles)")
    if not events:
        print("no dated events found in this story's articles", file=sys.stderr)
        return 0
    for e in events:
        print()
        lines = textwrap.wrap(e.text, 88) or [""]
        print(f"{e.date}  {e.granularity:5s}  {lines[0]}")
        for line in lines[1:]:
            print(" " * 19 + line)
        for s in e.sources[:SHOWN_SOURCES]:
            aid = s.get("article_id", "")
            who = s.get("outlet") or outlet.get(aid, "unknown outlet")
            print(f"{'':19s}- {who} ({aid})")
        if len(e.sources) > SHOWN_SOURCES:
            print(f"{'':19s}  and {len(e.sources) - SHOWN_SOURCES} more sources (--json lists all)")
    return 0
