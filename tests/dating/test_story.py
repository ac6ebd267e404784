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
    assert p.date is None and p.method == "story" and p.granularity in ("month", "range", "year")
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


# -- years from the story (issue "Undated piles"): no article of it dated by metadata ---------

def _processed(aid: str, text: str) -> Article:
    from storyline.model import RawDocument
    from storyline.pipeline import process

    article = process(RawDocument(origin=Origin(path=f"/pile/{aid}.txt", format="txt"),
                                  content=text), model=None)
    article.id = aid
    return article


# Three undated articles of one running story, as scraped: the first carries a timestamp
# line, the second a copyright line; the third names days but no year at all.
STAMPED = ("Calder files for bankruptcy protection\n\nPublished March 13, 2024 6:02 p.m.\n\n"
           "Calder Resin Works filed for bankruptcy protection on Wednesday, a month after "
           "the county sued it over the February spill that fouled the Millbrook River.\n")
COPYRIGHT = ("Senators grill Calder chief over spill\n\nCalder's chief executive told state "
             "senators on Tuesday that the company would pay for the cleanup of the river.\n\n"
             "\u00a9 2024 Riverton Ledger. All rights reserved.\n")
NO_YEAR = ("Calder settles with county\n\nCalder agreed on Thursday to pay $41.5 million to "
           "settle the county's claims, a week before the June 20 trial date the judge set "
           "in May.\n")


def test_the_storys_articles_agree_on_its_year():
    from storyline.dating import story_years

    pile = [_processed("s1", STAMPED), _processed("c1", COPYRIGHT), _processed("n1", NO_YEAR)]
    years = story_years(pile, today=TODAY)
    assert (years.first, years.last, years.articles, years.share) == (2024, 2024, 2, 1.0)
    assert story_years(pile[2:], today=TODAY) is None            # no sure year: no years
    other = _processed("o1", "Council meets\n\nPublished March 3, 2019 9:00 a.m.\n\n"
                             "The council met on Sunday to review the plans for the bridge.\n")
    assert story_years(pile[:1] + [other], today=TODAY) is None  # years apart: no agreement


def test_an_article_without_a_year_is_dated_inside_its_storys_year():
    from storyline.corpus import date_from_story

    pile = [_processed("s1", STAMPED), _processed("c1", COPYRIGHT), _processed("n1", NO_YEAR)]
    assert pile[2].published.date is None and pile[2].published.earliest is None
    p = date_from_story(pile)["n1"]
    assert p.method == "story" and p.earliest >= "2024-01-01" and p.latest <= "2024-12-31"
    if p.date:
        assert p.date.startswith("2024-06")          # a week before the June 20 trial date
    assert "the story's articles were published in 2024" in " ".join(e.note or "" for e in p.evidence)
