from __future__ import annotations

from timeline_texts import COLLAPSE_GAZETTE, COLLAPSE_POST, INQUIRY_GAZETTE, INQUIRY_POST, article

from storyline import timeline
from storyline.timeline.propagate import shared_events

# No date in the metadata: the dateline gives a month and day but no year, and "on
# Monday" cannot be resolved alone. The inquiry it reports was ordered on 2024-03-11
# and reported on the 12th and 13th by dated articles.
DATELINED = article(
    "und1", "Hill Courier", None,
    "HARLOW, March 12 (AW) - Governor Lena Okafor ordered an independent inquiry into the "
    "Harlow Bridge collapse on Monday.",
    "The Harlow Bridge collapsed into the Venn River, killing two motorists and injuring nine.")

# Nothing in the text fixes a day: the story can only bound it.
VAGUE = article(
    "und2", "Hill Courier", None,
    "Governor Lena Okafor ordered an independent inquiry into the Harlow Bridge collapse, "
    "days after visiting the site.",
    "The Harlow Bridge collapsed into the Venn River, killing two motorists and injuring nine.")

DATED = [COLLAPSE_GAZETTE, COLLAPSE_POST, INQUIRY_GAZETTE, INQUIRY_POST]


def test_undated_article_gets_a_day_from_the_articles_sharing_its_events():
    found = timeline.propagate(DATED + [DATELINED])
    assert set(found) == {"und1"}
    p = found["und1"]
    assert (p.date, p.granularity, p.method) == ("2024-03-12", "day", "story")
    assert 0 < p.confidence <= 0.8
    named = " ".join(e.note or "" for e in p.evidence if e.where == "story")
    assert "gaz2" in named and "post2" in named


def test_agreeing_neighbours_give_a_day_when_the_text_has_no_clue():
    p = timeline.propagate(DATED + [VAGUE])["und2"]
    # The inquiry reports (12th, 13th) outweigh the collapse reports (5th, 6th).
    assert (p.date, p.granularity, p.method) == ("2024-03-12", "day", "story")
    assert p.confidence <= 0.8
    named = " ".join(e.note or "" for e in p.evidence)
    assert "gaz2" in named and "post2" in named


def test_without_agreement_the_shared_events_bound_it():
    # Two dated articles only: too few to agree on a day.
    p = timeline.propagate([COLLAPSE_GAZETTE, INQUIRY_GAZETTE, VAGUE])["und2"]
    assert p.date is None and p.method == "story"
    # It reports the inquiry ordered on March 11: not published before that.
    assert p.earliest == "2024-03-11"
    assert any("2024-03-11" in (e.note or "") and "gaz2" in (e.note or "") for e in p.evidence)


def test_shared_events_prefer_the_articles_reporting_the_same_event():
    shared = shared_events(DATED + [VAGUE])["und2"]
    assert shared["gaz2"] > shared.get("gaz1", 0)
    assert shared["post2"] > shared.get("post1", 0)


def test_dated_articles_and_unrelated_articles_are_left_alone():
    assert timeline.propagate(DATED) == {}
    stranger = article("x9", "Hill Courier", None,
                       "The orchestra rehearsed a new symphony for the winter season.")
    assert timeline.propagate(DATED + [stranger]) == {}
    assert timeline.propagate([VAGUE]) == {}
