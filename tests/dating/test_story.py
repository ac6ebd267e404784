"""The story hook: an undated article takes its year and days from its story's dated articles."""

from __future__ import annotations

from datetime import date

from storyline.dating import StoryEvidence, from_metadata, from_story
from storyline.model import Article, Block, Origin

TODAY = date(2026, 1, 1)

QUAKE = [
    Block("Quake survivors pulled from rubble", "title"),
    Block("PORT-AU-PRINCE, Jan. 17 (AW) — Rescuers pulled two more survivors from the ruins of "
          "a hotel on Sunday, five days after the earthquake struck the capital."),
    Block("Aid flights resumed on Saturday after the airport reopened, officials said."),
]


def undated(blocks) -> Article:
    return Article(id="u1", origin=Origin(path="quake.txt", format="txt"), blocks=list(blocks))


def test_story_gives_the_year_the_text_lacks_and_the_text_picks_the_day():
    article = undated(QUAKE)
    others = [StoryEvidence("2010-01-15", 0.9, "a15"), StoryEvidence("2010-01-18", 0.8, "b18"),
              ("2010-01-13", 0.6, "d13")]
    p = from_story(article, others, today=TODAY)
    assert (p.date, p.granularity, p.method) == ("2010-01-17", "day", "story")
    assert 0.5 <= p.confidence <= 0.8                       # borrowed: never fully sure
    named = [e for e in p.evidence if e.where == "story"]
    assert {e.note.split()[1] for e in named} == {"a15", "b18", "d13"}
    assert p.evidence[0].where == "body" and p.evidence[0].text == "Jan. 17"


def test_dated_articles_are_left_alone():
    article = undated(QUAKE)
    article.published = from_metadata("2010-01-17", "feed", None)
    assert from_story(article, [("2010-03-01", 1.0, "x")], today=TODAY) is article.published


def test_bad_story_evidence_is_skipped():
    article = undated(QUAKE)
    p = from_story(article, [("not a date", 0.9, "a"), ("2010-01-17", 0, "b"),
                             ("2010-01-17", "heavy", "c"), ("u1-self", 1.0, "u1"), (1, 2)],
                   today=TODAY)
    assert p is article.published


def test_story_without_clues_gives_a_coarse_answer_at_most():
    article = undated([Block("The talks continued late into the night, both sides said.")])
    p = from_story(article, [("2010-01-17", 0.9, "a"), ("2010-01-17", 0.9, "b")], today=TODAY)
    assert p.date is None and p.method == "story" and p.granularity in ("month", "year")
    assert p.earliest <= "2010-01-17" <= p.latest


def test_story_answer_stays_inside_the_crawl_date():
    article = undated(QUAKE)
    article.published = from_metadata(None, None, "2010-01-16")
    p = from_story(article, [("2010-01-15", 0.9, "a"), ("2010-01-18", 0.9, "b")], today=TODAY)
    assert p.date is None or p.date <= "2010-01-16"


def test_bounds_from_the_storys_events_hold_and_carry_their_evidence():
    from storyline.dating.story import StoryBounds
    from storyline.model import Evidence

    article = undated([Block("The talks continued late into the night, both sides said.")])
    note = Evidence("on Monday", where="story", note="the event of 2010-01-11 in article a")
    within = StoryBounds("2010-01-11", "2010-01-17", 0.9, [note])
    p = from_story(article, [("2010-01-17", 0.9, "a")], today=TODAY, within=within)
    assert p.method == "story" and "2010-01-11" <= (p.date or p.earliest) <= "2010-01-17"
    assert p.earliest >= "2010-01-11" and p.latest <= "2010-01-17"
    assert note in p.evidence
    # One day left: that day, with the events as evidence, even without story articles.
    one = StoryBounds("2010-01-12", "2010-01-12", 1.0, [note])
    p = from_story(article, [], today=TODAY, within=one)
    assert (p.date, p.granularity, p.evidence) == ("2010-01-12", "day", [note])
    assert p.confidence <= 0.8


def test_bounds_against_the_crawl_date_are_ignored():
    from storyline.dating.story import StoryBounds

    article = undated(QUAKE)
    article.published = from_metadata(None, None, "2010-01-16")
    p = from_story(article, [], today=TODAY,
                   within=StoryBounds("2010-01-20", "2010-01-26", 1.0, []))
    assert p is article.published
