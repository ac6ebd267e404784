"""A build killed anywhere in the corpus stages finishes the job next time: the resumed
store exports exactly what an uninterrupted build exports (issue: "Nothing lost").

Each case runs a build in a child process that dies (`os._exit`, as a SIGKILL would
leave it: no cleanup, no commit) right after a chosen step, then builds again.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import storyline
from storyline.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
# The example corpus in two halves: a first build, then an update that adds articles
# to running stories and to outlets whose template lines change.
FIRST = ("riverton-ledger", "cascade-courier")
LATER = ("krvt-news8", "wire", "feeds")

CHILD = textwrap.dedent("""
    import importlib, os, sys
    module_name, attr, calls = sys.argv[1], sys.argv[2], int(sys.argv[3])
    module = importlib.import_module(module_name)
    target = module
    for part in attr.split(".")[:-1]:
        target = getattr(target, part)
    name = attr.split(".")[-1]
    original = getattr(target, name)
    seen = [0]

    def dying(*args, **kwargs):
        result = original(*args, **kwargs)
        seen[0] += 1
        if seen[0] == calls:
            os._exit(137)            # killed: nothing after this step is committed
        return result

    setattr(target, name, dying)
    from storyline.cli import main
    sys.exit(main(["build", *sys.argv[5:], "--db", sys.argv[4], "-q"]))
""")

# (module, attribute, which call): right after the step returns.
KILLS = {
    "after template lines": ("storyline.corpus", "refresh_templates", 1),
    "inside grouping, before its commit": ("storyline.stories", "update", 1),
    "after grouping": ("storyline.corpus", "group", 1),
    "after one story is told": ("storyline.corpus", "tell_story", 1),
    "inside a story, before its commit": ("storyline.store.stories", "Stories.put_timeline", 2),
    "inside entities, before their commit": ("storyline.store.entities", "Entities.put", 1),
}


def folders(tmp: Path, names) -> list[str]:
    out = []
    for name in names:
        if not (tmp / name).exists():
            shutil.copytree(CORPUS / name, tmp / name)
        out.append(str(tmp / name))
    return out


def export(db: Path) -> dict:
    out = io.StringIO()
    with Store(str(db), readonly=True) as store:
        storyline.export.write(store, "json", out)
    return json.loads(out.getvalue())


def build(db: Path, paths: list[str]) -> storyline.BuildSummary:
    with Store(str(db)) as store:
        return storyline.build(paths, store, stderr=None)


def killed_build(db: Path, paths: list[str], kill: tuple[str, str, int]) -> int:
    done = subprocess.run([sys.executable, "-c", CHILD, *map(str, kill), str(db), *paths],
                          capture_output=True, text=True, timeout=300)
    return done.returncode


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("resume")
    folders(tmp, FIRST + LATER)
    return tmp


@pytest.fixture(scope="module")
def reference(corpus_copy, tmp_path_factory) -> dict[str, dict]:
    """Uninterrupted builds: all at once, and the first half then the rest."""
    tmp = tmp_path_factory.mktemp("reference")
    whole, split = tmp / "whole.db", tmp / "split.db"
    build(whole, folders(corpus_copy, FIRST + LATER))
    build(split, folders(corpus_copy, FIRST))
    build(split, folders(corpus_copy, FIRST + LATER))
    done = {"whole": export(whole), "split": export(split)}
    for doc in done.values():       # a store worth comparing: every corpus stage ran
        assert doc["entities"] and all(s["timeline"] for s in doc["stories"])
        assert any(q["speaker"] for q in doc["quotes"])
    return done


@pytest.mark.parametrize("where", list(KILLS))
def test_a_fresh_build_killed_in_the_corpus_stages_resumes_to_the_same_store(
        where, corpus_copy, reference, tmp_path):
    db = tmp_path / "k.db"
    paths = folders(corpus_copy, FIRST + LATER)
    assert killed_build(db, paths, KILLS[where]) == 137
    summary = build(db, paths)
    assert summary.files == 0 and summary.resumed          # nothing re-read; the work resumed
    assert export(db) == reference["whole"]
    with Store(str(db), readonly=True) as store:
        assert store.work.counts() == {}


@pytest.mark.parametrize("where", ["after template lines", "inside grouping, before its commit",
                                   "after one story is told"])
def test_an_update_killed_in_the_corpus_stages_resumes_to_the_same_store(
        where, corpus_copy, reference, tmp_path):
    db = tmp_path / "k.db"
    build(db, folders(corpus_copy, FIRST))
    paths = folders(corpus_copy, FIRST + LATER)
    assert killed_build(db, paths, KILLS[where]) == 137
    build(db, paths)
    assert export(db) == reference["split"]


def test_the_resumed_build_says_what_it_resumed(corpus_copy, tmp_path):
    db = tmp_path / "k.db"
    paths = folders(corpus_copy, FIRST)
    assert killed_build(db, paths, KILLS["after grouping"]) == 137
    lines = build(db, paths).lines()
    assert lines[0].startswith("resumed what a stopped build left: ")
    assert "stories to date and retell" in lines[0] and "entity resolution" in lines[0]


def consistent_snapshot(doc: dict) -> list[str]:
    """What a half-seen build would show: stories listing articles that are not theirs,
    quotes of articles that are not there."""
    articles = {a["id"]: a for a in doc["articles"]}
    wrong = [f"story {s['id']} lists {i}, which is in {articles[i]['story_id'] if i in articles else 'no store'}"
             for s in doc["stories"] for i in s["article_ids"]
             if i not in articles or articles[i]["story_id"] != s["id"]]
    wrong += [f"quote {q['id']} of a missing article" for q in doc["quotes"]
              if q["article_id"] not in articles]
    return wrong


def test_readers_see_whole_builds_while_an_update_runs(corpus_copy, tmp_path):
    db = tmp_path / "r.db"
    build(db, folders(corpus_copy, FIRST))
    paths = folders(corpus_copy, FIRST + LATER)
    child = subprocess.Popen([sys.executable, "-m", "storyline", "build", *paths, "--db", str(db),
                              "-q"])
    seen, problems = 0, []
    try:
        while child.poll() is None and seen < 500:
            problems += consistent_snapshot(export(db))
            seen += 1
    finally:
        child.wait(timeout=300)
    problems += consistent_snapshot(export(db))
    assert child.returncode == 0 and seen >= 1
    assert problems == []
