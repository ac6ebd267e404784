"""The story tables of migration 2, and the store's story views over them."""

from __future__ import annotations

import json
import sqlite3

from storyline.store import Store
from storyline.store.schema import MIGRATIONS


def test_story_tables_exist_with_their_indexes(tmp_path):
    with Store(str(tmp_path / "s.db")) as s:
        names = {r[0] for r in s._conn.execute("SELECT name FROM sqlite_master")}
    assert {"story_members", "story_state", "story_terms", "term_df", "story_meta", "minhash",
            "minhash_bands", "story_aliases", "story_merges"} <= names
    # candidate retrieval and band lookups go through indexes, not scans
    assert {"story_terms_recent", "story_terms_heavy", "minhash_bands_key"} <= names


def test_a_version_1_database_is_upgraded_keeping_its_rows(tmp_path):
    path = str(tmp_path / "old.db")
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    conn.execute("INSERT INTO stories VALUES ('s1', 'Old story', ?, 'then', 'then')",
                 (json.dumps({"id": "s1", "title": "Old story", "article_ids": ["a"]}),))
    conn.commit()
    conn.close()
    with Store(path) as s:
        [story] = s.stories.all()
        assert story.title == "Old story" and story.article_ids == ["a"] and story.copies == {}
        assert s.stories.get("s1").id == "s1" and s.stories.get("nothing") is None


def test_story_views_read_extra_fields_and_ignore_unknown_ones(tmp_path):
    with Store(str(tmp_path / "s.db")) as s:
        data = {"id": "s9", "title": "T", "article_ids": ["a", "b"], "copies": {"b": "a"},
                "first_date": "2024-01-01", "last_date": "2024-02-01", "future_field": 1}
        s._conn.execute("INSERT INTO stories VALUES ('s9', 'T', ?, 'now', 'now')",
                       (json.dumps(data),))
        s._conn.execute("INSERT INTO story_aliases VALUES ('s8', 's9')")
        story = s.stories.get("s8")
        assert story.id == "s9" and story.copies == {"b": "a"} and story.first_date == "2024-01-01"
        assert s.stories.merges() == []
