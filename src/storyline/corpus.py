"""The corpus stages, run at the end of a build on what it changed:
template lines → group → date from the story → timeline and comparison → entities.

Each stage reads and writes the store, so a build that stops between stages
finishes them next time (articles no story holds yet are picked up again).
What each requires and assigns is in `CORPUS_STAGES` (listed with the
per-article stages in `storyline.stages`); when a stage changes an article's
body or date, `pipeline.rerun` runs the per-article stages that read it.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Iterable

from . import dating, entities, nlp, stories, timeline
from .clean.template import apply_template, repeated_keys
from .model import Article, Published
from .pipeline import Stage, rerun
from .store import Store

__all__ = ["run_corpus_stages", "refresh_templates", "date_from_story", "tell_story",
           "resolve_entities", "CorpusSummary", "CORPUS_STAGES"]


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
    articles changed, whose ids are appended to `changed_ids`."""
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
                    store.articles.update(rerun(article, {"body"}, model))
                    changed_ids.append(article.id)
                    changed += 1
    return changed


def group(store: Store, article_ids: list[str]) -> dict[str, object]:
    """Place new and changed articles (and any a killed build left) in stories."""
    return stories.update(store, article_ids).to_dict()


def date_from_story(articles: list[Article]) -> dict[str, Published]:
    """{article id: new Published} for the story's articles without a day that its
    dated articles can date or bound: the evidence is `timeline.story_clues`'s, the
    decision `dating.date_in_story`'s. Articles the story cannot help are left out."""
    by_id = {a.id: a for a in articles}
    out = {}
    for article_id, clues in timeline.story_clues(articles).items():
        found = dating.date_in_story(by_id[article_id], clues)
        if found is not None:
            out[article_id] = found
    return out


def tell_story(store: Store, story_id: str, model: str | None = None) -> int:
    """Date the story's undated articles from it, then tell its timeline and compare
    its outlets; returns how many articles got a date."""
    story = store.stories.get(story_id)
    if story is None:
        return 0
    articles = list(store.articles.all(story_id=story_id))
    found = date_from_story(articles)
    dated = 0
    with store.transaction():
        for i, article in enumerate(articles):
            if article.id in found:
                before = article.published.date
                article.published = found[article.id]
                # "on Tuesday" can now be resolved against the story's date.
                changed = {"date"} if article.published.date != before else set()
                articles[i] = article = rerun(article, changed, model)
                store.articles.update(article)
                dated += article.published.date is not None
        events = timeline.build(articles, copies=story.copies)
        comparison = timeline.compare(articles, events)
        store.stories.put_timeline(story_id, events, comparison)
    return dated


def resolve_entities(store: Store) -> int:
    """One entity per person, organization and place across the corpus.

    Re-resolved whole from the stored mentions each build (100k mentions: 7.6 s,
    cheap next to the language pipeline that found them), so a name seen for the
    first time can join names already stored.
    """
    resolution = entities.resolve(store.entities.mention_holders())
    with store.transaction():
        store.entities.put(resolution)
    return len(resolution.entities)


CORPUS_STAGES: tuple[Stage, ...] = (
    Stage("templates", "corpus", ("blocks", "source"), ("body",), refresh_templates,
          "lines repeating across an outlet's articles leave the body: storyline.clean.template"),
    Stage("group", "corpus", ("body", "date", "mentions"), ("story_id",), group,
          "articles into running stories, wire copies: storyline.stories"),
    Stage("story-dates", "corpus", ("story_id", "sentences", "timexes", "date"), ("date",),
          date_from_story, "undated articles dated from their story: evidence "
          "storyline.timeline.story_clues, decision storyline.dating.date_in_story"),
    Stage("timeline", "corpus", ("story_id", "sentences", "timexes", "date"),
          ("timeline", "comparison"), tell_story,
          "each changed story's timeline and cross-outlet comparison: storyline.timeline"),
    Stage("entities", "corpus", ("mentions", "story_id"), ("entities",), resolve_entities,
          "one entity per person, organization and place: storyline.entities"),
)


def run_corpus_stages(store: Store, changed_ids: Iterable[str],
                      model: str | None = nlp.DEFAULT_MODEL) -> CorpusSummary:
    """Group, date from stories, tell timelines and resolve entities for what a build
    changed (template lines are re-applied before, as articles are stored)."""
    started = time.perf_counter()
    summary = CorpusSummary()
    ids = list(dict.fromkeys([*changed_ids, *stories.pending(store)]))
    if ids:
        summary.grouping = group(store, ids)
    touched = store.articles.stories_of(ids)
    for story_id in sorted(touched):
        summary.dated_by_story += tell_story(store, story_id, model)
    summary.stories_updated = len(touched)
    if ids or summary.dated_by_story:
        summary.entities = resolve_entities(store)
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary
