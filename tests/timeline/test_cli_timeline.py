from __future__ import annotations

import json

import pytest
from timeline_texts import STORY

from storyline.cli import timeline as command
from storyline.store import Store


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "t.db")
    with Store(path) as store, store.transaction():
        for a in STORY:
            a.story_id = "st1"
            store.articles.put(a)
        for sid, title, ids in (("st1", "Harlow Bridge collapse", [a.id for a in STORY]),
                                ("st2", "Zoo giraffe", ["gaz1"])):
            data = {"id": sid, "title": title, "article_ids": ids, "timeline": []}
            store.stories.put(sid, title, data)
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


def test_story_lookup(tmp_path):
    from storyline.errors import StorylineError
    from storyline.query import find_story

    with Store(str(tmp_path / "l.db")) as store:
        with pytest.raises(StorylineError):
            find_story(store, None)                 # no stories yet
        for sid, title, ids in (("abc1", "Harlow Bridge collapse", ["a", "b"]),
                                ("abd2", "Zoo", ["c"])):
            store.stories.put(sid, title, {"id": sid, "title": title, "article_ids": ids})
        assert find_story(store, None).id == "abc1"       # the largest
        assert find_story(store, "abd").id == "abd2"      # an id prefix
        assert find_story(store, "zoo").id == "abd2"      # words of the title
        with pytest.raises(StorylineError):
            find_story(store, "ab")                       # two ids start so
        with pytest.raises(StorylineError):
            find_story(store, "nothing like it")
