"""Story grouping: articles into running stories, incrementally, with wire copies.

    from storyline import stories
    summary = stories.update(store, article_ids)   # after the articles are stored
    summary = stories.update(store, stories.pending(store))   # whatever is not grouped yet

Each new or changed article joins the story it fits (text, names, time) or
starts one; near-duplicates join their original's story as copies; stories
merge only when an article shows two of them are one, and the merge is logged.
Everything lives in the store (schema migration 2), so the next build goes on
where this one stopped.
"""

from __future__ import annotations

from .copies import COPY_CONTAINMENT
from .group import JOIN, JOIN_DATED, MERGE, UpdateSummary, pending, reconsider, update
from .records import choose_title

__all__ = ["update", "pending", "reconsider", "UpdateSummary", "choose_title", "JOIN",
           "JOIN_DATED", "MERGE", "COPY_CONTAINMENT"]
