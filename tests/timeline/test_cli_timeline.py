from __future__ import annotations

import json

import pytest
from timeline_texts import STORY

from storyline.cli import timeline as command
from storyline.model import Story
from storyline.store import Store


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "t.db")
    with Store(path) as store, store.transaction():
        for a in STORY:
            a.story_id = "st1"
            store.put_article(a)
        for sid, title, ids in (("st1", "Harlow Bridge collapse", [a.id for a in STORY]),
                                ("st2", "Zoo giraffe", ["gaz1"])):
            data = {"id": sid, "title": title, "article_ids": ids, "timeline": []}
            store.conn.execute("INSERT INTO stories VALUES (?, ?, ?, ?, ?)",
                               (sid, title, json.dumps(data), "t", "t"))
    return path


def _run(capsys, *argv):
    import argparse
    p = argparse.ArgumentParser()
    command.add_arguments(p)
    code = command.run(p.parse_args(list(argv)))
    return code, capsys.readouterr().out


def test_largest_story_by_default_with_dates_and_sources(db, capsys):
    code, out = _run(capsys, "--db", db, "--length", "3")
    assert code == 0
    assert out.startswith("Harlow Bridge collapse  (st1, 6 articles)")
    assert "2024-03-05  day" in out
    assert "- Venn Valley Post (post1)" in out


def test_title_substring_and_json(db, capsys):
    code, out = _run(capsys, "bridge", "--db", db, "--json", "--length", "2")
    doc = json.loads(out)
    assert doc["story"]["id"] == "st1"
    assert len(doc["timeline"]) == 2
    assert all({"date", "granularity", "text", "sources"} <= set(e) for e in doc["timeline"])


def test_story_lookup():
    stories = [Story("abc1", "Harlow Bridge collapse", ["a", "b"]), Story("abd2", "Zoo", ["c"])]
    assert command.find_story(stories, None).id == "abc1"
    assert command.find_story(stories, "abd").id == "abd2"
    assert command.find_story(stories, "zoo").id == "abd2"
    from storyline.errors import StorylineError
    with pytest.raises(StorylineError):
        command.find_story(stories, "ab")
    with pytest.raises(StorylineError):
        command.find_story(stories, "nothing like it")
    with pytest.raises(StorylineError):
        command.find_story([], None)
