"""People, organizations and places: the list, and one entity with its stories and quotes."""

from __future__ import annotations

from typing import Any

from ..errors import Code, StorylineError
from .records import entity_record

__all__ = ["entities", "entity"]


def entities(store, *, type: str | None = None, name: str | None = None,
             story: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Entity records, most articles first. Filters: type (PERSON, ORG, LOC), a piece of
    a name or alias, a story (any name `find_story` takes): then `article_ids` are the
    story's articles that name it, and the order is by those."""
    if not story:
        found = store.entities.all(type=type, name=name)
        return [entity_record(e) for e in found[:limit or None]]
    from .stories import find_story
    picked = find_story(store, story)
    held = set(picked.article_ids)
    records = []
    for e in store.entities.all(type=type, name=name, story_id=picked.id):
        record = entity_record(e)
        record["article_ids"] = [a for a in record["article_ids"] if a in held]
        records.append(record)
    records.sort(key=lambda r: (-len(r["article_ids"]), r["name"]))
    return records[:limit or None]


def entity(store, ref: str) -> dict[str, Any]:
    """One entity with the stories it appears in and what it said."""
    from .quotes import quotes

    found = store.entities.get(ref)
    if found is None:
        raise StorylineError(Code.E106, f"no entity {ref!r}; `storyline entities` lists them")
    held = set(found.article_ids)
    in_stories = [{"id": s.id, "title": s.title,
                   "articles": len(held.intersection(s.article_ids))}
                  for s in store.stories.all() if held.intersection(s.article_ids)]
    in_stories.sort(key=lambda s: (-s["articles"], s["id"]))
    # Only the articles that name it can quote it: no pass over the whole store.
    said = [q for q in quotes(store, articles=found.article_ids)
            if q["speaker"] == found.id and not q["copy_of"]]
    return {**entity_record(found), "stories": in_stories, "quotes": said,
            "roles_over_time": roles_over_time(store, found.roles)}


def roles_over_time(store, roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each role an entity is given ("County Judge" of nobody, "spokesman" of Calder)
    with the first and last publication day of the articles giving it, earliest first
    (undated-only roles last): [{role, of, first, last, article_ids}]."""
    published = store.articles.sort_keys([r["article_id"] for r in roles if r.get("article_id")])
    spans: dict[tuple[str, str | None], dict[str, Any]] = {}
    for r in roles:
        span = spans.setdefault((r["role"], r.get("of")), {
            "role": r["role"], "of": r.get("of"), "first": None, "last": None,
            "article_ids": []})
        if r.get("article_id") and r["article_id"] not in span["article_ids"]:
            span["article_ids"].append(r["article_id"])
        day = (published.get(r.get("article_id"), (None,))[0] or "")[:10] or None
        if day:
            span["first"] = min(filter(None, (span["first"], day)))
            span["last"] = max(filter(None, (span["last"], day)))
    return sorted(spans.values(), key=lambda s: (s["first"] is None, s["first"] or "", s["role"]))
