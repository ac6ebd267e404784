"""The query layer: the records every view shows.

The CLI, every export format, the Python API and the HTTP API ask here, so the
same thing has the same record everywhere. Each function takes an open
`Store` (a read-only one is enough) and returns plain dicts and lists of the
records in `storyline.query.records`.

    with storyline.Store("corpus.db", readonly=True) as store:
        for s in query.stories(store, sort="recency"):
            print(s["title"])
        print(query.story(store, "spill")["timeline"])
"""

from __future__ import annotations

from .articles import article, articles, outlet_names, search
from .builds import problems
from .compare import comparison, sources_by_outlet
from .corrections import corrections, corrections_of, described
from .entities import entities, entity
from .quotes import quotes, speakers
from .records import (article_record, entity_record, event_record, explain_date, quote_record,
                      story_record, story_summary)
from .stories import SORTS, coverage, find_story, stories, story, story_articles, story_timeline, timeline

__all__ = ["stories", "story", "comparison", "sources_by_outlet", "coverage", "timeline", "find_story", "story_articles", "story_timeline", "articles", "article", "search", "outlet_names",
           "entities", "entity", "quotes", "speakers", "article_record", "story_record",
           "story_summary", "entity_record", "quote_record", "event_record", "explain_date", "problems", "corrections", "corrections_of", "described", "SORTS"]
