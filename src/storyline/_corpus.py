"""The corpus stages, run at the end of a build on what it changed:
group → date from the story → timeline and comparison → entities across articles.

Each stage reads and writes the store, so a build that stops between stages
finishes them next time (articles no story holds yet are picked up again).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Iterable

from . import entities, stories, timeline, timex
from .clean.template import apply_template, repeated_keys
from .pipeline import analyse
from .store import Store

__all__ = ["run_corpus_stages", "refresh_templates", "CorpusSummary"]


@dataclass
class CorpusSummary:
    grouping: dict[str, object] = field(default_factory=dict)
    stories_updated: int = 0
    dated_by_story: int = 0
    entities: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        g = self.grouping
        out = []
        if g.get("articles"):
            out.append(f"stories: {g['articles']} articles grouped ({g['joined']} joined a story, "
                       f"{g['started']} started one, {g['copies']} copies, {g['merges']} merges); "
                       f"{self.stories_updated} timelines updated")
        if self.dated_by_story:
            out.append(f"dates: {self.dated_by_story} undated articles dated from their story")
        if self.entities:
            out.append(f"entities: {self.entities} people, organizations and places")
        return out

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def refresh_templates(store: Store, sources: set[str], model: str | None,
                      changed_ids: list[str]) -> int:
    """Re-apply template lines to the articles of `sources` (source keys); returns the
    articles changed, whose ids are appended to `changed_ids`. A changed body has
    moved offsets, so the stages that read it run again before it is written."""
    changed = 0
    for source in sources:
        counts = store.templates.repeated(source)
        repeated = repeated_keys(counts, store.templates.articles_in(source))
        # Articles holding any line seen twice: those that may gain a template
        # line now, and those whose template lines may have lost their support.
        ids = store.templates.holders(source, counts)
        with store.transaction():
            for article_id in sorted(ids):
                article = store.articles.get(article_id)
                if article and apply_template(article.blocks, repeated):
                    store.articles.update(analyse(article, model))
                    changed_ids.append(article.id)
                    changed += 1
    return changed


def run_corpus_stages(store: Store, changed_ids: Iterable[str]) -> CorpusSummary:
    started = time.perf_counter()
    summary = CorpusSummary()
    ids = list(dict.fromkeys([*changed_ids, *stories.pending(store)]))
    if ids:
        summary.grouping = stories.update(store, ids).to_dict()
    touched = store.articles.stories_of(ids)
    for story_id in sorted(touched):
        summary.dated_by_story += _update_story(store, story_id)
    summary.stories_updated = len(touched)
    if ids or summary.dated_by_story:
        summary.entities = _resolve_entities(store)
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary


def _update_story(store: Store, story_id: str) -> int:
    """Date the story's undated articles from it, then tell its timeline; returns how
    many articles got a date."""
    story = store.stories.get(story_id)
    if story is None:
        return 0
    articles = list(store.articles.all(story_id=story_id))
    found = timeline.propagate(articles)
    dated = 0
    with store.transaction():
        for article in articles:
            if article.id in found:
                article.published = found[article.id]
                # "on Tuesday" can now be resolved against the story's date.
                article.timexes = timex.tag(article.body, article.published.date)
                store.articles.update(article)
                dated += article.published.date is not None
        events = timeline.build(articles, copies=story.copies)
        comparison = timeline.compare(articles, events)
        store.stories.put_timeline(story_id, events, comparison)
    return dated


def _resolve_entities(store: Store) -> int:
    """One entity per person, organization and place across the corpus.

    Re-resolved whole from the stored mentions each build (100k mentions: 7.6 s,
    cheap next to the language pipeline that found them), so a name seen for the
    first time can join names already stored.
    """
    resolution = entities.resolve(store.entities.mention_holders())
    with store.transaction():
        store.entities.put(resolution)
    return len(resolution.entities)
