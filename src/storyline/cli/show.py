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
    """The published date and its reason, in one line.

    "2024-02-14 (day, text, confidence 0.72) from timestamp line 'Updated: Feb. 14,
    2024 6:12 a.m.'", "undated; 2024-01-01 to 2024-12-31 (year, html-text, confidence
    0.30) from ...; no day: the text names days but no year".
    """
    p = a.published
    reasons = [e for e in p.evidence if not (e.note or "").startswith("text:")]
    why_not = [(e.note or "")[len("text:"):].strip() for e in p.evidence
               if (e.note or "").startswith("text:")]

    def said(e) -> str:
        label = e.note or e.where
        text = " ".join((e.text or "").split())
        if len(text) > 80:
            text = text[:77] + "..."
        return f"{label} {text!r}" if text else label

    because = "; ".join(said(e) for e in reasons[:3])
    if p.date:
        line = f"{p.date} ({p.granularity}, {p.method}, confidence {p.confidence:.2f})"
        return line + (f" from {because}" if because else "")
    if p.earliest or p.latest:
        what = ", ".join(x for x in (p.granularity, p.method) if x)
        if p.confidence:
            what += f", confidence {p.confidence:.2f}"
        line = f"undated; {p.earliest or '?'} to {p.latest or '?'}" + (f" ({what})" if what else "")
        line += f" from {because}" if because else ""
        return line + (f"; no day: {why_not[0]}" if why_not else "")
    if why_not:
        return f"undated: no date in the metadata; the text gives none ({why_not[0]})"
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
