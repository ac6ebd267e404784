"""Timelines of stories whose articles have no day, only bounds; what never dates an
entry (bare years, page and comment stamps); the entry fields views show."""

from __future__ import annotations

from timeline_texts import article

from storyline import timeline
from storyline.export.timelinejs import to_timelinejs
from storyline.model import Block, Event, Published, Story
from storyline.query.records import event_record
from storyline.timeline.events import extract, when


def undated(aid: str, earliest: str, latest: str, *paragraphs: str):
    """An article the dating stage could only bound (its expressions left relative)."""
    a = article(aid, "Mill Gazette", None, *paragraphs)
    a.published = Published(earliest=earliest, latest=latest, granularity="range",
                            method="text", confidence=0.5)
    return a


# 2017-06-13 is a Tuesday.
VOTE = undated("u1", "2017-06-13", "2017-06-20",
               "The council voted to close the Mill Road bridge on Tuesday after engineers "
               "found cracks in its span.",
               "The budget for 2017 was already stretched, officials said.")
VOTE_AGAIN = undated("u2", "2017-06-14", "2017-06-30",
                     "The council voted to close the Mill Road bridge after engineers found "
                     "cracks in its span.")
DEMOLITION = undated("u3", "2017-07-01", "2017-07-10",
                     "Demolition crews began tearing down the Mill Road bridge yesterday.",
                     "At 19:23 27th Apr 2009, leftieoddbod wrote: about time they did something "
                     "about that bridge.")
STORY = [DEMOLITION, VOTE, VOTE_AGAIN]


def test_undated_articles_with_bounds_get_ordered_ranged_entries():
    events = timeline.build(STORY, length=5)
    assert events
    assert [(e.earliest, e.latest) for e in events] == sorted((e.earliest, e.latest)
                                                             for e in events)
    vote = next(e for e in events if "voted" in e.text)
    # "on Tuesday" in an article of June 13-20, told too by the lead of an article of
    # June 14-30: no later than either allows (a lead may report an older event).
    assert (vote.granularity, vote.earliest, vote.latest) == ("range", "2017-06-13",
                                                              "2017-06-20")
    assert {s["article_id"] for s in vote.sources} == {"u1", "u2"}
    assert all(s["why"] for s in vote.sources)
    assert "'Tuesday'" in next(s["why"] for s in vote.sources if s["article_id"] == "u1")
    # "yesterday" in an article of July 1-10: the bounds shifted back a day.
    crews = next(e for e in events if "Demolition" in e.text)
    assert (crews.earliest, crews.latest) == ("2017-06-30", "2017-07-09")
    assert "yesterday" in crews.sources[0]["why"]


def test_a_range_that_is_a_calendar_week_or_month_says_so():
    week = undated("w1", "2017-06-12", "2017-06-18",
                   "The council voted to close the Mill Road bridge after a long debate.")
    s = extract(week)[0]
    assert (s.date, s.granularity, s.until) == ("2017-06-12", "week", None)
    assert when("2017-06-13", "range", "2017-10-27") == "between June 13 and Oct. 27, 2017"
    assert when("2016-12-28", "range", "2017-01-03") == "between Dec. 28, 2016 and Jan. 3, 2017"
    assert when("2023-05-28", "range", "2023-05-31") == "between May 28 and May 31, 2023"


def test_bounds_wider_than_a_season_date_nothing():
    loose = undated("l1", "2017-01-01", "2017-12-31",
                    "The council voted to close the Mill Road bridge on Tuesday.")
    assert extract(loose) == []


def test_bare_years_and_stamps_make_no_entry():
    dated = article("d1", "Mill Gazette", "2017-06-20",
                    "The council fixed the bridge repair budget for 2017 after a long debate.",
                    "In 2009 the bridge was painted green by volunteers from the town.",
                    "24 June 2010 Last updated at 14:59 GMT Help Engineers inspected the bridge "
                    "again.",
                    "At 19:23 27th Apr 2009, leftieoddbod wrote: just read that report on the "
                    "bridge.",
                    "First bridge closure - 23:39 UK time, Sunday, 14 June 2009")
    found = extract(dated, lead=10)
    assert {s.date for s in found} <= {"2017-06-20"}
    assert not any("wrote" in s.sentence for s in found)
    # A stamp glued to a lead sentence leaves it: the sentence is the day's news.
    assert any(s.sentence.startswith("Engineers inspected") for s in found)
    days = {e.date for e in timeline.build([dated], length=10)}
    assert days <= {"2017-06-20"}
    assert not {"2017-01-01", "2009-01-01", "2009-04-27", "2010-06-24", "2009-06-14"} & days


def test_lines_the_cleaner_removed_never_feed_the_timeline():
    a = article("c1", "Mill Gazette", "2017-06-20",
                "The council voted to close the Mill Road bridge on Tuesday.")
    a.blocks.append(Block("On March 3, 2017, jo wrote: the bridge was fine in March.",
                          kind="comments", rule="comment-stamp"))
    assert all("jo wrote" not in s.sentence for s in extract(a))
    assert all(e.date != "2017-03-03" for e in timeline.build([a], length=5))


def test_event_records_carry_earliest_and_latest():
    events = timeline.build(STORY, length=5)
    record = event_record(events[0])
    assert {"date", "granularity", "earliest", "latest", "text", "sources"} <= set(record)
    assert record["earliest"] <= record["latest"]
    # A day entry: both are the day; an entry stored before the fields: from its date.
    assert event_record(Event("2024-03-05", "day", "x"))["earliest"] == "2024-03-05"
    old = event_record(Event("2024-03-01", "month", "x"))
    assert (old["earliest"], old["latest"]) == ("2024-03-01", "2024-03-31")


def test_timelinejs_uses_partial_dates_and_says_ranges():
    events = [Event("2017-06-01", "month", "In June.", [], "2017-06-01", "2017-06-30"),
              Event("2017-06-13", "range", "Between.", [], "2017-06-13", "2017-10-27"),
              Event("2017-06-14", "day", "That day.", [], "2017-06-14", "2017-06-14")]
    doc = to_timelinejs(Story("s", "Mill Road bridge"), events, [])
    month, span, day = doc["events"]
    assert month["start_date"] == {"year": "2017", "month": "6"} and "display_date" not in month
    assert span["start_date"] == {"year": "2017", "month": "6", "day": "13"}
    assert span["display_date"] == "between June 13 and Oct. 27, 2017"
    assert day["start_date"] == {"year": "2017", "month": "6", "day": "14"}


def test_cli_prints_ranges_readably(tmp_path, capsys):
    import argparse

    from storyline.cli import timeline as command
    from storyline.store import Store

    path = str(tmp_path / "u.db")
    with Store(path) as store, store.transaction():
        for a in STORY:
            a.story_id = "s1"
            store.articles.put(a)
        store.stories.put("s1", "Mill Road bridge", {"id": "s1", "title": "Mill Road bridge",
                                                     "article_ids": [a.id for a in STORY],
                                                     "timeline": []})
    p = argparse.ArgumentParser()
    command.add_arguments(p)
    assert command.run(p.parse_args(["--db", path])) == 0
    out = capsys.readouterr().out
    assert "2017-06-13 to 2017-06-20  between June 13 and June 20, 2017" in out
    assert "'Tuesday' in an article dated between 2017-06-13 and 2017-06-20" in out
