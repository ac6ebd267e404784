"""Builds are incremental (only new or changed inputs are read and stored, duplicates are
stored once) and resumable (a build killed midway leaves only whole articles, and the
next build completes the corpus)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import storyline
from storyline import _build
from storyline.store import Store
from storyline.store.articles import Articles


def build(paths: list[Path | str], db: Path, **kwargs) -> storyline.BuildSummary:
    with Store(str(db)) as store:
        return storyline.build([str(p) for p in paths], store, stderr=None, **kwargs)


def titles(db: Path) -> list[str]:
    with Store(str(db)) as store:
        return sorted(a.title or "" for a in store.articles.all())


# -- incremental -------------------------------------------------------------------------------


def test_second_build_reads_nothing(corpus, db_path, consistent):
    first = build([corpus], db_path)
    assert (first.files, first.articles_added) == (4, 4)
    second = build([corpus], db_path)
    assert second.files == 0 and second.files_unchanged == 4
    assert (second.articles_added, second.articles_updated, second.duplicates) == (0, 0, 0)
    assert second.ok
    assert consistent(db_path) == 4


def test_a_modified_file_is_the_only_one_updated(corpus, db_path, consistent, texts):
    build([corpus], db_path)
    with Store(str(db_path)) as store:
        before = {a.id: a for a in store.articles.all()}
    bridge = corpus / "riverton-ledger" / "bridge-reopens.txt"
    bridge.write_text(texts.bridge + "\nThe bridge carries about 11,000 vehicles a day, the city "
                                     "said, and a bike lane will be added in the spring.\n")
    summary = build([corpus], db_path)
    assert (summary.files, summary.files_unchanged) == (1, 3)
    assert (summary.articles_added, summary.articles_updated, summary.articles_unchanged) == (0, 1, 0)
    with Store(str(db_path)) as store:
        after = {a.id: a for a in store.articles.all()}
        assert set(after) == set(before)                      # same ids: updated in place
        changed = [i for i in after if after[i] != before[i]]
        assert len(changed) == 1
        assert "11,000 vehicles a day" in after[changed[0]].body
        assert store.articles.search("vehicles")[0]["id"] == changed[0]
    assert consistent(db_path) == 4


def test_a_touched_but_identical_file_is_read_and_left_alone(corpus, db_path):
    build([corpus], db_path)
    bridge = corpus / "riverton-ledger" / "bridge-reopens.txt"
    st = bridge.stat()
    os.utime(bridge, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    summary = build([corpus], db_path)
    assert summary.files == 1
    assert (summary.articles_added, summary.articles_updated, summary.articles_unchanged) == (0, 0, 1)
    assert build([corpus], db_path).files == 0                # and marked read again


def test_a_new_file_is_the_only_one_added(corpus, db_path, write, texts):
    build([corpus], db_path)
    write("corpus/feeds/capitol-dispatch.rss", texts.rss)
    summary = build([corpus], db_path)
    assert (summary.files, summary.files_unchanged) == (1, 4)
    assert (summary.articles_added, summary.articles_updated) == (2, 0)
    assert "Senate panel grills Calder chief over Riverton spill" in titles(db_path)


def test_the_same_article_under_two_paths_is_stored_once(tmp_path, write, texts, consistent):
    write("in/riverton-ledger/bridge.txt", texts.bridge)
    write("in/riverton-ledger/copy-of-bridge.txt", texts.bridge)
    db = tmp_path / "dup.db"
    summary = build([tmp_path / "in"], db)
    assert (summary.articles_added, summary.duplicates) == (1, 1)
    # and again across builds: a third copy in a new folder
    write("more/bridge (1).txt", texts.bridge)
    summary = build([tmp_path / "in", tmp_path / "more"], db)
    assert (summary.articles_added, summary.duplicates) == (0, 1)
    assert consistent(db) == 1


def test_duplicates_inside_one_dataset_dump(tmp_path, write):
    record = {"title": "Riverton water order lifted",
              "text": "Riverton lifted its do-not-drink order on Thursday after 17 days."}
    write("dump.jsonl", (json.dumps(record) + "\n") * 3)
    summary = build([tmp_path / "dump.jsonl"], tmp_path / "d.db")
    assert (summary.articles_added, summary.duplicates) == (1, 2)


# -- resumable ---------------------------------------------------------------------------------------


def many_files(write, n: int) -> Path:
    for i in range(n):
        write(f"many/riverton-ledger/brief-{i:03d}.txt",
              f"Police log for Riverton, entry {i}\n\n"
              f"Riverton police said officers answered {i + 10} calls on shift {i}, most of them "
              f"about parking on Alder Street and a lost dog named Biscuit number {i}.\n")
    return write("many/riverton-ledger/brief-000.txt",
                 "Police log for Riverton, entry 0\n\nRiverton police said officers answered 10 "
                 "calls on shift 0, most of them about parking on Alder Street and a lost dog "
                 "named Biscuit number 0.\n").parents[1]


def interrupt_after(monkeypatch, n: int, exc: type[BaseException]) -> list[str]:
    """Make Articles.put raise `exc` on its (n+1)th call; returns the ids put."""
    put: list[str] = []
    original = Articles.put

    def put_article(self, article):
        if len(put) == n:
            raise exc()
        original(self, article)
        put.append(article.id)

    monkeypatch.setattr(Articles, "put", put_article)
    return put


@pytest.mark.parametrize("exc", [KeyboardInterrupt, SystemExit])
def test_interrupted_build_leaves_whole_articles_and_resumes(monkeypatch, write, tmp_path, exc,
                                                             consistent):
    folder = many_files(write, 30)
    db = tmp_path / "resume.db"
    monkeypatch.setattr(_build, "BATCH", 5)      # commit often, so the kill lands mid-corpus
    put = interrupt_after(monkeypatch, 17, exc)
    with pytest.raises(exc):
        build([folder], db)
    assert len(put) == 17
    stored = consistent(db)                      # only whole articles, FTS in step
    assert 0 < stored < 17                       # committed batches kept, the open one rolled back
    with Store(str(db)) as store:
        assert {a.id for a in store.articles.all()} <= set(put)
    monkeypatch.undo()
    summary = build([folder], db)
    # files marked done are skipped; articles stored from unfinished files are not redone
    assert summary.files_unchanged + summary.articles_unchanged == stored
    assert (summary.articles_added, summary.duplicates) == (30 - stored, 0)
    assert consistent(db) == 30
    assert build([folder], db).files_unchanged == 30


def test_interrupted_inside_a_big_file_resumes_after_the_last_batch(monkeypatch, write, tmp_path,
                                                                    consistent):
    n = _build.BATCH * 2 + 50
    write("wire.jsonl", "".join(json.dumps({
        "title": f"Wire brief {i}",
        "text": f"SALEM, Ore. (AW) — State officials reported {i} new cases on day {i}."}) + "\n"
        for i in range(n)))
    db = tmp_path / "big.db"
    interrupt_after(monkeypatch, _build.BATCH + 20, KeyboardInterrupt)
    with pytest.raises(KeyboardInterrupt):
        build([tmp_path / "wire.jsonl"], db)
    assert consistent(db) == _build.BATCH     # the first batch was committed, the second not
    monkeypatch.undo()
    summary = build([tmp_path / "wire.jsonl"], db)
    assert summary.articles_unchanged == _build.BATCH
    assert summary.articles_added == n - _build.BATCH
    assert consistent(db) == n


KILLER = textwrap.dedent("""
    import os, signal, sys
    import storyline
    from storyline import _build
    from storyline.store.articles import Articles

    _build.BATCH = 4        # commit often, so the kill lands mid-corpus
    limit = int(sys.argv[1])
    original = Articles.put
    count = [0]

    def put_article(self, article):
        original(self, article)
        count[0] += 1
        if count[0] == limit:   # kill -9 in the middle of a transaction
            os.kill(os.getpid(), signal.SIGKILL)

    Articles.put = put_article
    from storyline.cli import main
    sys.exit(main(["build", sys.argv[2], "--db", sys.argv[3], "-q"]))
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_build_killed_with_sigkill_resumes(write, tmp_path, consistent):
    folder = many_files(write, 25)
    db = tmp_path / "killed.db"
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    proc = subprocess.run([sys.executable, str(script), "12", str(folder), str(db)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    # the open transaction never committed; the WAL holds only whole ones
    stored = consistent(db)
    assert 0 < stored < 12
    proc = subprocess.run([sys.executable, "-m", "storyline", "build", str(folder), "--db", str(db),
                           "--json", "-q"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["articles_added"] == 25 - stored and summary["duplicates"] == 0
    assert summary["files_unchanged"] + summary["articles_unchanged"] == stored
    assert consistent(db) == 25
