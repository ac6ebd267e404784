from __future__ import annotations

from timeline_texts import COLLAPSE_GAZETTE, COLLAPSE_POST, INQUIRY_GAZETTE, INQUIRY_POST, article

from storyline.corpus import date_from_story
from storyline.timeline.propagate import anchor_bounds, attached, shared_events

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
    found = date_from_story(DATED + [DATELINED])
    assert set(found) == {"und1"}
    p = found["und1"]
    assert (p.date, p.granularity, p.method) == ("2024-03-12", "day", "story")
    assert 0 < p.confidence <= 0.8
    named = " ".join(e.note or "" for e in p.evidence if e.where == "story")
    assert "gaz2" in named and "post2" in named


def test_neighbours_dated_by_metadata_give_a_day_when_the_text_has_no_clue():
    p = date_from_story(DATED + [VAGUE])["und2"]
    # The inquiry reports (12th, 13th) outweigh the collapse reports (5th, 6th).
    assert (p.date, p.granularity, p.method) == ("2024-03-12", "day", "story")
    assert 0.5 <= p.confidence <= 0.8
    named = " ".join(e.note or "" for e in p.evidence)
    assert "gaz2" in named and "post2" in named


def test_neighbours_dated_only_by_their_text_give_bounds_that_hold():
    # The same story, its articles dated by their own text (as in a pile with no
    # metadata): such story days were right to a day 30-45% of the time and the week
    # either side of them held the truth about half the time. Bounds must hold: the
    # story's year, with that week kept as where the article likely sits.
    from dataclasses import replace
    texted = [replace(a, published=replace(a.published, method="text")) for a in DATED]
    p = date_from_story(texted + [VAGUE])["und2"]
    assert (p.date, p.method) == (None, "story")
    assert (p.earliest, p.latest, p.granularity) == ("2024-01-01", "2024-12-31", "year")
    assert p.confidence == 0.9
    assert (p.likely_earliest, p.likely_latest) == ("2024-03-05", "2024-03-19")
    assert p.likely_confidence < 0.5
    notes = [e.note or "" for e in p.evidence]
    assert any("point to 2024-03-12" in n for n in notes)
    assert sum("published in 2024" in n for n in notes) == 1
    assert "gaz2" in " ".join(notes) and "post2" in " ".join(notes)


def test_neighbours_that_agree_give_a_day_when_the_text_has_no_clue():
    # Only the inquiry reports: all the story's evidence sits on the 12th and 13th.
    p = date_from_story([INQUIRY_GAZETTE, INQUIRY_POST, COLLAPSE_POST, VAGUE])["und2"]
    assert (p.date, p.granularity, p.method) == ("2024-03-12", "day", "story")
    assert 0.6 <= p.confidence <= 0.8


def test_without_agreement_the_story_gives_its_year():
    # Two dated articles only: too few to agree on a day. That it shares the inquiry
    # ordered on March 11 is no lower bound: on timeline17 with every date hidden, the
    # latest event an article shares held as one 47% of the time.
    p = date_from_story([COLLAPSE_GAZETTE, INQUIRY_GAZETTE, VAGUE])["und2"]
    assert p.date is None and p.method == "story"
    assert (p.earliest, p.latest, p.confidence) == ("2024-01-01", "2024-12-31", 0.9)
    assert any("gaz2" in (e.note or "") for e in p.evidence)


def test_shared_events_prefer_the_articles_reporting_the_same_event():
    shared = shared_events(DATED + [VAGUE])["und2"]
    assert shared["gaz2"] > shared.get("gaz1", 0)
    assert shared["post2"] > shared.get("post1", 0)


def test_dated_articles_and_unrelated_articles_are_left_alone():
    assert date_from_story(DATED) == {}
    stranger = article("x9", "Hill Courier", None,
                       "The orchestra rehearsed a new symphony for the winter season.")
    assert date_from_story(DATED + [stranger]) == {}
    assert date_from_story([VAGUE]) == {}


# -- events anchoring relative expressions -------------------------------------------------
# The Dunmore Dam story (sentences written for these tests). 2024-05-14 is a Tuesday.
DAM_NOTICE = article(
    "dam1", "Ostrava Courier", "2024-05-02",
    "The Ostrava County board voted Wednesday to close the Dunmore Dam road to trucks.",
    "The board will hold a public hearing on the Dunmore Dam repairs on May 14 at the "
    "county hall.")
DAM_CRACK = article(
    "dam2", "Kessel Herald", "2024-05-09",
    "Engineers found a long crack in the Dunmore Dam spillway on May 8, the county said.",
    "Inspectors were sent to measure the spillway crack.")

# No date anywhere: "on Tuesday" is the hearing of May 14 (a Tuesday), the crack of
# May 8 was "last week": published between May 14 and 19.
DAM_HEARING = article(
    "dam3", "Ostrava Courier", None,
    "Residents packed the public hearing on the Dunmore Dam repairs on Tuesday, urging the "
    "county board to reopen the dam road.",
    "Engineers found the long crack in the Dunmore Dam spillway last week, the county said.")


def test_an_event_the_story_dates_anchors_a_weekday_and_bounds_the_day():
    found = date_from_story([DAM_NOTICE, DAM_CRACK, DAM_HEARING])
    p = found["dam3"]
    assert p.method == "story" and p.earliest >= "2024-05-14" and p.latest <= "2024-05-19"
    assert p.date is None or p.date in ("2024-05-14", "2024-05-15")
    notes = [e for e in p.evidence if "the event of" in (e.note or "")]
    # Each bound names the expression, the event's date and the article that dated it.
    hearing = next(e for e in notes if e.text == "Tuesday")
    assert "2024-05-14" in hearing.note and "dam1" in hearing.note
    assert DAM_HEARING.body[hearing.start:hearing.end] == "Tuesday"
    crack = next(e for e in notes if e.text == "last week")
    assert "2024-05-08" in crack.note and "dam2" in crack.note


def test_bounds_from_anchors_alone():
    bounds = anchor_bounds([DAM_NOTICE, DAM_CRACK, DAM_HEARING])["dam3"]
    assert (bounds.earliest, bounds.latest) == ("2024-05-14", "2024-05-19")
    assert bounds.confidence == 1.0


def test_a_weekday_that_is_not_the_events_day_is_no_anchor():
    wednesday = article(
        "dam4", "Ostrava Courier", None,
        "Residents packed the public hearing on the Dunmore Dam repairs at the county hall on "
        "Wednesday.")
    # The hearing is the one of May 14, a Tuesday: it cannot be what "Wednesday" names.
    assert "dam1" in shared_events([DAM_NOTICE, wednesday])["dam4"]
    assert "dam4" not in anchor_bounds([DAM_NOTICE, DAM_CRACK, wednesday])


def test_last_months_event_is_the_month_before():
    # "last month's spillway crack" is the crack of May 8: published in June, although
    # the sentence shares few words with the report of the crack.
    later = article(
        "dam5", "Kessel Herald", None,
        "County engineers said the repairs to last month's spillway crack would cost "
        "$4 million and take until autumn.")
    bounds = anchor_bounds([DAM_NOTICE, DAM_CRACK, later])["dam5"]
    assert (bounds.earliest, bounds.latest) == ("2024-06-01", "2024-06-30")
    assert "dam2" in bounds.evidence[0].note


def test_the_anchors_most_of_the_weight_agrees_on_win():
    # "voted on Wednesday" is the vote of May 1 (published May 1..7); "on Tuesday" and
    # "last week" agree on May 14..19 and outweigh it together.
    mixed = article(
        "dam6", "Ostrava Courier", None,
        "Residents packed the public hearing on the Dunmore Dam repairs on Tuesday, urging the "
        "county board to reopen the dam road.",
        "Engineers found the long crack in the Dunmore Dam spillway last week, the county said.",
        "The Ostrava County board voted on Wednesday to close the Dunmore Dam road to trucks.")
    bounds = anchor_bounds([DAM_NOTICE, DAM_CRACK, mixed])["dam6"]
    assert bounds.earliest >= "2024-05-14" and bounds.latest <= "2024-05-19"
    assert bounds.confidence < 1.0


def test_attached_names_the_event_a_date_belongs_to():
    text = "It was last month's chemical spill, not the hearing on the spill March 5."
    start = text.index("last month")
    assert attached(text, start, start + len("last month")) == {"chemical", "spill"}
    start = text.index("March 5")
    assert attached(text, start, start + len("March 5")) == frozenset()
    text = "after the explosion on April 20 and the April 21 fire"
    start = text.index("April 20")
    assert attached(text, start, start + 8) == {"explosion"}
    start = text.index("April 21")
    assert attached(text, start, start + 8) == {"fire"}


def test_a_sentence_dating_two_events_anchors_by_the_words_around_each():
    # "just last week" is the inspection of June 7, not the fire of May 28 the same
    # sentence of the dated article also names.
    inspection = article(
        "fer2", "Harbor Times", "2023-06-08",
        "Inspectors boarded the Ellery Star on Wednesday, June 7, and found corroded fuel lines "
        "in the engine room where the May 28 fire began, the board said.")
    deadline = article(
        "fer3", "Harbor Times", None,
        "The order follows the corroded fuel lines that inspectors found aboard the Ellery Star "
        "just last week, after the engine-room fire that put 212 people in lifeboats.")
    bounds = anchor_bounds([inspection, deadline])["fer3"]
    assert (bounds.earliest, bounds.latest) == ("2023-06-12", "2023-06-18")
