"""Errors a user can act on: one line with the cause and what to do, exit status 2,
never a traceback (issue "Nothing lost", part 7)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from storyline.cli import main
from storyline.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture
def disk(tmp_path):
    """disk(size): a file system of its own (a tmpfs) of that size, or a skip where
    mounting is not allowed (CI and these machines run as root: it is)."""
    mounted = []

    def make(size: str) -> Path:
        mount = tmp_path / f"disk{len(mounted)}"
        mount.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                              capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a file system here: {done.stderr.decode().strip()}")
        mounted.append(mount)
        return mount

    yield make
    for mount in mounted:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_a_full_disk_is_one_line_that_says_to_free_space(disk, capsys):
    code = main(["build", str(CORPUS), "--db", str(disk("400k") / "s.db"), "--no-language", "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert "E111" in err and "free some disk space" in err and "Traceback" not in err
    assert "cannot rollback" not in err


def test_a_database_on_read_only_media_can_still_be_read(disk, capsys):
    media = disk("8m")
    db = media / "s.db"
    assert main(["build", str(CORPUS / "riverton-ledger"), "--db", str(db), "--no-language",
                 "-q"]) == 0
    remount = subprocess.run(["mount", "-o", "remount,ro", str(media)], capture_output=True)
    if remount.returncode != 0:
        pytest.skip("cannot remount read-only here")
    capsys.readouterr()
    assert main(["articles", "--db", str(db)]) == 0                 # readers work
    assert len(capsys.readouterr().out.splitlines()) == 5
    code = main(["build", str(CORPUS / "wire"), "--db", str(db), "--no-language", "-q"])
    err = capsys.readouterr().err
    assert code == 2 and "E112" in err and "give --db a writable place" in err


def test_a_database_another_build_holds_is_busy(tmp_path, capsys):
    db = str(tmp_path / "b.db")
    with Store(db) as other:
        with other.transaction():                 # another build, mid-write
            code = main(["build", str(CORPUS / "wire"), "--db", db, "--no-language", "-q"])
    err = capsys.readouterr().err
    assert code == 2 and "E113" in err and "another build is writing" in err


def test_an_internal_error_is_one_line_and_exit_2(monkeypatch, tmp_path, capsys):
    from storyline.cli import stories

    def broken(args):
        raise RuntimeError("something storyline did not expect")

    monkeypatch.setattr(stories, "run", broken)
    monkeypatch.delenv("STORYLINE_DEBUG", raising=False)
    db = str(tmp_path / "e.db")
    Store(db).close()
    code = main(["stories", "--db", db])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "RuntimeError: something storyline did not expect (E114 internal error" in err


def test_build_on_a_missing_path_creates_no_database(tmp_path, capsys):
    from storyline.cli import main

    db = tmp_path / "typo.db"
    assert main(["build", str(tmp_path / "no-such-folder"), "--db", str(db)]) == 2
    assert "E101" in capsys.readouterr().err
    assert main(["build", str(tmp_path / "nothing-*.txt"), "--db", str(db)]) == 2
    assert "E101" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
