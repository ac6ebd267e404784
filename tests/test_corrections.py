"""Corrections that last (`storyline fix`, storyline.corrections): each is a record with
who and when, shows at once in every view, holds on every later incremental build,
even when the machine reads the corrected article again, and can be undone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storyline
from storyline import corrections, query
from storyline.cli import main
from storyline.errors import StorylineError
from storyline.store import Store

SETTLEMENT = "Calder agrees to pay $41.5 million to settle Riverton spill claims"
BRIDGE = "Millbrook Street bridge reopens after four months of repairs"
LIBRARY = "Salem council sends library bond to November ballot"

JUDGE_TXT = """\
Judge approves Calder's $41.5 million Riverton spill settlement

RIVERTON, Ore. — An Alder County judge on Monday approved the $41.5 million settlement Calder Resin Works reached with the county and about 2,000 residents over the February chemical spill that fouled the Millbrook River.

County Judge Ana Ruiz said the settlement would pay for river monitoring and for residents' claims. Calder spokesman Evan Lowry said the company was glad to put the lawsuits behind it.
"""

BRIDGE_FOLLOWUP_TXT = """\
Millbrook Street bridge repairs came in under budget, city says

City engineer Tom Alvarez said on Tuesday that the repairs to the Millbrook Street bridge, which reopened last week after inspectors found cracks in two steel girders, cost about $300,000 less than planned.
"""


def build(corpus: Path, db: Path) -> None:
    with Store(str(db)) as store:
        summary = storyline.build([str(corpus)], store, stderr=None)
    assert summary.ok, summary


def story_of(db: Path, title: str) -> dict:
    with Store(str(db), readonly=True) as store:
        for a in store.articles.all():
            if a.title == title:
                return query.story(store, a.story_id)["story"]
    raise AssertionError(title)


def article_id(db: Path, title: str) -> str:
    with Store(str(db), readonly=True) as store:
        return next(a.id for a in store.articles.all() if a.title == title)


def test_rename_merge_move_and_date_survive_incremental_builds(corpus, db_path, write):
    build(corpus, db_path)
    settlement, bridge, library = (article_id(db_path, t) for t in (SETTLEMENT, BRIDGE, LIBRARY))
    with Store(str(db_path)) as store:
        spill = store.articles.get(settlement).story_id
        c1 = corrections.fix(store, "rename", spill, "Calder spill settlement", who="ana",
                             note="a clearer name")
        c2 = corrections.fix(store, "merge", store.articles.get(library).story_id,
                             store.articles.get(bridge).story_id, who="ana")
        c3 = corrections.fix(store, "date", bridge, "2024-03-08", who="ben")
    assert (c1["who"], c1["note"], c1["kind"]) == ("ana", "a clearer name", "rename")
    assert c1["at"] and c3["who"] == "ben"

    def check():
        assert story_of(db_path, SETTLEMENT)["title"] == "Calder spill settlement"
        merged = story_of(db_path, BRIDGE)
        assert {bridge, library} <= set(merged["article_ids"])
        assert story_of(db_path, LIBRARY)["id"] == merged["id"]
        with Store(str(db_path), readonly=True) as store:
            dated = store.articles.get(bridge).published
            assert (dated.date, dated.method, dated.confidence) == ("2024-03-08", "correction", 1.0)
            assert "ben" in query.article(store, bridge)["published"]["explanation"]
            # the merged-away story's id still finds the story it went into
            assert query.find_story(store, c2["target"]).id == merged["id"]
            held = sorted(i for s in store.stories.all() for i in s.article_ids)
            assert held == sorted(a.id for a in store.articles.all())   # each article once

    check()
    # New articles join the stories the corrections touched ...
    write("corpus/riverton-ledger/judge-approves.txt", JUDGE_TXT)
    write("corpus/riverton-ledger/bridge-budget.txt", BRIDGE_FOLLOWUP_TXT)
    build(corpus, db_path)
    check()
    assert article_id(db_path, "Judge approves Calder's $41.5 million Riverton spill settlement")
    # ... and an article the machine reads again (its text changed) keeps its corrections.
    bridge_file = corpus / "riverton-ledger" / "bridge-reopens.txt"
    bridge_file.write_text(bridge_file.read_text() + "\nThe bridge carries 12,000 cars a day.\n")
    build(corpus, db_path)
    check()


def test_move_out_and_undo(corpus, db_path, write):
    write("corpus/riverton-ledger/judge-approves.txt", JUDGE_TXT)
    build(corpus, db_path)
    judge = article_id(db_path, "Judge approves Calder's $41.5 million Riverton spill settlement")
    spill = story_of(db_path, SETTLEMENT)
    assert judge in spill["article_ids"], "the fixture's two spill articles make one story"
    with Store(str(db_path)) as store:
        moved = corrections.fix(store, "move", judge, None, who="ana")
    alone = story_of(db_path, "Judge approves Calder's $41.5 million Riverton spill settlement")
    assert alone["article_ids"] == [judge] and alone["id"] != spill["id"]
    assert judge not in story_of(db_path, SETTLEMENT)["article_ids"]
    build(corpus, db_path)                                  # nothing new: still moved
    assert story_of(db_path, SETTLEMENT)["article_ids"] == [a for a in spill["article_ids"]
                                                            if a != judge]
    with Store(str(db_path)) as store:
        undone = corrections.undo(store, moved["id"], who="ben")
        assert undone["undone_by"] == "ben" and undone["undone_at"]
        assert query.corrections(store) == []
        assert [c["id"] for c in query.corrections(store, undone=True)] == [moved["id"]]
    back = story_of(db_path, SETTLEMENT)
    assert set(back["article_ids"]) == set(spill["article_ids"]) and back["title"] == spill["title"]
    with Store(str(db_path), readonly=True) as store:
        assert store.stories.get(alone["id"]) is None        # the story of its own is gone
    build(corpus, db_path)
    assert set(story_of(db_path, SETTLEMENT)["article_ids"]) == set(spill["article_ids"])


def test_undo_a_date_and_a_rename(built):
    bridge = article_id(built, BRIDGE)
    with Store(str(built)) as store:
        before = store.articles.get(bridge).published
        story = store.articles.get(bridge).story_id
        title = store.stories.get(story).title
        d = corrections.fix(store, "date", bridge, "2023-12-01")
        r = corrections.fix(store, "rename", story, "Bridge")
        assert store.stories.get(story).title == "Bridge"
        assert d["before"]["published"]["date"] == before.date
        corrections.undo(store, d["id"])
        corrections.undo(store, r["id"])
        assert store.articles.get(bridge).published == before
        assert store.stories.get(story).title == title


def test_corrections_that_do_not_fit(built):
    with Store(str(built)) as store:
        story = store.stories.all()[0].id
        with pytest.raises(StorylineError) as err:
            corrections.fix(store, "merge", story, story)
        assert err.value.code.name == "E120"
        with pytest.raises(StorylineError) as err:
            corrections.fix(store, "date", store.stories.all()[0].article_ids[0], "2024-02-30")
        assert err.value.code.name == "E120"
        with pytest.raises(StorylineError) as err:
            corrections.fix(store, "rename", story, "   ")
        assert err.value.code.name == "E120"
        with pytest.raises(StorylineError) as err:
            corrections.undo(store, 42)
        assert err.value.code.name == "E119"
        with pytest.raises(StorylineError) as err:
            corrections.fix(store, "move", "no-such-article", None)
        assert err.value.code.name == "E106"
        assert query.corrections(store, undone=True) == []


def test_no_corrections_cost_nothing(built):
    with Store(str(built)) as store:
        rows = {s.id: (s.title, s.article_ids) for s in store.stories.all()}
        assert corrections.apply(store) == []
        assert {s.id: (s.title, s.article_ids) for s in store.stories.all()} == rows


# -- the command line ---------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_fix_from_the_command_line(capsys, built, monkeypatch):
    db = str(built)
    monkeypatch.setenv("STORYLINE_USER", "carla")
    bridge = article_id(built, BRIDGE)
    code, out, _ = run(capsys, "fix", "rename", bridge[:0] + "bridge reopens", "The bridge",
                       "--db", db, "--note", "shorter")
    assert code == 0 and out.startswith("#1 ") and "carla" in out and "'The bridge'" in out
    code, out, _ = run(capsys, "fix", "date", bridge, "2024-03-08", "--db", db, "--by", "dan")
    assert code == 0 and "dan" in out and "dated 2024-03-08" in out
    code, out, _ = run(capsys, "fix", "list", "--db", db, "--json")
    records = json.loads(out)
    assert [(c["kind"], c["who"]) for c in records] == [("rename", "carla"), ("date", "dan")]
    code, out, _ = run(capsys, "fix", "undo", "1", "--db", db)
    assert code == 0 and out.startswith("undone: #1")
    code, out, _ = run(capsys, "fix", "list", "--db", db)
    assert "#1" not in out and "#2" in out
    code, out, _ = run(capsys, "fix", "list", "--all", "--db", db)
    assert "[undone" in out
    code, _, err = run(capsys, "fix", "undo", "7", "--db", db)
    assert code == 2 and "E119" in err
    code, _, err = run(capsys, "fix", "rename", "bridge", "--db", db)
    assert code == 2 and "E110" in err and "STORY TITLE" in err
    code, _, err = run(capsys, "fix", "list", "--db", str(built.parent / "none.db"))
    assert code == 2 and "E102" in err


def test_off_topic_and_a_quote_speaker_hold_and_undo(corpus, db_path, write):
    write("corpus/riverton-ledger/judge-approves.txt", JUDGE_TXT)
    build(corpus, db_path)
    judge = article_id(db_path, "Judge approves Calder's $41.5 million Riverton spill settlement")
    settlement = article_id(db_path, SETTLEMENT)
    with Store(str(db_path)) as store:
        quote = next(q for q in store.articles.get(settlement).quotes
                     if q.speaker_name and "Ruiz" in q.speaker_name)
        before = quote.speaker_name
        off = corrections.fix(store, "off-topic", judge, None, who="ana")
        said = corrections.fix(store, "speaker", quote.id, "Judge Ana Ruiz", who="ana")
    alone = story_of(db_path, "Judge approves Calder's $41.5 million Riverton spill settlement")
    assert alone["title"].startswith("Off topic: Judge approves") and alone["article_ids"] == [judge]

    def speaker() -> str:
        with Store(str(db_path), readonly=True) as store:
            return next(q for q in query.quotes(store) if q["id"] == quote.id)["speaker_name"]

    assert speaker() == "Judge Ana Ruiz"
    settlement_file = corpus / "riverton-ledger" / "2024-06-27-calder-settles.txt"
    settlement_file.write_text(settlement_file.read_text() + "\nThe plant reopened in May.\n")
    build(corpus, db_path)                       # the quote's article is read again
    assert speaker() == "Judge Ana Ruiz"
    assert story_of(db_path, "Judge approves Calder's $41.5 million Riverton spill settlement")[
        "title"].startswith("Off topic: ")
    with Store(str(db_path)) as store:
        corrections.undo(store, said["id"])
        corrections.undo(store, off["id"])
    assert speaker() == before
    assert judge in story_of(db_path, SETTLEMENT)["article_ids"]


def test_corrections_in_the_exports(built):
    import io
    from storyline import export
    bridge = article_id(built, BRIDGE)
    with Store(str(built)) as store:
        story = store.articles.get(bridge).story_id
        made = corrections.fix(store, "rename", story, "The bridge <reopens>", who="ana",
                               note="short")
    with Store(str(built), readonly=True) as store:
        texts = {}
        for fmt in ("json", "html", "md"):
            out = io.StringIO()
            export.write(store, fmt, out)
            texts[fmt] = out.getvalue()
        one = io.StringIO()
        export.write(store, "json", one, story=story)
    assert json.loads(texts["json"])["corrections"] == [made]
    assert json.loads(one.getvalue())["corrections"] == [made]
    assert "Corrected by people" in texts["html"] and "The bridge &lt;reopens&gt;" in texts["html"]
    assert "**Corrected by people**" in texts["md"] and "ana: story" in texts["md"]


def test_an_entity_merge_holds_when_entities_are_resolved_anew(corpus, db_path, write):
    build(corpus, db_path)
    with Store(str(db_path)) as store:
        names = {e.name: e for e in store.entities.all()}
        assert {"Tom Alvarez", "Ana Ruiz"} <= set(names), sorted(names)
        made = corrections.fix(store, "entity-merge", "Tom Alvarez", "Ana Ruiz", who="ana")
        assert made["value"]["into"] == names["Ana Ruiz"].id

    def entities() -> dict[str, dict]:
        with Store(str(db_path), readonly=True) as store:
            return {e["name"]: e for e in query.entities(store)}

    merged = entities()
    assert "Tom Alvarez" not in merged and "Tom Alvarez" in merged["Ana Ruiz"]["aliases"]
    assert set(names["Tom Alvarez"].article_ids) <= set(merged["Ana Ruiz"]["article_ids"])
    write("corpus/riverton-ledger/bridge-budget.txt", BRIDGE_FOLLOWUP_TXT)   # names Alvarez
    build(corpus, db_path)                       # entities resolved anew from the mentions
    again = entities()
    assert "Tom Alvarez" not in again and "Tom Alvarez" in again["Ana Ruiz"]["aliases"]
    with Store(str(db_path)) as store:
        corrections.undo(store, made["id"])
    assert "Tom Alvarez" in entities()


def test_a_rename_does_not_tell_the_story_again(built, monkeypatch):
    import storyline.corpus
    told = []
    real = storyline.corpus.tell_story
    monkeypatch.setattr(storyline.corpus, "tell_story",
                        lambda store, sid, model=None: told.append(sid) or real(store, sid, model))
    bridge = article_id(built, BRIDGE)
    with Store(str(built)) as store:
        story = store.articles.get(bridge).story_id
        corrections.fix(store, "rename", story, "The bridge")
        assert told == []                     # a title changes no timeline
        corrections.fix(store, "date", bridge, "2024-03-08")
        assert told == [story]                # a date does
