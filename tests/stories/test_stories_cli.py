"""`storyline stories`: id, title, article count (copies noted), date span, outlets."""

from __future__ import annotations

import json

from storyline import stories
from storyline.cli import main

from story_texts import DAM, WIRE, make, put


def test_stories_lists_titles_counts_spans_outlets_and_copies(tmp_path, capsys):
    from storyline.store import Store

    db = str(tmp_path / "s.db")
    with Store(db) as s:
        put(s, make("d0", DAM[0][0], DAM[0][1], "2024-03-03", source="Kessick Courier"),
            make("d1", DAM[1][0], DAM[1][1], "2024-03-05", source="Valley Times"),
            make("w", "Brennholt glassworks strike", WIRE, "2024-05-06", source="Test Wire"),
            make("w2", "Glass strike", "BRENNHOLT - " + WIRE, "2024-05-07", source="Post"))
        stories.update(s, ["d0", "d1", "w", "w2"])
    assert main(["stories", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "2 articles (1 copy)  2024-05-06 to 2024-05-07  Brennholt glassworks strike" in out
    assert "2024-03-03 to 2024-03-05" in out and "outlets: Kessick Courier, Valley Times" in out
    assert main(["stories", "--db", db, "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    wire = next(r for r in records if r["copies"])
    assert wire["copies"] == {"w2": "w"} and wire["article_ids"] == ["w", "w2"]
    assert {"id", "title", "article_ids", "articles", "first_date", "last_date", "sources",
            "merged_from"} <= set(wire)
