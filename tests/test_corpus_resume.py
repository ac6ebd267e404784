"""A build killed anywhere finishes the job next time: the resumed store exports exactly
what an uninterrupted build exports (issue: "Nothing lost").

Each case runs a build in a child process that dies, either right after a chosen step
(`os._exit`: no cleanup, no commit) or by a real SIGKILL at a random moment, then
builds again. The harness is in tests/dying_builds.py (bench/faults.py runs more kills).
"""

from __future__ import annotations

import random

import pytest

from dying_builds import (build, copy_store, die_after, example_pile, export, inconsistencies,
                          kill_duration, random_fractions, random_kill, read_during_build)
from storyline.store import Store

# (module, attribute, which call): right after the step returns. The article phase
# writes in batches (SMALL_BATCH articles in these builds), the corpus stages after it.
KILLS = {
    "after the first batch of articles": ("storyline._build", "_write", 1),
    "after more batches of articles": ("storyline._build", "_write", 4),
    "after template lines": ("storyline.corpus", "refresh_templates", 1),
    "inside grouping, before its commit": ("storyline.stories", "update", 1),
    "after grouping": ("storyline.corpus", "group", 1),
    "after one story is told": ("storyline.corpus", "tell_story", 1),
    "inside a story, before its commit": ("storyline.store.stories", "Stories.put_timeline", 2),
    "after the stories look again": ("storyline.corpus", "regroup", 1),
    "inside entities, before their commit": ("storyline.store.entities", "Entities.put", 1),
}
UPDATE_KILLS = ["after the first batch of articles", "after template lines",
                "inside grouping, before its commit", "after one story is told",
                "inside entities, before their commit"]
# Random SIGKILLs per kind of build here (bench/faults.py runs many more).
RANDOM_KILLS = 2


@pytest.fixture(scope="module")
def pile(tmp_path_factory):
    """The example corpus, and what uninterrupted builds of it export: all at once, and
    the first half then the rest."""
    pile = example_pile(tmp_path_factory.mktemp("corpus"), tmp_path_factory.mktemp("reference"))
    for doc in pile.references.values():       # a store worth comparing: every corpus stage ran
        assert doc["entities"] and all(s["timeline"] for s in doc["stories"])
        assert any(q["speaker"] for q in doc["quotes"])
    assert pile.references["fresh"] != pile.references["update"]   # the update cases test their own
    return pile


@pytest.mark.parametrize("where", list(KILLS))
def test_a_fresh_build_killed_anywhere_resumes_to_the_same_store(where, pile, tmp_path):
    db = tmp_path / "k.db"
    assert die_after(db, pile.whole, KILLS[where]) == 137
    summary = build(db, pile.whole)
    assert summary.resumed or summary.files              # the work left was taken up
    assert export(db) == pile.references["fresh"]
    with Store(str(db), readonly=True) as store:
        assert store.work.counts() == {}


@pytest.mark.parametrize("where", UPDATE_KILLS)
def test_an_update_killed_anywhere_resumes_to_the_same_store(where, pile, tmp_path):
    db = tmp_path / "k.db"
    copy_store(pile.first_store, db)
    assert die_after(db, pile.whole, KILLS[where]) == 137
    build(db, pile.whole)
    assert export(db) == pile.references["update"]


def test_the_resumed_build_says_what_it_resumed(pile, tmp_path):
    db = tmp_path / "k.db"
    assert die_after(db, pile.first, KILLS["after grouping"]) == 137
    summary = build(db, pile.first)
    assert summary.files == 0                             # nothing re-read
    lines = summary.lines()
    assert lines[0].startswith("first, corpus work left to do (by a stopped build or an upgrade): ")
    assert "stories to date and retell" in lines[0] and "entity resolution" in lines[0]


@pytest.mark.parametrize("kind", ["fresh", "update"])
def test_builds_sigkilled_at_random_moments_resume_to_the_same_store(kind, pile, tmp_path):
    seed = random.randrange(1 << 30)
    duration = kill_duration(kind, pile, tmp_path)
    for fraction in random_fractions(random.Random(seed), RANDOM_KILLS):
        kill = random_kill(kind, fraction, duration, pile, tmp_path)
        assert kill.identical, f"seed {seed}, killed at {kill.seconds}s: {kill.differences}"


def test_readers_see_whole_builds_while_an_update_runs(pile, tmp_path):
    db = tmp_path / "r.db"
    copy_store(pile.first_store, db)
    seen, problems = read_during_build(db, pile.whole)
    assert seen >= 1 and problems == []


def test_the_consistency_check_sees_a_half_built_store(pile):
    """The readers' check is not vacuous: a story listing an article that is in another
    story, and a quote of a missing article, are both caught."""
    doc = {k: [dict(r) for r in v] if isinstance(v, list) else v
           for k, v in pile.references["update"].items()}
    doc["articles"][0] = {**doc["articles"][0], "story_id": None}
    doc["quotes"].append({"id": "q-x", "article_id": "gone"})
    assert len(inconsistencies(doc)) == 2
