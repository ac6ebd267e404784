"""Every command through `storyline.cli.main`: data on stdout, progress and problems on
stderr, `--json` twins that parse, exit status 0 / 1 / 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from storyline.cli import COMMANDS, main

SETTLEMENT = "Calder agrees to pay $41.5 million to settle Riverton spill claims"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(built) -> str:
    return str(built)


def settlement_id(capsys, db: str) -> str:
    code, out, _ = run(capsys, "articles", "--db", db, "--json")
    return next(a["id"] for a in json.loads(out) if a["title"] == SETTLEMENT)


# -- build ------------------------------------------------------------------------------------


def test_build(capsys, corpus, tmp_path):
    db = str(tmp_path / "cli.db")
    code, out, err = run(capsys, "build", str(corpus), "--db", db)
    assert code == 0
    assert out == ""                                     # progress and summary go to stderr
    assert "articles: 4 added, 0 updated, 0 unchanged, 0 duplicates skipped" in err
    assert "problems: none" in err
    assert f"4 articles in {db}" in err
    code, out, err = run(capsys, "build", str(corpus), "--db", db, "--json")
    summary = json.loads(out)
    assert code == 0
    assert summary["files_unchanged"] == 4 and summary["articles_added"] == 0
    assert summary["articles_in_db"] == 4 and summary["db"] == db


def test_build_quiet_and_options(capsys, tmp_path, write):
    write("dump.jsonl", json.dumps({"maintext": "Alder County sued Calder Resin Works on Monday.",
                                    "title": "County sues", "meta": {"when": "2024-03-11"}}) + "\n")
    db = str(tmp_path / "opt.db")
    code, out, err = run(capsys, "build", str(tmp_path / "dump.jsonl"), "--db", db, "-q",
                         "--field", "text=maintext", "--field", "date=meta.when",
                         "--source", "Cascade Courier")
    assert (code, out, err) == (0, "", "")
    code, out, _ = run(capsys, "articles", "--db", db, "--json")
    [a] = json.loads(out)
    assert a["source"] == "Cascade Courier" and a["published"]["date"] == "2024-03-11"


def test_build_max_file_mb_and_workers(capsys, tmp_path, write, texts):
    write("in/long-read.txt", texts.bridge * 12000)         # about 7 MB of text
    write("in/bridge.txt", texts.bridge)
    db = str(tmp_path / "mb.db")
    code, out, err = run(capsys, "build", str(tmp_path / "in"), "--db", db, "--max-file-mb", "5",
                         "--workers", "2", "--json")
    assert code == 1
    assert "long-read.txt: E004 file too large: more than 5 MB (skipped)" in err
    assert json.loads(out)["articles_added"] == 1


def test_a_page_without_text_is_kept_with_a_warning_not_a_failure(capsys, tmp_path, write):
    write("pages/gallery.html", '<html><head><title>Flood in pictures | Riverton Ledger</title>'
          '<meta property="article:published_time" content="2024-03-05T09:00:00-05:00"></head>'
          '<body><h1>Flood in pictures</h1><img src="a.jpg"></body></html>')
    db = str(tmp_path / "gallery.db")
    code, out, err = run(capsys, "build", str(tmp_path / "pages"), "--db", db, "--no-language")
    assert code == 0
    assert "W002 page kept without its text" in err and "problems: none" in err
    assert "articles: 1 added" in err
    code, out, _ = run(capsys, "articles", "--db", db, "--json")
    [article] = json.loads(out)
    assert article["title"] == "Flood in pictures"
    assert article["published"]["date"] == "2024-03-05"


def test_build_errors_exit_2(capsys, tmp_path):
    db = str(tmp_path / "x.db")
    code, _, err = run(capsys, "build", str(tmp_path / "missing-folder"), "--db", db)
    assert code == 2 and "storyline: error: no such file or folder" in err
    code, _, err = run(capsys, "build", str(tmp_path), "--db", db, "--field", "txt=body")
    assert code == 2 and "bad field mapping 'txt=body'" in err


def test_build_from_stdin(capsys, monkeypatch, tmp_path, texts):
    from types import SimpleNamespace

    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(texts.library.encode())))
    db = str(tmp_path / "stdin.db")
    code, _, err = run(capsys, "build", "-", "--db", db)
    assert code == 0 and "1 added" in err
    code, out, _ = run(capsys, "articles", "--db", db)
    assert "Salem council sends library bond to November ballot" in out


def test_db_from_environment(capsys, monkeypatch, built):
    monkeypatch.setenv("STORYLINE_DB", str(built))
    code, out, _ = run(capsys, "articles")
    assert code == 0 and SETTLEMENT in out


# -- articles, show, search, stories ----------------------------------------------------------------


def test_articles(capsys, db):
    code, out, err = run(capsys, "articles", "--db", db)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].split()[1] == "2024-03-05"
    assert any(SETTLEMENT in line and "2024-06-27" in line and "riverton-ledger" in line
               for line in lines)
    assert sum("undated" in line for line in lines) == 2
    code, out, _ = run(capsys, "articles", "--db", db, "--json")
    listed = json.loads(out)
    assert len(listed) == 4
    assert all(len(line.split()[0]) == 12 and line.split()[0] == a["id"]
               for line, a in zip(lines, listed))
    assert {"id", "title", "source", "published", "path"} <= set(listed[0])
    assert "body" not in listed[0]
    code, out, _ = run(capsys, "articles", "--db", db, "--source", "capitol-dispatch", "--json")
    assert [a["title"] for a in json.loads(out)] == [
        "Salem council sends library bond to November ballot"]


def test_show_prints_text_then_removed_lines(capsys, db):
    ref = settlement_id(capsys, db)
    code, out, err = run(capsys, "show", ref, "--db", db)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == SETTLEMENT
    assert "published: 2024-06-27 (day, path, confidence 0.80)" in out
    assert "dateline:  RIVERTON, Ore. (AW) —" in out
    assert "authors:   Sam Ortiz" in out                  # from "By SAM ORTIZ | Associated Wire"
    assert f"[text] {SETTLEMENT}" in out                 # the title's evidence: the first line
    body_at = out.index("Calder Resin Works agreed on Thursday")
    last_body_at = out.index("would keep paying for river monitoring")
    header_at = out.index("-- 10 removed lines --")
    assert body_at < last_body_at < header_at
    removed = out[header_at:].splitlines()[1:]
    assert "[promo] Sign up for The Morning Ledger newsletter at riverledger.com/newsletters" \
           "   (promo-newsletter)" in removed
    assert any(line.startswith("[engagement] Tell us in the comments") for line in removed)
    assert any(line.startswith("[caption] Workers pump solvent out of a drainage ditch") for line in removed)
    assert any(line.startswith("[teaser] Ironclads head to nationals") for line in removed)
    assert "Sign up for" not in out[:header_at]        # removed lines are not in the text
    # by unique id prefix and by path too
    assert run(capsys, "show", ref[:6], "--db", db)[1] == out
    path = next(ln.split("from:", 1)[1].strip() for ln in lines if ln.startswith("from:"))
    assert path.endswith("2024-06-27-calder-settles.txt")
    assert run(capsys, "show", path, "--db", db)[1] == out
    code, out2, _ = run(capsys, "show", ref, "--db", db, "--json")
    record = json.loads(out2)
    assert record["id"] == ref and record["title"] == SETTLEMENT
    assert len(record["removed"]) == 10


def test_show_unknown_article(capsys, db):
    code, out, err = run(capsys, "show", "nope-not-here", "--db", db)
    assert code == 2 and out == ""
    assert "storyline: error: no article 'nope-not-here'" in err


def test_search(capsys, db):
    code, out, _ = run(capsys, "search", "girders", "--db", db)
    assert code == 0
    first, snippet = out.splitlines()[:2]
    assert "Millbrook Street bridge reopens after four months of repairs" in first
    assert "[girders]" in snippet
    code, out, _ = run(capsys, "search", "spill OR bridge", "--db", db, "--json", "--limit", "2")
    page = json.loads(out)
    hits = page["hits"]
    assert len(hits) == 2 and all("snippet" in h and "id" in h for h in hits)
    code, out, _ = run(capsys, "search", "spill OR bridge", "--db", db, "--json", "--limit", "2",
                       "--after", page["next"])
    assert code == 0 and not {h["id"] for h in hits} & {h["id"] for h in json.loads(out)["hits"]}
    code, out, _ = run(capsys, "search", "zeppelin", "--db", db)
    assert code == 0 and "no articles match 'zeppelin'" in out
    code, out, err = run(capsys, "search", '"unbalanced', "--db", db)
    assert code == 2 and "bad search query" in err


def test_stories(capsys, db):
    # Four unrelated articles: each is a story of its own, titled by its article.
    code, out, _ = run(capsys, "stories", "--db", db, "--json")
    stories = json.loads(out)
    assert code == 0 and len(stories) == 4
    assert sorted(len(s["article_ids"]) for s in stories) == [1, 1, 1, 1]
    code, out, _ = run(capsys, "stories", "--db", db)
    assert code == 0 and "Millbrook Street bridge reopens after four months of repairs" in out


# -- export -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "md", "html"])
def test_export_to_stdout_and_file(capsys, db, tmp_path, fmt):
    code, out, _ = run(capsys, "export", "--db", db, "--format", fmt)
    assert code == 0 and SETTLEMENT.split(" $")[0] in out
    target = tmp_path / f"corpus.{fmt}"
    code, out2, err = run(capsys, "export", "--db", db, "-f", fmt, "-o", str(target))
    assert code == 0 and out2 == "" and f"wrote {target}" in err
    assert target.read_bytes().decode("utf-8") == out
    if fmt == "json":
        assert len(json.loads(out)["articles"]) == 4
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in out.splitlines()]) == 4
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 4
        assert {r["title"]: r["authors"] for r in rows}[SETTLEMENT] == "Sam Ortiz"


def test_export_rejects_unknown_format(capsys, db):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--db", db, "--format", "docx"])
    assert exit_.value.code == 2
    assert "invalid choice: 'docx'" in capsys.readouterr().err


# -- a missing database -------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["articles"], ["show", "abc"], ["search", "spill"], ["stories"],
                                  ["export", "--format", "json"], ["articles", "--json"]])
def test_missing_database_exits_2(capsys, tmp_path, argv):
    missing = tmp_path / "missing.db"
    code, out, err = run(capsys, *argv, "--db", str(missing))
    assert code == 2 and out == ""
    assert err.startswith(f"storyline: error: no database at {missing}")
    assert "storyline build PATH" in err
    assert not missing.exists()                         # views never create a database


# -- help ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [c.NAME for c in COMMANDS])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: storyline {command}")
    assert "--db" in out


def test_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command.NAME in out and command.HELP in out


def test_python_dash_m_storyline(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "storyline", "--help"], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.startswith("usage: storyline")
    for command in COMMANDS:
        assert command.NAME in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "storyline", "--version"], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("storyline ")
    proc = subprocess.run([sys.executable, "-m", "storyline"], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert proc.returncode == 2 and "usage:" in proc.stderr


def test_the_article_list_gives_an_undated_articles_bounds():
    from storyline.cli.articles import _when
    assert _when({"date": "2024-03-01"}) == "2024-03-01"
    assert _when({"date": None, "earliest": "2024-02-12", "latest": "2024-03-01"}) == \
        "2024-02-12..2024-03-01"
    assert _when({"date": None, "earliest": None, "latest": "2024-03-01"}) == "<=2024-03-01"
    assert _when({"date": None}) == "undated"
