from __future__ import annotations

from timeline_texts import STORY, article

from storyline import timeline


def _spill_story():
    a = article("n1", "North Star", "2024-06-04",
                "A tanker truck spilled 12,000 gallons of diesel into Cole Creek on Monday, "
                "officials confirmed.",
                "The creek bridge collapsed on June 1 after days of heavy rain in the hills.")
    b = article("s1", "South Ledger", "2024-06-05",
                "A tanker truck spilled 15,000 gallons of diesel into Cole Creek on June 3.",
                "The creek bridge collapsed on May 31 after days of heavy rain in the hills.")
    c = article("s2", "South Ledger", "2024-06-06",
                "Volunteers began clearing diesel from the banks of Cole Creek on Wednesday.")
    return [a, b, c]


def _covering(n: int):
    """North Star articles of the clearing's days that say nothing of it."""
    return [article(f"n{i + 2}", "North Star", "2024-06-0" + str(7 + i % 2),
                    f"Fishermen on Cole Creek counted their losses for day {i + 1} of the closure.")
            for i in range(n)]


def test_outlets_facts_and_exclusives():
    arts = _spill_story() + _covering(3)
    events = timeline.build(arts, length=8)
    result = timeline.compare(arts, events)
    assert set(result["outlets"]) == {"North Star", "South Ledger"}
    assert result["outlets"]["South Ledger"]["articles"] == ["s1", "s2"]
    spill = next(i for i, e in enumerate(events) if e.date == "2024-06-03")
    assert spill in result["outlets"]["North Star"]["events"]
    assert spill in result["outlets"]["South Ledger"]["events"]
    clearing = next(i for i, e in enumerate(events) if "clearing" in e.text)
    assert clearing in result["outlets"]["South Ledger"]["exclusive"]
    assert {x["event"] for x in result["exclusive"]} >= {clearing}
    assert spill not in {x["event"] for x in result["exclusive"]}


def test_nothing_is_exclusive_when_the_other_outlets_were_silent_on_the_story():
    arts = _spill_story()            # North Star has no article of the clearing's days
    result = timeline.compare(arts, timeline.build(arts, length=5))
    assert result["exclusive"] == []


def _differences(result, kind):
    return [d for d in result["differences"] if d["kind"] == kind]


def test_same_event_different_dates_is_a_date_difference():
    arts = _spill_story()
    result = timeline.compare(arts, timeline.build(arts, length=5))
    found = [d for d in _differences(result, "date")
             if any("bridge" in a["sentence"] for a in d["accounts"])]
    assert len(found) == 1
    assert {a["outlet"]: a["value"] for a in found[0]["accounts"]} == {
        "North Star": "2024-06-01", "South Ledger": "2024-05-31"}
    assert {a["article_id"] for a in found[0]["accounts"]} == {"n1", "s1"}
    assert 0 < found[0]["confidence"] < 1
    # The spill is dated the same by both ("Monday" in a Tuesday report = June 3).
    assert not any("tanker" in a["sentence"] for d in _differences(result, "date")
                   for a in d["accounts"])


def test_same_thing_different_figures_is_a_number_difference():
    arts = _spill_story()
    result = timeline.compare(arts, timeline.build(arts, length=5))
    gallons = [d for d in _differences(result, "number") if d["unit"] == "litre"]
    assert len(gallons) == 1
    assert {a["outlet"]: a["value"] for a in gallons[0]["accounts"]} == {
        "North Star": "12,000 gallons", "South Ledger": "15,000 gallons"}
    assert all(a["sentence"] and a["article_id"] for a in gallons[0]["accounts"])


def test_agreeing_outlets_raise_nothing():
    result = timeline.compare(STORY, timeline.build(STORY, length=5))
    # "two motorists" / "nine others" agree everywhere, and so do the dates.
    assert result["differences"] == []


def test_one_outlet_updating_its_own_figure_is_not_a_difference():
    a = article("u1", "Gazette", "2024-06-04",
                "Floods killed 12 people in the valley on Monday, officials said.")
    b = article("u2", "Gazette", "2024-06-05",
                "Floods killed 15 people in the valley on Monday, officials said.")
    c = article("u3", "Herald", "2024-06-05", "The mayor visited the school on Tuesday.")
    arts = [a, b, c]
    result = timeline.compare(arts, timeline.build(arts, length=3))
    assert _differences(result, "number") == []


def test_an_estimate_revised_over_weeks_is_a_series_not_a_difference():
    days = ["2024-05-01", "2024-05-02", "2024-05-14", "2024-05-15", "2024-06-01", "2024-06-02"]
    rates = ["1,000", "1,000", "5,000", "5,000", "12,000", "12,000"]
    arts = [article(f"r{i}", "North Star" if i % 2 else "South Ledger", day,
                    f"Officials now estimate that {rate} barrels a day of oil are leaking from "
                    "the damaged well into the bay.")
            for i, (day, rate) in enumerate(zip(days, rates))]
    result = timeline.compare(arts, timeline.build(arts, length=3))
    assert _differences(result, "number") == []
    assert len(result["series"]) == 1
    points = result["series"][0]["points"]
    assert [p["value"] for p in points] == ["1,000 barrels a day", "5,000 barrels a day",
                                            "12,000 barrels a day"]
    assert [p["date"] for p in points] == ["2024-05-01", "2024-05-14", "2024-06-01"]


def test_page_stamps_and_publication_days_are_never_compared():
    a = article("p1", "North Star", "2024-06-04",
                "Wednesday, June 5, 2024; 12:54 PM",
                "Crews reopened the Cole Creek bridge to traffic after repairs, officials said.")
    b = article("p2", "South Ledger", "2024-06-09",
                "Saturday, June 8, 2024; 11:47 PM",
                "Crews reopened the Cole Creek bridge to traffic after repairs, officials said.")
    result = timeline.compare([a, b], timeline.build([a, b], length=3))
    assert _differences(result, "date") == []


def test_a_start_is_not_the_day_of_the_event():
    a = article("s1", "North Star", "2024-06-04",
                "Oil has been flowing into the bay since June 1, when the platform exploded.")
    b = article("s2", "South Ledger", "2024-06-04",
                "Oil has been flowing into the bay since June 2, when the platform sank.")
    result = timeline.compare([a, b], timeline.build([a, b], length=3))
    assert _differences(result, "date") == []


def test_an_undated_articles_account_of_a_date_is_compared_too():
    import importlib

    from storyline.timeline.events import DatedSentence
    compare_module = importlib.import_module("storyline.timeline.compare")
    said = "The Cole Creek bridge collapsed on {} after days of heavy rain in the hills."
    dated = DatedSentence("d1", said.format("June 1"), "2024-06-01", "day", "timex",
                          outlet="North Star", published="2024-06-04", timex="June 1")
    undated = DatedSentence("d2", said.format("May 31"), "2024-05-31", "day", "timex",
                            outlet="South Ledger", published=None, timex="May 31")
    found = compare_module._date_differences([[dated, undated]])
    assert len(found) == 1
    # the undated account is placed by the day it gives
    assert found[0]["when"] == "2024-05-31/2024-06-04"
    assert {a["outlet"]: a["value"] for a in found[0]["accounts"]} == {
        "North Star": "2024-06-01", "South Ledger": "2024-05-31"}


def test_figures_that_jump_up_and_down_are_no_series():
    days = ["2024-05-01", "2024-05-02", "2024-05-14", "2024-05-15", "2024-06-01", "2024-06-02"]
    tolls = ["219", "219", "10", "10", "31", "31"]
    arts = [article(f"k{i}", "North Star" if i % 2 else "South Ledger", day,
                    f"Officials said {toll} people were killed in the fighting near the port.")
            for i, (day, toll) in enumerate(zip(days, tolls))]
    result = timeline.compare(arts, timeline.build(arts, length=3))
    assert result["series"] == []
