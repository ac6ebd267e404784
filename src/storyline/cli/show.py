"""Show one article: where it came from, its date and why, its clean text, then every removed line with its kind."""

from __future__ import annotations

import argparse
import textwrap

from ..errors import StorylineError
from ..export import article_record
from ..model import Article
from ._common import add_db, add_json, open_store, print_json

NAME = "show"
HELP = "show an article's clean text, date evidence and removed lines"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", metavar="ARTICLE", help="article id (or a unique prefix), or its path")
    add_db(p)
    add_json(p)


def explain_date(a: Article) -> str:
    """The published date and its reason, in one line."""
    p = a.published
    if p.date:
        why = "; ".join(f"{e.note or e.where}: {e.text!r}" for e in p.evidence) or p.method
        return f"{p.date} ({p.granularity}, {p.method}, confidence {p.confidence:.2f}) from {why}"
    if p.earliest or p.latest:
        why = "; ".join(f"{e.note or e.where}: {e.text!r}" for e in p.evidence)
        return f"undated; between {p.earliest or '?'} and {p.latest or '?'} ({why})"
    return "undated: no date in the metadata or path"


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        article = store.get_article(args.article)
    if article is None:
        raise StorylineError(f"no article {args.article!r}")
    if args.json:
        print_json(article_record(article))
        return 0
    o = article.origin
    print(article.title or "(untitled)")
    print("=" * min(78, len(article.title or "(untitled)")))
    print(f"id:        {article.id}")
    print(f"source:    {article.source or '-'}")
    print(f"from:      {o.where()}" + (f"  <{o.url}>" if o.url else ""))
    if article.byline:
        print(f"byline:    {article.byline}")
    if article.dateline:
        print(f"dateline:  {article.dateline}")
    print(f"published: {explain_date(article)}")
    if article.story_id:
        print(f"story:     {article.story_id}")
    print()
    for para in article.body.split("\n\n"):
        print(textwrap.fill(para, 78) if para else "")
        print()
    removed = article.removed
    print(f"-- {len(removed)} removed lines --")
    for b in removed:
        print(f"[{b.kind}] {b.text}" + (f"   ({b.rule})" if b.rule else ""))
    return 0
