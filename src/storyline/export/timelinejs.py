"""Export timelines as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

`to_timelinejs(story, events, articles)` gives one story's timeline: a title slide
(the story's title, its size and outlets) and one slide per entry with its date at
the entry's granularity (a month-level entry has no day; a range starts on its first
day and says the range in `display_date`), the entry's text and its
sources (outlet, sentence, a link to the article when it has a URL).

`write(store, out)` writes the largest stories of the store (`STORIES`; TimelineJS
shows one document per page, each story a row of its own) into one TimelineJS3
document: each story's entries form a group named after the story, and an era spans
each story's dates; `write(store, out, story=S)` writes story S alone. A story whose
timeline has not been stored yet gets one computed with `timeline.build`. TimelineJS
refuses a document without events: one whose stories have no dated entries gets a
slide per dated article instead.

The format: https://timeline.knightlab.com/docs/json-format.html (a slide's
`start_date` and `end_date` with string `year`, `month`, `day`; `text` with
`headline` and HTML `text`; `group` and `display_date` as plain text, `eras` with
both dates and a headline).
"""

from __future__ import annotations

import json
from datetime import date
from html import escape
from typing import Any, Sequence, TextIO

from .. import query
from ..model import Article, Event, Story
from ..timeline.events import when

__all__ = ["to_timelinejs", "write", "slide"]

_HEADLINE_CHARS = 100
STORIES = 12             # the stories of a whole-store document: the largest (one row each)
SOURCES_SHOWN = 10       # a slide's sources listed (a slide is read on one screen)


def _date(value: str, granularity: str) -> dict[str, str]:
    """TimelineJS's year/month/day, as many as the granularity supports (a range:
    the day it starts)."""
    d = date.fromisoformat(value[:10])
    out = {"year": str(d.year)}
    if granularity in ("day", "week", "month", "range"):
        out["month"] = str(d.month)
    if granularity in ("day", "week", "range"):
        out["day"] = str(d.day)
    return out


def _display(event: Event) -> str | None:
    """What the slide says its date is, when TimelineJS's own date would say too
    much: a week ("week of March 4, 2024"), a range ("between June 13 and Oct. 27,
    2017")."""
    if event.granularity == "week":
        d = date.fromisoformat(event.date[:10])
        return f"week of {d.strftime('%B')} {d.day}, {d.year}"
    if event.granularity == "range":
        return when(event.date, "range", event.latest)
    return None


def _web_address(url: str | None) -> bool:
    """Only http(s) addresses become links: a record's `javascript:` URL stays text."""
    return bool(url) and url.lower().startswith(("http://", "https://"))


def _headline(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _HEADLINE_CHARS:
        return text
    cut = text[:_HEADLINE_CHARS].rsplit(" ", 1)[0]
    return cut + "…"


def slide(event: Event, articles: dict[str, Article], unique_id: str) -> dict[str, Any]:
    """One TimelineJS slide for a timeline entry."""
    items = []
    for s in event.sources:
        a = articles.get(s.get("article_id", ""))
        outlet = s.get("outlet") or (a.source if a else None) or "unknown outlet"
        label = escape(outlet)
        if a is not None and _web_address(a.origin.url):
            label = f'<a href="{escape(a.origin.url, quote=True)}">{label}</a>'
        title = f" <em>{escape(a.title)}</em>" if a is not None and a.title else ""
        items.append(f"<li>{label}{title}: “{escape(s.get('sentence', ''))}” "
                     f"<small>({escape(str(s.get('article_id', '')))})</small></li>")
    html = f"<p>{escape(event.text)}</p>"
    if items:
        more = (f"<li>and {len(items) - SOURCES_SHOWN} more</li>"
                if len(items) > SOURCES_SHOWN else "")
        html += f"<p>Sources ({len(items)}):</p><ul>{''.join(items[:SOURCES_SHOWN])}{more}</ul>"
    out: dict[str, Any] = {
        "start_date": _date(event.date, event.granularity),
        "text": {"headline": escape(_headline(event.text)), "text": html},
        "unique_id": unique_id,
    }
    if event.granularity == "range" and event.latest and event.latest[:10] != event.date[:10]:
        out["end_date"] = _date(event.latest, "day")
    shown = _display(event)
    if shown:
        out["display_date"] = shown
    return out


def _published(article: Article) -> dict[str, Any]:
    """A slide for an article on the day it was published (when a story has no entries)."""
    label = escape(article.source or "unknown outlet")
    if _web_address(article.origin.url):
        label = f'<a href="{escape(article.origin.url, quote=True)}">{label}</a>'
    return {"start_date": _date(article.published.date, "day"),
            "text": {"headline": escape(_headline(article.title or article.id)),
                     "text": f"<p>Published by {label}.</p>"},
            "unique_id": f"article-{article.id}"}


def to_timelinejs(story: Story, events: Sequence[Event], articles: Sequence[Article]
                  ) -> dict[str, Any]:
    """One story's timeline as a TimelineJS3 document."""
    by_id = {a.id: a for a in articles}
    outlets = sorted({a.source for a in articles if a.source})
    about = f"{len(story.article_ids) or len(articles)} articles"
    if outlets:
        about += " from " + ", ".join(outlets[:8]) + (" and others" if len(outlets) > 8 else "")
    return {
        "title": {"text": {"headline": escape(story.title or story.id),
                           "text": f"<p>{escape(about)}</p>"}},
        "events": [slide(e, by_id, f"{story.id}-{i}") for i, e in enumerate(events)],
    }


def write(store, out: TextIO, story: str | None = None) -> None:
    """All stories of `store` as one TimelineJS3 document (one group and era per story);
    with `story` (any name `query.find_story` takes), that story alone."""
    if story:
        stories = [query.find_story(store, story)]
        left_out = 0
    else:
        every = store.stories.all()
        every.sort(key=lambda s: (-len(s.article_ids), s.first_date or "", s.id))
        stories, left_out = every[:STORIES], max(0, len(every) - STORIES)
    doc: dict[str, Any] = {"events": [], "eras": []}
    held: list[Article] = []
    for story in stories:
        articles = query.story_articles(store, story)
        held += articles
        events = query.story_timeline(story, articles)
        one = to_timelinejs(story, events, articles)
        for e in one["events"]:
            e["group"] = escape(story.title or story.id)
            doc["events"].append(e)
        if len(stories) == 1:
            doc["title"] = one["title"]
        if events:
            first = min(e.earliest or e.date for e in events)
            last = max(e.latest or e.date for e in events)
            doc["eras"].append({"start_date": _date(first, "day"),
                                "end_date": _date(last, "day"),
                                "text": {"headline": escape(story.title or story.id)}})
    if "title" not in doc:
        more = f"; {left_out} smaller stories left out" if left_out else ""
        doc["title"] = {"text": {"headline": "storyline",
                                 "text": f"<p>The {len(stories)} largest stories{more}</p>"
                                 if left_out else f"<p>{len(stories)} stories</p>"}}
    if not doc["events"]:
        doc["events"] = [_published(a) for a in held if a.published.date]
    json.dump(doc, out, ensure_ascii=False, indent=1)
    out.write("\n")
