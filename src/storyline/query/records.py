"""The records users see (DESIGN.md's export contract): how an article, story,
entity, quote or timeline entry looks in every view.

The CLI's --json, every export format, the Python API and the HTTP API build on
these, so field names are decided in one place.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..model import Article, Entity, Event, Published, Quote, Story

__all__ = ["article_record", "story_record", "story_summary", "entity_record", "quote_record",
           "event_record", "explain_date", "derived_title", "shown_title", "ARTICLE_FIELDS",
           "SUMMARY_FIELDS"]

ARTICLE_FIELDS = ("id", "path", "locator", "url", "source", "title", "derived_title",
                  "title_evidence", "dateline", "byline", "authors", "published", "body", "removed", "timexes", "sentences", "mentions",
                  "story_id")
DERIVED_TITLE_CHARS = 90


def article_record(article: Article) -> dict[str, Any]:
    p = article.published
    return {
        "id": article.id,
        "path": article.origin.path,
        "locator": article.origin.locator,
        "url": article.origin.url,
        "source": article.source,
        "title": article.title,
        "derived_title": derived_title(article),
        # every title the document offered: {"text", "source", "note"} (the chosen one's
        # note says why)
        "title_evidence": [{"text": e.text, "source": e.where, "note": e.note}
                           for e in article.title_evidence],
        "dateline": article.dateline,
        "byline": article.byline,
        "authors": list(article.authors),
        "published": {
            "date": p.date, "earliest": p.earliest, "latest": p.latest,
            "granularity": p.granularity, "method": p.method, "confidence": p.confidence,
            "likely_earliest": p.likely_earliest, "likely_latest": p.likely_latest,
            "likely_confidence": p.likely_confidence,
            "evidence": [_flat(e) for e in p.evidence],
            "explanation": explain_date(p),
        },
        "body": article.body,
        "removed": [{"text": b.text, "kind": b.kind, "rule": b.rule} for b in article.removed],
        "timexes": [_flat(t) for t in article.timexes],
        "sentences": [list(s) for s in article.sentences],
        "mentions": [_flat(m) for m in article.mentions],
        "story_id": article.story_id,
    }


def _flat(item: Any) -> dict[str, Any]:
    """A dataclass of plain values as a dict: what `asdict` gives, without its deep copy
    (a story page turns thousands of quotes' evidence into records)."""
    return dict(vars(item))


def derived_title(article: Article) -> str | None:
    """For an article whose file has no headline: its first sentence (without the
    stamp, byline or dateline scraped onto it), cut at a word; else None."""
    from ..text.sentences import article_sentences
    from ..timeline.events import clean_sentence

    if article.title:
        return None
    for start, end in article_sentences(article)[:3]:
        text = " ".join(clean_sentence(article.body[start:end]).split())
        if len(text.split()) >= 4:
            if len(text) <= DERIVED_TITLE_CHARS:
                return text
            return text[:DERIVED_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return None


def shown_title(record: dict[str, Any]) -> str:
    """An article record's title as lists show it; a derived one says so."""
    if record.get("title"):
        return record["title"]
    if record.get("derived_title"):
        return f"{record['derived_title']} [first sentence]"
    return "(untitled)"


def story_summary(story: Story) -> dict[str, Any]:
    """A story in a list: everything but its timeline and comparison."""
    return {"id": story.id, "title": story.title, "headline": story.headline,
            "article_ids": list(story.article_ids),
            "articles": len(story.article_ids), "first_date": story.first_date,
            "last_date": story.last_date, "sources": list(story.sources),
            "copies": dict(story.copies), "merged_from": list(story.merged_from)}


SUMMARY_FIELDS = tuple(story_summary(Story(id="", title="")))


def story_record(story: Story) -> dict[str, Any]:
    return {**story_summary(story),
            "timeline": [event_record(e) for e in story.timeline],
            "comparison": story.comparison}


def event_record(event: Event) -> dict[str, Any]:
    """A timeline entry: `date` (its first day), `granularity` (day | week | month |
    range | year), `earliest`/`latest` (the first and last day it may be), `text`,
    `sources` (each with `why` it sits there, when the timeline says)."""
    record = asdict(event)
    if event.earliest is None or event.latest is None:      # stored before the fields
        from ..timeline.events import period
        first, last = period(event.date, event.granularity)
        record["earliest"], record["latest"] = first.isoformat(), last.isoformat()
    return record


def entity_record(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "type": entity.type,
            "aliases": list(entity.aliases), "roles": [dict(r) for r in entity.roles],
            "article_ids": list(entity.article_ids)}


def quote_record(quote: Quote) -> dict[str, Any]:
    return {"id": quote.id, "article_id": quote.article_id, "text": quote.text,
            "speaker": quote.speaker, "speaker_name": quote.speaker_name,
            "role": quote.role, "kind": quote.kind, "cue": quote.cue,
            "start": quote.start, "end": quote.end,
            "evidence": [_flat(e) for e in quote.evidence]}


def explain_date(p: Published) -> str:
    """The published date and its reason, in one line.

    "2024-02-14 (day, text, confidence 0.72) from timestamp line 'Updated: Feb. 14,
    2024 6:12 a.m.'", "undated; 2024-01-01 to 2024-12-31 (year, html-text, confidence
    0.30) from ...; no day: the text names days but no year".
    """
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
        if p.likely_earliest and p.likely_latest:
            line += (f", likely {p.likely_earliest} to {p.likely_latest} (right about "
                     f"{p.likely_confidence or 0:.0%} of the time)")
        line += f" from {because}" if because else ""
        return line + (f"; no day: {why_not[0]}" if why_not else "")
    if why_not:
        return f"undated: no date in the metadata; the text gives none ({why_not[0]})"
    return "undated: no date in the metadata or path"
