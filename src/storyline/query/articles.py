"""Articles: the list, one article with its evidence, and full-text search."""

from __future__ import annotations

import re
from typing import Any

from ..errors import Code, StorylineError
from .records import article_record

__all__ = ["articles", "article", "search", "outlet_names", "outlet_key", "BRIEF_FIELDS"]

# An article in a list: its record without the text and the analyses.
BRIEF_FIELDS = ("id", "path", "locator", "url", "source", "title", "derived_title", "dateline",
                "byline", "authors", "published", "story_id")


def outlet_key(name: str) -> str:
    """An outlet's name as a key: lower case, letters and digits only, no leading "the"
    ("KRVT News 8" and the folder name "krvt-news8" are both "krvtnews8")."""
    return re.sub(r"[\W_]+", "", re.sub(r"^\s*the\s+", "", name.lower()))


def outlet_names(store, name: str) -> list[str]:
    """The stored outlet names `name` stands for: every one with its key, so that a
    display name finds the articles stored under the folder's key and back; [name] when
    none has, so that a filter on it matches nothing."""
    key = outlet_key(name)
    return [s for s in store.articles.sources() if outlet_key(s) == key] or [name]


def articles(store, *, source: str | None = None, story: str | None = None
             ) -> list[dict[str, Any]]:
    """Brief article records, oldest first (undated last). `source`: an outlet's name
    or key (`outlet_names`)."""
    story_id = None
    if story:
        from .stories import find_story
        story_id = find_story(store, story).id
    sources = outlet_names(store, source) if source else None
    return [{k: record[k] for k in BRIEF_FIELDS}
            for record in map(article_record, store.articles.all(source=sources,
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
    `outlet`: an outlet's name or key (`outlet_names`).
    Pass `next` back as `after` for the following page; `marks` open and close each
    matched word in a snippet (a web page marks them up)."""
    story_id = None
    if story:
        from .stories import find_story
        story_id = find_story(store, story).id
    sources = outlet_names(store, outlet) if outlet else None
    page = store.articles.search(query, story_id=story_id, source=sources, since=since,
                                 until=until, entity_id=entity, limit=limit, after=after,
                                 marks=marks)
    return {"hits": list(page), "next": page.next}
