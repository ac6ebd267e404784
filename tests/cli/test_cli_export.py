"""`storyline export --story` and `--with-text`: one story, in any format, to stdout or a file."""

from __future__ import annotations

import json

from storyline import query
from storyline.cli import main
from storyline.store import Store


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_one_story_by_id_or_words(capsys, example_db, tmp_path):
    with Store(example_db, readonly=True) as store:
        ferry = query.find_story(store, "ferry lifeboats")
    code, out, _ = run(capsys, "export", "--db", example_db, "--story", ferry.id)
    assert code == 0 and [s["id"] for s in json.loads(out)["stories"]] == [ferry.id]
    target = tmp_path / "ferry.html"
    code, out, err = run(capsys, "export", "--db", example_db, "-f", "html", "-s",
                         "ferry lifeboats", "-o", str(target))
    assert code == 0 and out == "" and f"wrote {target}" in err
    html = target.read_text(encoding="utf-8")
    assert f"id='s-{ferry.id}'" in html and html.count("<article class=a ") == len(ferry.article_ids)
    assert not list(tmp_path.glob("*.part"))


def test_export_of_a_story_that_is_not_there(capsys, example_db, tmp_path):
    target = tmp_path / "none.html"
    code, out, err = run(capsys, "export", "--db", example_db, "-f", "html", "--story",
                         "zzqx-no-such-story", "-o", str(target))
    assert code == 2 and out == "" and "E106" in err
    assert not target.exists() and not list(tmp_path.iterdir())


def test_markdown_with_text(capsys, example_db):
    code, dossier, _ = run(capsys, "export", "--db", example_db, "-f", "md")
    code2, whole, _ = run(capsys, "export", "--db", example_db, "-f", "md", "--with-text")
    assert code == code2 == 0
    assert "## Article texts" in whole and "## Article texts" not in dossier
    assert whole.startswith(dossier)
