"""Timelines: what happened on which date in a story, each entry with its sources.

Pure functions over a story's `Article`s (the story stage decides which articles
form a story; this stage tells it):

- `extract(article)`: the article's dated sentences (events.py);
- `merge(sentences)`: the same event told by several articles, one cluster (merge.py);
- `build(articles, length=None, copies=None)`: the timeline, a list of `Event`s in
  chronological order (summarize.py);
- `story_clues(articles)`: for the articles with no day, what the dated articles
  reporting the same events say about it (propagate.py; `dating.date_in_story`
  decides);
- `compare(articles, events)`: which outlet reports what, and where outlets disagree
  on a date or a number (compare.py).
"""

from __future__ import annotations

from .compare import compare
from .events import DatedSentence, extract, parse_value
from .merge import EventCluster, merge
from .propagate import story_clues
from .summarize import build, default_length, plan

__all__ = ["build", "story_clues", "compare", "extract", "merge", "plan", "default_length",
           "parse_value", "DatedSentence", "EventCluster"]
