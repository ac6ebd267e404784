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
from typing import Callable, TypeVar


from . import corrections, dating, entities, nlp, stories, timeline
from .clean.template import apply_to_article, repeated_keys
from .model import Article, Published
from .pipeline import Stage, rerun
from .store import Store

T = TypeVar("T")

__all__ = ["run_corpus_stages", "refresh_templates", "group", "date_from_story", "tell_story",
           "regroup", "resolve_entities", "CorpusSummary", "CORPUS_STAGES"]


@dataclass
class CorpusSummary:
    grouping: dict[str, object] = field(default_factory=dict)
    template_updates: int = 0
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


def refresh_templates(store: Store, model: str | None = None) -> int:
    """Re-apply template lines and title affixes to the articles of every outlet the
    journal names (new articles came); returns the articles changed. Each changed article is journaled
    for grouping, in the same transaction as its new body and the outlet's "done"."""
    changed = 0
    for source in store.work.pending("templates"):
        counts = store.templates.repeated(source)
        repeated = repeated_keys(counts, store.templates.articles_in(source))
        # Articles holding any line seen twice: those that may gain a template
        # line now, and those whose template lines may have lost their support.
        ids = store.templates.holders(source, counts)
        with store.transaction():
            for article_id in sorted(ids):
                article = store.articles.get(article_id)
                fields = apply_to_article(article, repeated) if article else set()
                if fields:
                    store.articles.update(rerun(article, fields, model))
                    store.work.add("group", [article.id])
                    changed += 1
            store.work.done("templates", [source])
    return changed


def group(store: Store) -> dict[str, object]:
    """Place the journaled articles (new, changed, or left by a killed build) and any
    article no story holds in stories; their stories and the entities are journaled
    for the next stages, in the same transaction."""
    ids = list(dict.fromkeys([*store.work.pending("group"), *stories.pending(store)]))
    if not ids:
        return {}
    with store.transaction():
        summary = stories.update(store, ids)
        touched = sorted(store.articles.stories_of(ids))
        store.work.add("story", touched)
        store.work.add("regroup", touched)
        store.work.add("entities", ["*"])
        store.work.done("group", ids)
    return summary.to_dict()


def regroup(store: Store) -> list[str]:
    """The journaled stories, once the story stage has dated their members, look again
    for a concurrent story alike (`stories.reconsider`); the stories that took a merge
    are journaled to be told again, in the same transaction. Returns them."""
    ids = store.work.pending("regroup")
    if not ids:
        return []
    with store.transaction():
        merged = stories.reconsider(store, ids)
        store.work.add("story", merged)
        store.work.done("regroup", ids)
    return merged


def date_from_story(articles: list[Article]) -> dict[str, Published]:
    """{article id: new Published} for the story's articles without a day that its
    dated articles can date or bound, or whose missing year its articles' years
    supply: the evidence is `timeline.story_clues`'s and `dating.story_years`', the
    decision `dating.date_in_story`'s. Articles the story cannot help are left out."""
    found_clues = timeline.story_clues(articles)
    years = dating.story_years(articles)
    out = {}
    for article in articles:
        clues = found_clues.get(article.id) or (dating.StoryClues() if years else None)
        if clues is None:
            continue
        clues.years = years
        found = dating.date_in_story(article, clues)
        if found is not None:
            out[article.id] = found
    return out


def tell_story(store: Store, story_id: str, model: str | None = None) -> int:
    """Date the story's undated articles from it, then tell its timeline and compare
    its outlets; returns how many articles got a date."""
    story = store.stories.get(story_id)
    if story is None:               # merged away since it was journaled
        with store.transaction():
            store.work.done("story", [story_id])
        return 0
    articles = list(store.articles.all(story_id=story_id))
    found = date_from_story(articles)
    dated = 0
    with store.transaction():
        store.work.done("story", [story_id])
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
        store.work.done("entities", ["*"])
    return len(resolution.entities)


CORPUS_STAGES: tuple[Stage, ...] = (
    Stage("templates", "corpus", ("blocks", "source", "title"), ("body", "title"),
          refresh_templates, "lines repeating across an outlet's articles leave the body, "
          "affixes repeating across its titles leave the title: storyline.clean.template"),
    Stage("group", "corpus", ("body", "date", "mentions"), ("story_id",), group,
          "articles into running stories, wire copies: storyline.stories"),
    Stage("story-dates", "corpus", ("story_id", "sentences", "timexes", "date"), ("date",),
          date_from_story, "undated articles dated from their story: evidence "
          "storyline.timeline.story_clues, decision storyline.dating.date_in_story"),
    Stage("timeline", "corpus", ("story_id", "sentences", "timexes", "date"),
          ("timeline", "comparison"), tell_story,
          "each changed story's timeline and cross-outlet comparison: storyline.timeline"),
    Stage("regroup", "corpus", ("story_id", "date"), ("story_id",), regroup,
          "stories whose members the story stage dated look again for a concurrent story "
          "alike: storyline.stories.reconsider"),
    Stage("entities", "corpus", ("mentions", "story_id"), ("entities",), resolve_entities,
          "one entity per person, organization and place: storyline.entities"),
)


def run_corpus_stages(store: Store, model: str | None = nlp.DEFAULT_MODEL, *,
                      spent: Callable[[str, float], None] | None = None) -> CorpusSummary:
    """Carry everything the journal holds through the corpus stages, in table order:
    template lines, grouping, story dates and timelines, entities. Each stage removes
    its entries in the same transaction as its results, so a run stopped anywhere
    leaves exactly what is left to do. `spent(stage, seconds)`, if given, is told
    each stage's CPU seconds (templates, grouping, timelines, regroup,
    entity_resolution)."""
    started = time.perf_counter()
    summary = CorpusSummary()
    clock = _Clock(spent)
    summary.template_updates = clock("templates", refresh_templates, store, model)
    summary.grouping = clock("grouping", group, store)
    touched = store.work.pending("story")
    for story_id in touched:
        summary.dated_by_story += clock("timelines", tell_story, store, story_id, model)
    # Members dated just now may show a story runs alongside another alike: the ones
    # that took a merge tell their timeline again.
    for story_id in clock("regroup", regroup, store):
        summary.dated_by_story += clock("timelines", tell_story, store, story_id, model)
    summary.stories_updated = len(touched)
    if store.work.pending("entities"):
        summary.entities = clock("entity_resolution", resolve_entities, store)
    # What people corrected holds whatever the machine decided again.
    corrections.apply(store, model=model)
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary


class _Clock:
    """Runs a stage, telling `spent` its CPU seconds."""

    def __init__(self, spent: Callable[[str, float], None] | None) -> None:
        self.spent = spent

    def __call__(self, stage: str, fn: Callable[..., T], *args) -> T:
        began = time.thread_time()
        try:
            return fn(*args)
        finally:
            if self.spent:
                self.spent(stage, time.thread_time() - began)
