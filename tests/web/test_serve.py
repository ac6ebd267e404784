"""`storyline serve` itself, and a server answering while a build writes to its database."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from fastapi.testclient import TestClient

import storyline
from storyline import query
from storyline.cli import main
from storyline.store import Store
from storyline.web import create_app

SRC = str(Path(storyline.__file__).resolve().parents[1])


def test_serve_without_the_web_extra_says_how_to_install_it(example_db, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "uvicorn", None)       # import uvicorn raises ImportError
    assert main(["serve", "--db", example_db]) == 2
    err = capsys.readouterr().err
    assert "pip install 'storyline[web]'" in err and "E115" in err and "uvicorn" in err


def test_serve_without_a_database_stops_before_listening(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    assert "E102" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_storyline_serve_answers_on_loopback(example_db, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "storyline", "serve", "--db", example_db,
                             "--port", str(port)], stderr=subprocess.PIPE, text=True,
                            env={"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"}, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/stories.json", timeout=5) as r:
                    assert r.status == 200 and r.headers["content-security-policy"]
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(10)
    assert f"at http://127.0.0.1:{port}/" in proc.stderr.read()


def test_answers_with_whole_snapshots_while_a_build_writes(example_db, corpus, tmp_path):
    db = str(tmp_path / "live.db")
    shutil.copy(example_db, db)
    client = TestClient(create_app(db, lag=0))      # every page read anew after a commit
    before = client.get("/stories.json").json()["total"]
    done = threading.Event()
    failures: list[BaseException] = []

    def build() -> None:
        try:
            with Store(db) as store:
                storyline.build([str(corpus)], store, stderr=None)
        except BaseException as err:        # seen by the test, not lost in the thread
            failures.append(err)
        finally:
            done.set()

    writer = threading.Thread(target=build)
    writer.start()
    answered = during = 0
    while not done.is_set() or answered < 5:
        during += not done.is_set()
        listed = client.get("/stories.json?limit=200")
        assert listed.status_code == 200, listed.text
        page = listed.json()
        for s in page["stories"]:           # the list and its chart come from one snapshot
            counted = page["coverage"][s["id"]]
            assert sum(counted["days"].values()) + counted["undated"] == s["articles"]
        one = client.get(f"/stories/{page['stories'][0]['id']}.json")
        assert one.status_code == 200, one.text
        story = one.json()
        by_outlet = sorted(a["id"] for items in story["articles"].values() for a in items)
        assert by_outlet == sorted(story["story"]["article_ids"])
        assert client.get("/search.json?q=council").status_code == 200
        answered += 1
    writer.join()
    assert not failures, failures
    assert during >= 3, "the pages were not read while the build wrote"
    print(f"{during} rounds of requests while the build wrote")
    after = client.get("/stories.json").json()["total"]
    assert after > before                   # the new stories are served without a restart
    hits = client.get("/search.json?q=bridge+girders").json()["hits"]
    assert hits and hits[0]["title"].startswith("Millbrook Street bridge")


def test_kept_pages_trail_a_build_by_at_most_the_lag(example_db, corpus, tmp_path):
    db = str(tmp_path / "kept.db")
    shutil.copy(example_db, db)
    client = TestClient(create_app(db, lag=60))
    before = client.get("/stories.json").json()
    with Store(db) as store:
        storyline.build([str(corpus)], store, stderr=None)
    assert client.get("/stories.json").json() == before      # the kept page, whole
    deadline = time.monotonic() + 30
    while client.get("/stories.json").json() == before:      # renewed behind it
        assert time.monotonic() < deadline, "the kept page was never renewed"
        time.sleep(0.2)
    with Store(db, readonly=True) as store:
        assert client.get("/stories.json").json()["stories"] == query.stories(store)[:50]
