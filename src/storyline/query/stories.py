"""Stories: the list, one story with its timeline, and how a user names a story."""

from __future__ import annotations

import re
from typing import Any

from ..errors import Code, StorylineError
from ..model import Article, Event, Story
from .records import event_record, story_summary

__all__ = ["find_story", "stories", "story", "timeline", "story_articles", "story_timeline",
           "coverage", "SORTS"]

SORTS = ("size", "recency", "oldest")
_WORD = re.compile(r"\w[\w'-]*")


def find_story(store, ref: str | None = None) -> Story:
    """The story `ref` names: its id, an id merged into it or a unique id prefix; else
    the story the words name (its whole name, or the key phrase its name opens with);
    else the story its words best describe: the one with the most articles naming all
    of them (the larger on a tie), or failing that any of them, or failing that the
    largest whose title holds `ref`. Without `ref`, the largest story."""
    if ref:
        found = store.stories.get(ref)
        if found is not None:
            return found
    every = store.stories.all()
    if not every:
        raise StorylineError(Code.E108, "no stories yet: run `storyline build` so that articles are "
                             "grouped into stories")
    if not ref:
        return max(every, key=lambda s: (len(s.article_ids), s.id))
    words = _WORD.findall(ref)
    # The words are a story's name, or the key phrase it opens with ("charity single"
    # for "Charity single — Haiti, Simon Cowell"): that story, the largest such.
    said = " ".join(w.lower() for w in words)
    named = [s for s in every if said and said in (
        " ".join(_WORD.findall(s.title or "")).lower(),
        " ".join(_WORD.findall(re.split(r" — |: ", s.title or "", maxsplit=1)[0])).lower())]
    if named:
        return max(named, key=lambda s: (len(s.article_ids), s.id))
    by_id = {s.id: s for s in every}
    for joiner in (" ", " OR "):
        counts = store.articles.story_counts(joiner.join(f'"{w}"' for w in words)) if words else {}
        counts = {k: v for k, v in counts.items() if k in by_id}
        if counts:
            best = max(counts, key=lambda k: (counts[k], len(by_id[k].article_ids), k))
            return by_id[best]
    needle = ref.lower()
    matches = [s for s in every if needle in (s.title or "").lower()]
    if not matches:
        raise StorylineError(Code.E106, f"no story matches {ref!r}; `storyline stories` lists them")
    return max(matches, key=lambda s: (len(s.article_ids), s.id))


def stories(store, *, sort: str = "size", since: str | None = None, until: str | None = None,
            outlet: str | None = None, entity: str | None = None) -> list[dict[str, Any]]:
    """Story summaries. `sort`: "size" (most articles first), "recency" (latest news
    first) or "oldest" (in the order they started). Filters: stories whose dates
    overlap since..until (YYYY-MM-DD), with an article from `outlet` (its name or key),
    naming `entity` (an entity id)."""
    if sort not in SORTS:
        raise StorylineError(Code.E110, f"unknown sort {sort!r}; choose from {', '.join(SORTS)}")
    found = store.stories.all()
    if since:
        found = [s for s in found if s.last_date and s.last_date >= since]
    if until:
        found = [s for s in found if s.first_date and s.first_date <= until]
    if outlet:
        from .articles import outlet_names
        named = set(outlet_names(store, outlet))
        found = [s for s in found if named.intersection(s.sources)]
    if entity:
        entity_obj = store.entities.get(entity)
        held = set(entity_obj.article_ids) if entity_obj else set()
        found = [s for s in found if held.intersection(s.article_ids)]
    if sort == "size":
        found.sort(key=lambda s: (-len(s.article_ids), s.first_date or "", s.id))
    elif sort == "recency":
        found.sort(key=lambda s: (s.last_date or "", len(s.article_ids), s.id), reverse=True)
    return [story_summary(s) for s in found]


def coverage(store, stories: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """How many of each story's articles were published on each day: {story id:
    {"days": {"YYYY-MM-DD": n, ...} (in date order), "undated": n}} for these story
    summaries (what a coverage-over-time chart draws)."""
    held = [a for s in stories for a in s["article_ids"]]
    published = {k: (v[0] or "")[:10] for k, v in store.articles.sort_keys(held).items()}
    out = {}
    for s in stories:
        days: dict[str, int] = {}
        undated = 0
        for a in s["article_ids"]:
            day = published.get(a)
            if day:
                days[day] = days.get(day, 0) + 1
            else:
                undated += 1
        out[s["id"]] = {"days": dict(sorted(days.items())), "undated": undated}
    return out


def story_articles(store, story: Story) -> list[Article]:
    """The story's articles, oldest first."""
    return list(store.articles.all(story_id=story.id))


def story_timeline(story: Story, articles: list[Article], length: int | None = None
                   ) -> list[Event]:
    """The stored timeline, or, with `length` or when none is stored, one told now."""
    if length is None and story.timeline:
        return list(story.timeline)
    from .. import timeline
    return timeline.build(articles, length=length, copies=story.copies)


def timeline(store, ref: str | None = None, *, length: int | None = None) -> dict[str, Any]:
    """A story's summary and timeline, each source of an entry with its outlet."""
    return _told(store, find_story(store, ref), length)


def _told(store, found: Story, length: int | None, held: list[Any] | None = None
          ) -> dict[str, Any]:
    """`timeline`'s record of a found story. A stored timeline needs only each article's
    outlet (from `held`, the story's `quote_holders`, when the caller has them)."""
    if length is None and found.timeline:
        events = list(found.timeline)
        members = held if held is not None else store.articles.quote_holders(story_id=found.id)
    else:
        members = story_articles(store, found)
        events = story_timeline(found, members, length)
    outlet = {a.id: a.source or "unknown outlet" for a in members}
    records = []
    for event in events:
        record = event_record(event)
        record["sources"] = [{**s, "outlet": s.get("outlet") or outlet.get(s.get("article_id"),
                                                                             "unknown outlet")}
                             for s in record["sources"]]
        records.append(record)
    return {"story": story_summary(found), "timeline": records}


def story(store, ref: str | None = None, *, length: int | None = None,
          speakers: int | None = None, quotes_each: int | None = None,
          people: int | None = None) -> dict[str, Any]:
    """One story as a reader opens it: its summary and timeline, the cross-source
    comparison, people/organizations/places (the `people` named in most articles, or
    all), who said what (the `speakers` most quoted, each with their first `quotes_each`
    quotes and the `count` of all; or all), and its articles by outlet (a wire copy with
    the article it copies). The story's articles are read once, without their text."""
    from .entities import entities
    from .quotes import story_speakers

    found = find_story(store, ref)
    held = list(store.articles.quote_holders(story_id=found.id))
    told = _told(store, found, length, held)
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for a in held:
        by_outlet.setdefault(a.source or "unknown outlet", []).append(
            {"id": a.id, "title": a.title, "published": a.published,
             "copy_of": found.copies.get(a.id)})
    from .compare import comparison
    from .corrections import corrections_of

    return {**told, "comparison": {k: v for k, v in comparison(store, found.id).items()
                                   if k != "story"},
            # what people corrected in it (`storyline fix`), shown as such
            "corrections": corrections_of(store, {found.id, *found.merged_from,
                                                  *found.article_ids}),
            "entities": entities(store, story=found.id, limit=people),
            "quotes": story_speakers(store, held, found.copies, speakers, quotes_each),
            "articles": by_outlet}
