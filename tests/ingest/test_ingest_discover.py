"""Finding inputs: files, folders (recursive, hidden entries skipped), globs, and stdin."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import storyline
from storyline.errors import StorylineError
from storyline.ingest import discover, read_paths


def names(paths: list[str]) -> list[str]:
    return [Path(f.path).name for f in discover(paths)]


@pytest.fixture
def tree(write, texts) -> Path:
    write("in/ledger/bridge.txt", texts.bridge)
    write("in/ledger/2024/06/settlement.txt", texts.settlement)
    write("in/dispatch/library.txt", texts.library)
    write("in/pages/council.html", texts.page)
    write("in/.drafts/unpublished.txt", "Draft: do not publish.\n\nThis is an unfinished draft.")
    write("in/ledger/.~lock.bridge.txt#", "lock")
    write("in/ledger/.hidden.txt", texts.bridge.replace("Friday", "Saturday"))
    write("in/pages/photo.jpg", b"\xff\xd8\xff\xe0" + bytes(64))
    write("in/README.md", "# notes about this folder\n")
    return write("in/ledger/bridge.txt", texts.bridge).parents[1]


def test_folder_is_walked_recursively_in_a_stable_order(tree):
    found = list(discover([str(tree)]))
    # sorted by name, a folder's files before its subfolders
    assert [Path(f.path).relative_to(tree).as_posix() for f in found] == [
        "dispatch/library.txt",
        "ledger/bridge.txt",
        "ledger/2024/06/settlement.txt",
        "pages/council.html",
    ]
    assert all(f.root == str(tree) for f in found)
    assert [f.format for f in found] == ["txt", "txt", "txt", "html"]


def test_hidden_files_and_folders_and_non_articles_are_skipped(tree):
    found = names([str(tree)])
    assert "unpublished.txt" not in found and ".hidden.txt" not in found
    assert not any(n.startswith(".") for n in found)
    assert "photo.jpg" not in found and "README.md" not in found


def test_source_comes_from_the_first_subfolder(tree):
    by_name = {Path(f.path).name: item for f, item in read_paths([str(tree)])}
    assert by_name["settlement.txt"].source == "ledger"
    assert by_name["library.txt"].source == "dispatch"


def test_a_file_named_twice_is_read_once(tree):
    bridge = str(tree / "ledger" / "bridge.txt")
    assert names([bridge, str(tree / "ledger"), bridge]) == ["bridge.txt", "settlement.txt"]


def test_globs(tree):
    assert names([str(tree / "ledger" / "*.txt")]) == ["bridge.txt"]
    assert names([str(tree / "**" / "*.txt")]) == ["library.txt", "settlement.txt", "bridge.txt"]
    assert names([str(tree / "pages" / "*.htm*")]) == ["council.html"]


def test_glob_matching_nothing_and_missing_path_are_errors(tree):
    with pytest.raises(StorylineError, match="no files match"):
        list(discover([str(tree / "*.warc")]))
    with pytest.raises(StorylineError, match="no such file or folder"):
        list(discover([str(tree / "missing.txt")]))


def fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_text(monkeypatch, texts):
    fake_stdin(monkeypatch, texts.bridge.encode())
    [(f, doc)] = list(read_paths(["-"]))
    assert f.is_stdin
    assert doc.origin.path == "-" and doc.origin.format == "txt"
    assert doc.content == texts.bridge


def test_stdin_jsonl_is_sniffed(monkeypatch):
    records = [{"title": "Riverton water order lifted",
                "text": "Riverton lifted its do-not-drink order on Thursday after 17 days."},
               {"title": "County sues resin maker",
                "text": "Alder County sued Calder Resin Works on Monday."}]
    fake_stdin(monkeypatch, "".join(json.dumps(r) + "\n" for r in records).encode())
    found = [doc for _, doc in read_paths(["-"])]
    assert [(d.origin.format, d.origin.locator) for d in found] == [("jsonl", "line=1"),
                                                                     ("jsonl", "line=2")]
    assert found[1].title == "County sues resin maker"


def test_stdin_html_is_sniffed_and_built(monkeypatch, tmp_path, texts):
    fake_stdin(monkeypatch, texts.page.encode())
    with storyline.Store(str(tmp_path / "stdin.db")) as store:
        summary = storyline.build(["-"], store, stderr=None)
        assert summary.ok and summary.articles_added == 1
        [article] = store.articles.all()
    assert article.origin.path == "-"
    assert article.title == "Riverton council approves water plant upgrade"
    assert article.published.date == "2024-03-05"
    # the same text on stdin again is the same article
    fake_stdin(monkeypatch, texts.page.encode())
    with storyline.Store(str(tmp_path / "stdin.db")) as store:
        again = storyline.build(["-"], store, stderr=None)
        assert (again.articles_added, again.articles_unchanged) == (0, 1)
        assert store.articles.count() == 1
