from __future__ import annotations

from timeline_texts import (COLLAPSE_COPY, COLLAPSE_GAZETTE, COLLAPSE_POST, FERRY_TRIBUNE,
                            INQUIRY_GAZETTE, INQUIRY_POST, STORY, article)

from storyline import timeline
from storyline.timeline import extract, merge


def _entry(events, day):
    return next(e for e in events if e.date == day)


def test_paraphrases_with_different_date_expressions_become_one_event():
    # "on Tuesday" (Gazette, published that day), "on March 5" (Post, next day) and
    # "The collapse on March 5" (later looks back) all name 2024-03-05.
    events = timeline.build([COLLAPSE_GAZETTE, COLLAPSE_POST, INQUIRY_POST], length=5)
    collapse = _entry(events, "2024-03-05")
    assert collapse.granularity == "day"
    assert {s["article_id"] for s in collapse.sources} == {"gaz1", "post1", "post2"}
    assert "collapsed" in collapse.text or "collapse" in collapse.text
    sentence_of = {s["article_id"]: s["sentence"] for s in collapse.sources}
    assert sentence_of["post1"].startswith("Two drivers died")


def test_different_events_of_a_day_stay_apart():
    a = article("d1", "Gazette", "2024-03-05",
                "The Harlow Bridge collapsed into the Venn River on Tuesday.",
                "Separately, the city zoo welcomed a baby giraffe on Tuesday.")
    clusters = merge(extract(a))
    assert len(clusters) == 2


def test_wire_copies_are_not_extra_sources():
    with_copy = timeline.build(STORY, length=10, copies={"copy1": "gaz1"})
    collapse = _entry(with_copy, "2024-03-05")
    ids = [s["article_id"] for s in collapse.sources]
    assert "copy1" not in ids and "gaz1" in ids
    # Without the copy map it is one more source.
    without = _entry(timeline.build(STORY, length=10), "2024-03-05")
    assert len(without.sources) == len(collapse.sources) + 1


def test_copies_do_not_raise_a_dates_salience():
    # The ferry date has one report; the inquiry date two. Ten copies of the ferry
    # report must not push the inquiry out of a two-entry timeline.
    copies = [article(f"fc{i}", "Syndicate", "2024-03-15", *FERRY_TRIBUNE.body.split("\n\n"))
              for i in range(10)]
    story = [COLLAPSE_GAZETTE, COLLAPSE_POST, INQUIRY_GAZETTE, INQUIRY_POST, FERRY_TRIBUNE] + copies
    events = timeline.build(story, length=2, copies={c.id: "trib1" for c in copies})
    assert [e.date for e in events] == ["2024-03-05", "2024-03-11"]


def test_length_and_chronological_order():
    for n in (1, 2, 3):
        events = timeline.build(STORY, length=n)
        assert len(events) == n
        assert [e.date for e in events] == sorted(e.date for e in events)
    # The most reported date comes first when the timeline is short.
    assert timeline.build(STORY, length=1)[0].date == "2024-03-05"
    assert timeline.build(STORY, length=0) == []


def test_default_length_grows_with_the_story():
    assert timeline.default_length(1) == 3
    assert timeline.default_length(25) == 15
    assert timeline.default_length(10_000) == 30
    events = timeline.build(STORY)
    assert 3 <= len(events) <= timeline.default_length(len(STORY))


def test_entries_carry_sources_with_outlets():
    events = timeline.build(STORY, length=3, copies={"copy1": "gaz1"})
    inquiry = _entry(events, "2024-03-11")
    assert {(s["article_id"], s["outlet"]) for s in inquiry.sources} == {
        ("gaz2", "Harlow Gazette"), ("post2", "Venn Valley Post")}
    assert all(s["sentence"] for e in events for s in e.sources)


def test_several_sentences_per_date_and_day_only():
    events = timeline.build(STORY, length=10, per_date=2, granularities=("day",))
    assert all(e.granularity == "day" for e in events)
    collapse = _entry(events, "2024-03-05")
    assert "Rescue crews" in collapse.text      # the day's second event


def test_window_limits_the_dates():
    events = timeline.build(STORY, length=10, start="2024-03-10", end="2024-03-31",
                            granularities=("day",))
    assert [e.date for e in events] == ["2024-03-11", "2024-03-15"]


def test_background_dates_long_before_the_story_are_left_out():
    history = article("hist1", "Harlow Gazette", "2024-03-14",
                      "Inspectors first reported rust on the Harlow Bridge in March 2022.")
    dates = [e.date for e in timeline.build(STORY + [history], length=20)]
    assert "2022-03-01" not in dates
    # An explicit window is obeyed as given.
    dates = [e.date for e in timeline.build(STORY + [history], length=20, start="2020-01-01")]
    assert "2022-03-01" in dates
    # "cracks flagged in 2022" names a bare year: never an entry.
    assert "2022-01-01" not in dates


def test_no_dated_sentences_no_timeline():
    undated = article("u1", "Gazette", None, "Nothing here names a time at all, really not.")
    assert timeline.build([undated]) == []
    assert timeline.build([]) == []


def test_copy_fixture_is_a_copy():
    assert COLLAPSE_COPY.body.split("\n\n")[0] == COLLAPSE_GAZETTE.body.split("\n\n")[0]


def test_headlines_questions_and_quotations_are_not_entry_text():
    a = article("h1", "Gazette", "2024-03-05",
                '"We heard a roar and then the bridge was gone," said a witness on the bank.',
                "Will the county rebuild the bridge before the winter floods?",
                "The Harlow Bridge collapsed into the Venn River on Tuesday, killing two "
                "motorists.", title="Harlow Bridge collapses")
    events = timeline.build([a], length=1)
    assert events[0].text.startswith("The Harlow Bridge collapsed")


def test_a_date_only_a_quotation_tells_is_no_entry():
    quote = article("q1", "Gazette", "2024-03-06",
                    '"Nobody should have been on that bridge," said a retired engineer there.')
    events = timeline.build([COLLAPSE_GAZETTE, COLLAPSE_POST, quote], length=5)
    assert "2024-03-06" not in [e.date for e in events]


def test_unrelated_articles_of_a_topic_crawl_are_left_out():
    story = [article(f"b{i}", "Gazette", f"2024-03-{i + 6:02d}",
                     f"Divers searched the Venn River below the collapsed Harlow Bridge for "
                     f"the {i + 2}nd day on {day}.",
                     "The Harlow Bridge collapse killed two motorists and injured nine.")
             for i, day in enumerate(["Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                                      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])]
    stray = [article(f"z{i}", "Gazette", "2024-03-20",
                     "The city zoo welcomed a baby giraffe named Pebble on Wednesday morning.",
                     "Keepers said the calf stood within an hour of being born.")
             for i in range(3)]
    events = timeline.build(story + stray, length=20)
    assert events and not any("giraffe" in e.text for e in events)
    assert "2024-03-20" not in [e.date for e in events]
    # A small story keeps every article: it is all about itself.
    assert any("giraffe" in e.text for e in timeline.build(story[:3] + stray[:1], length=20))


def test_a_teaser_repeated_on_many_days_is_not_a_report():
    teaser = "Readers can sign up for the Gazette's morning newsletter on the website."
    days = ["2024-03-05", "2024-03-06", "2024-03-07"]
    story = [article(f"t{i}", "Gazette", day, teaser,
                     f"Divers searched the Venn River below the collapsed Harlow Bridge, day {i}.")
             for i, day in enumerate(days)]
    events = timeline.build(story, length=5)
    assert events and not any(teaser in e.text for e in events)


def test_dates_are_chosen_over_the_story_span_not_only_its_busiest_month():
    from storyline.timeline.summarize import choose
    scores = {("2024-03-05", "day", "2024-03-05"): 10.0, ("2024-03-06", "day", "2024-03-06"): 8.0,
              ("2024-03-07", "day", "2024-03-07"): 6.0, ("2024-05-02", "day", "2024-05-02"): 6.0}
    # the quiet month's main day outranks the busy month's third
    assert choose(scores, 3) == [("2024-03-05", "day", "2024-03-05"),
                                 ("2024-05-02", "day", "2024-05-02"),
                                 ("2024-03-06", "day", "2024-03-06")]
    # but not a busy month's much stronger day
    scores[("2024-05-02", "day", "2024-05-02")] = 3.0
    assert [k[0] for k in choose(scores, 2)] == ["2024-03-05", "2024-03-06"]
