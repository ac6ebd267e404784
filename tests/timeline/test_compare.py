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


def test_outlets_facts_and_exclusives():
    arts = _spill_story()
    events = timeline.build(arts, length=5)
    result = timeline.compare(arts, events)
    assert set(result["outlets"]) == {"North Star", "South Ledger"}
    assert result["outlets"]["South Ledger"]["articles"] == ["s1", "s2"]
    spill = next(i for i, e in enumerate(events) if e.date == "2024-06-03")
    assert spill in result["outlets"]["North Star"]["events"]
    assert spill in result["outlets"]["South Ledger"]["events"]
    clearing = next(i for i, e in enumerate(events) if e.date == "2024-06-05")
    assert clearing in result["outlets"]["South Ledger"]["exclusive"]
    assert {x["event"] for x in result["exclusive"]} >= {clearing}
    assert spill not in {x["event"] for x in result["exclusive"]}


def test_same_event_different_dates_is_a_date_disagreement():
    arts = _spill_story()
    result = timeline.compare(arts, timeline.build(arts, length=5))
    found = [d for d in result["date_disagreements"] if "bridge" in d["text"]]
    assert len(found) == 1
    assert found[0]["dates"] == {"North Star": "2024-06-01", "South Ledger": "2024-05-31"}
    assert {s["article_id"] for s in found[0]["sources"]} == {"n1", "s1"}
    # The spill is dated the same by both ("Monday" in a Tuesday report = June 3).
    assert not any("tanker" in d["text"] for d in result["date_disagreements"])


def test_same_event_different_numbers_is_a_number_disagreement():
    arts = _spill_story()
    events = timeline.build(arts, length=5)
    result = timeline.compare(arts, events)
    gallons = [d for d in result["number_disagreements"] if d["unit"] == "gallon"]
    assert len(gallons) == 1
    assert gallons[0]["values"] == {"North Star": ["12,000 gallons"],
                                    "South Ledger": ["15,000 gallons"]}


def test_agreeing_outlets_raise_nothing():
    result = timeline.compare(STORY, timeline.build(STORY, length=5))
    assert result["date_disagreements"] == []
    # "two motorists" / "nine others" agree everywhere.
    assert result["number_disagreements"] == []


def test_one_outlet_updating_its_own_figure_is_not_a_disagreement():
    a = article("u1", "Gazette", "2024-06-04",
                "Floods killed 12 people in the valley on Monday, officials said.")
    b = article("u2", "Gazette", "2024-06-05",
                "Floods killed 15 people in the valley on Monday, officials said.")
    c = article("u3", "Herald", "2024-06-05", "The mayor visited the school on Tuesday.")
    arts = [a, b, c]
    result = timeline.compare(arts, timeline.build(arts, length=3))
    assert result["number_disagreements"] == []
