"""Articles: the list, one article with its evidence, and full-text search."""

from __future__ import annotations

from typing import Any

from ..errors import Code, StorylineError
from .records import article_record

__all__ = ["articles", "article", "search", "BRIEF_FIELDS"]

# An article in a list: its record without the text and the analyses.
BRIEF_FIELDS = ("id", "path", "locator", "url", "source", "title", "derived_title", "dateline",
                "byline", "published", "story_id")


def articles(store, *, source: str | None = None, story: str | None = None
             ) -> list[dict[str, Any]]:
    """Brief article records, oldest first (undated last)."""
    story_id = None
    if story:
        from .stories import find_story
        story_id = find_story(store, story).id
    return [{k: record[k] for k in BRIEF_FIELDS}
            for record in map(article_record, store.articles.all(source=source,
                                                                  story_id=story_id))]


def article(store, ref: str) -> dict[str, Any]:
    """One article's whole record: clean text, date with its evidence and explanation,
    removed lines with their kinds and rules, time expressions, names, quotes."""
    from .quotes import quotes

    found = store.articles.get(ref)
    if found is None:
        raise StorylineError(Code.E106, f"no article {ref!r}")
    return {**article_record(found), "quotes": list(quotes(store, articles=[found.id]))}


def search(store, query: str, *, story: str | None = None, outlet: str | None = None,
           since: str | None = None, until: str | None = None, entity: str | None = None,
           limit: int = 20, after: str | None = None,
           marks: tuple[str, str] = ("[", "]")) -> dict[str, Any]:
    """Full-text search (SQLite FTS5 syntax), best first, with snippets: {"hits", "next"}.
    Pass `next` back as `after` for the following page; `marks` open and close each
    matched word in a snippet (a web page marks them up)."""
    story_id = None
    if story:
        from .stories import find_story
        story_id = find_story(store, story).id
    page = store.articles.search(query, story_id=story_id, source=outlet, since=since,
                                 until=until, entity_id=entity, limit=limit, after=after,
                                 marks=marks)
    return {"hits": list(page), "next": page.next}
