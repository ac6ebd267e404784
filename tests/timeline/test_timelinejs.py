from __future__ import annotations

import io
import json

from timeline_texts import STORY

from storyline import timeline
from storyline.export.timelinejs import to_timelinejs, write
from storyline.model import Event, Story
from storyline.store import Store


def test_one_story_as_timelinejs():
    story = Story("s1", "Harlow Bridge collapse", [a.id for a in STORY])
    events = timeline.build(STORY, length=4, copies={"copy1": "gaz1"})
    doc = to_timelinejs(story, events, STORY)
    assert doc["title"]["text"]["headline"] == "Harlow Bridge collapse"
    assert "Harlow Gazette" in doc["title"]["text"]["text"]
    assert len(doc["events"]) == len(events)
    first = next(e for e in doc["events"] if e["start_date"].get("day") == "5")
    assert first["start_date"] == {"year": "2024", "month": "3", "day": "5"}
    assert first["text"]["headline"]
    assert "Venn Valley Post" in first["text"]["text"] and "post1" in first["text"]["text"]


def test_granularity_decides_the_date_fields_and_text_is_escaped():
    story = Story("s2", "A <b>story</b>", ["a"])
    events = [Event("2024-03-01", "month", "In March <x> happened.", []),
              Event("2024-01-01", "year", "The year of it.", []),
              Event("2024-02-12", "week", "That week.", [])]
    doc = to_timelinejs(story, events, [])
    dates = [e["start_date"] for e in doc["events"]]
    assert dates == [{"year": "2024", "month": "3"}, {"year": "2024"},
                     {"year": "2024", "month": "2", "day": "12"}]
    assert doc["events"][2]["display_date"].startswith("week of")
    assert "<x>" not in doc["events"][0]["text"]["text"]
    assert "<b>" not in doc["title"]["text"]["headline"]


def test_write_builds_missing_timelines_from_the_store(tmp_path):
    with Store(str(tmp_path / "t.db")) as store:
        with store.transaction():
            for a in STORY:
                a.story_id = "st1"
                store.articles.put(a)
            data = {"id": "st1", "title": "Harlow Bridge collapse",
                    "article_ids": [a.id for a in STORY], "timeline": [],
                    "copies": {"copy1": "gaz1"}}
            store.stories.put("st1", data["title"], data)
        out = io.StringIO()
        write(store, out)
    doc = json.loads(out.getvalue())
    assert doc["title"]["text"]["headline"] == "Harlow Bridge collapse"
    assert doc["events"] and all(e["group"] == "Harlow Bridge collapse" for e in doc["events"])
    era = doc["eras"][0]
    # "in 2022" is background two years before the story: not an entry.
    assert era["start_date"] == {"year": "2024", "month": "3", "day": "5"}
    assert "copy1" not in out.getvalue()          # the copy is not listed as a source
