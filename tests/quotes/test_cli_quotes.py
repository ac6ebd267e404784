"""`storyline quotes`: a story's quotes grouped by speaker, filtered by --speaker."""

from __future__ import annotations

import argparse
import json

from storyline.cli import quotes as command
from storyline.model import Article, Block, Evidence, Origin, Quote
from storyline.store import Store


def article(aid: str, story: str, quotes: list[Quote]) -> Article:
    a = Article(id=aid, origin=Origin(path=f"{aid}.txt", format="txt"), title=f"Title {aid}",
                blocks=[Block("“We will rebuild,” Alvarez said.")], story_id=story)
    a.quotes = quotes
    return a


def q(aid: str, text: str, name: str | None, kind: str = "direct") -> Quote:
    return Quote(id=f"{aid}-q", article_id=aid, text=text, speaker_name=name, kind=kind,
                 start=1, end=1 + len(text), cue="said", role="mayor" if name else None,
                 evidence=[Evidence("said", 20, 24, "body", "cue")])


def make_db(tmp_path) -> str:
    path = str(tmp_path / "q.db")
    with Store(path, create=True) as store, store.transaction():
        store.articles.put(article("a1", "s1", [q("a1", "We will rebuild", "Maria Alvarez"),
                                               q("a1", "The plan is late", "Tom Weller", "indirect")]))
        store.articles.put(article("a2", "s1", [q("a2", "The bridge opens in May", "Maria Alvarez")]))
        store.articles.put(article("a3", "s2", [q("a3", "Unrelated words here", None)]))
        for sid, ids in (("s1", ["a1", "a2"]), ("s2", ["a3"])):
            store.stories.put(sid, f"Story {sid}", {"id": sid, "title": f"Story {sid}",
                                                     "article_ids": ids})
    return path


def run(capsys, tmp_path, **kw) -> str:
    p = argparse.ArgumentParser()
    command.add_arguments(p)
    argv = ["--db", make_db(tmp_path)]
    for k, v in kw.items():
        argv += [f"--{k}"] if v is True else [f"--{k}", v]
    assert command.run(p.parse_args(argv)) == 0
    return capsys.readouterr().out


def test_story_quotes_grouped_by_speaker(capsys, tmp_path):
    out = run(capsys, tmp_path, story="s1")
    assert out.index("Maria Alvarez") < out.index("Tom Weller")        # most quoted first
    assert "2 quote(s)" in out and "The bridge opens in May" in out
    assert "Unrelated words" not in out


def test_speaker_filter_and_json(capsys, tmp_path):
    data = json.loads(run(capsys, tmp_path, speaker="alvarez", json=True))
    assert [g["speaker_name"] for g in data] == ["Maria Alvarez"]
    assert data[0]["count"] == 2
    assert {x["article_id"] for x in data[0]["quotes"]} == {"a1", "a2"}
    assert data[0]["quotes"][0]["evidence"][0]["note"] == "cue"


def test_unknown_speakers_and_empty_result(capsys, tmp_path):
    assert "(speaker unknown)" in run(capsys, tmp_path, story="s2")
    assert "no quotes" in run(capsys, tmp_path, speaker="nobody")


def test_one_speaker_entity_is_one_group(capsys, tmp_path):
    path = str(tmp_path / "e.db")
    a = q("b1", "We will appeal", "Ruiz")
    b = q("b2", "The ruling is wrong", "Ana Ruiz")
    a.speaker = b.speaker = "E7"
    with Store(path, create=True) as store, store.transaction():
        store.articles.put(article("b1", "s9", [a]))
        store.articles.put(article("b2", "s9", [b]))
    p = argparse.ArgumentParser()
    command.add_arguments(p)
    assert command.run(p.parse_args(["--db", path, "--json"])) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(g["speaker_name"], g["count"]) for g in data] == [("Ana Ruiz", 2)]
