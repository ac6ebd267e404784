"""The story hook: dating an article from the dated articles of the same story.

An article whose text names no year ("on Tuesday", "the April 20 explosion")
cannot be dated alone, but the other articles of its story usually can: they
report the same events within days of each other. The story stage (which
groups articles) calls

    from_story(article, [StoryEvidence("2010-04-22", 0.8, "a1b2c3"), ...])

with, for each dated article of the story, its date, a weight (how much it
should count: its date's confidence times how close the two articles are,
e.g. their text similarity) and its id. The dated articles become a prior over
days (a bump around each date, mostly within a few days, with a wide shoulder
for the story's longer run), the article's own clues (weekdays, month-days,
tense, caption bounds) are scored on top of it exactly as `from_text` scores
them, and the answer has method "story" and names the articles it leaned on.

Articles already dated to the day by their metadata or their own text are
returned unchanged: story evidence is weaker than a date the article states.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from ..model import Article, Evidence, Published

__all__ = ["StoryEvidence", "from_story", "STORY_MAX_CONFIDENCE", "STORY_DAY_CONFIDENCE"]

# A date borrowed from other articles is never as sure as one the article states.
STORY_MAX_CONFIDENCE = 0.8
# A day is given only when the text's calibrated confidence (with the story's dates
# as a prior) reaches this: the story's prior is not part of the calibration data,
# so the bar is the one the raw posterior share of 0.5 used to set.
STORY_DAY_CONFIDENCE = 0.8


@dataclass
class StoryEvidence:
    """One dated article of the same story."""

    date: str            # YYYY-MM-DD
    weight: float        # > 0: the date's confidence x how close the two articles are
    article_id: str


def from_story(article: Article, others: Iterable[StoryEvidence | tuple[str, float, str]], *,
               today: date | None = None) -> Published:
    """`article.published` refined with the dates of other articles of its story.

    `others`: `StoryEvidence` items or (date, weight, article_id) tuples; bad dates
    and non-positive weights are skipped. Returns a new `Published` (method
    "story") when the story and the article's clues fix a day, month or year
    finer than what the article had; otherwise `article.published` unchanged.
    """
    from .text import score_days

    current = article.published
    if current.date and current.granularity == "day" and current.method != "story":
        return current
    evidence: list[StoryEvidence] = []
    for item in others:
        if not isinstance(item, StoryEvidence):
            try:
                item = StoryEvidence(*item)
            except TypeError:
                continue
        try:
            day = date.fromisoformat(str(item.date)[:10])
            weight = float(item.weight)
        except (TypeError, ValueError):
            continue
        if weight > 0 and item.article_id != article.id:
            evidence.append(StoryEvidence(day.isoformat(), weight, str(item.article_id)))
    if not evidence:
        return current
    # Bounds the metadata set still hold (a crawl date, htmldate's year); a
    # previous text or story answer is recomputed, not trusted as a bound.
    bound = current if current.method not in ("text", "story") else Published()
    prior = [(date.fromisoformat(e.date), e.weight) for e in evidence]
    result = score_days(article, bound, today=today, prior=prior,
                        day_threshold=STORY_DAY_CONFIDENCE)
    found = result.published
    if found.method != "text":
        return current
    if current.granularity and _rank(found.granularity) >= _rank(current.granularity):
        return current
    confidence = min(found.confidence, STORY_MAX_CONFIDENCE)
    own = [e for e in found.evidence if not (e.note or "").startswith("text:")]
    # The article's own strongest clue first (what picked the day), then the story's
    # articles nearest the answer, then the rest of its clues.
    return Published(date=found.date, earliest=found.earliest, latest=found.latest,
                     granularity=found.granularity, method="story",
                     confidence=round(confidence, 2),
                     evidence=own[:1] + _story_evidence(evidence, found) + own[1:])


def _rank(granularity: str | None) -> int:
    return {"day": 0, "month": 1, "year": 2}.get(granularity or "", 3)


def _story_evidence(evidence: list[StoryEvidence], found: Published) -> list[Evidence]:
    """The story's articles nearest the answer, heaviest first (at most three)."""
    target = date.fromisoformat(found.date or found.earliest or evidence[0].date)

    def key(e: StoryEvidence) -> tuple[int, float]:
        return abs((date.fromisoformat(e.date) - target).days), -e.weight

    out = []
    for e in sorted(evidence, key=key)[:3]:
        out.append(Evidence(e.date, where="story",
                            note=f"article {e.article_id} of the same story (weight {e.weight:.2f})"))
    return out
