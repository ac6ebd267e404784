"""The export contract (DESIGN.md): how an article, story, entity or quote looks to users.

Every view (JSON, JSONL, CSV, Markdown, HTML, the HTTP API) builds on these
records, so field names are decided in one place.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..model import Article, Entity, Quote, Story

__all__ = ["article_record", "story_record", "entity_record", "quote_record", "ARTICLE_FIELDS"]

ARTICLE_FIELDS = ("id", "path", "locator", "url", "source", "title", "dateline", "byline",
                  "published", "body", "removed", "timexes", "sentences", "mentions", "story_id")


def article_record(article: Article) -> dict[str, Any]:
    p = article.published
    return {
        "id": article.id,
        "path": article.origin.path,
        "locator": article.origin.locator,
        "url": article.origin.url,
        "source": article.source,
        "title": article.title,
        "dateline": article.dateline,
        "byline": article.byline,
        "published": {
            "date": p.date, "earliest": p.earliest, "latest": p.latest,
            "granularity": p.granularity, "method": p.method, "confidence": p.confidence,
            "evidence": [asdict(e) for e in p.evidence],
        },
        "body": article.body,
        "removed": [{"text": b.text, "kind": b.kind, "rule": b.rule} for b in article.removed],
        "timexes": [asdict(t) for t in article.timexes],
        "sentences": [list(s) for s in article.sentences],
        "mentions": [asdict(m) for m in article.mentions],
        "story_id": article.story_id,
    }


def story_record(story: Story) -> dict[str, Any]:
    return {"id": story.id, "title": story.title, "article_ids": list(story.article_ids),
            "first_date": story.first_date, "last_date": story.last_date,
            "sources": list(story.sources), "copies": dict(story.copies),
            "merged_from": list(story.merged_from),
            "timeline": [asdict(e) for e in story.timeline],
            "comparison": story.comparison}


def entity_record(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "type": entity.type,
            "aliases": list(entity.aliases), "roles": [dict(r) for r in entity.roles],
            "article_ids": list(entity.article_ids)}


def quote_record(quote: Quote) -> dict[str, Any]:
    return {"id": quote.id, "article_id": quote.article_id, "text": quote.text,
            "speaker": quote.speaker, "speaker_name": quote.speaker_name,
            "role": quote.role, "kind": quote.kind, "cue": quote.cue,
            "start": quote.start, "end": quote.end,
            "evidence": [asdict(e) for e in quote.evidence]}
