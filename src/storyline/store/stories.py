"""Stories as views read them (the `stories` rows), their timelines, and the merge log."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from ..errors import Code, StorylineError
from ..model import Event, Story
from ._common import Table, now

__all__ = ["Stories"]

_STORY_FIELDS = {f.name for f in fields(Story)}


def _story(data: str) -> Story:
    d = {k: v for k, v in json.loads(data).items() if k in _STORY_FIELDS}
    d["timeline"] = [Event(**e) for e in d.get("timeline", [])]
    return Story(**d)


class Stories(Table):
    def all(self) -> list[Story]:
        """All stories, oldest first."""
        return [_story(row["data"]) for row in self._db.execute(
            "SELECT data FROM stories ORDER BY created_at, id")]

    def resolve(self, story_id: str) -> str:
        """The current id of a story, following merges."""
        row = self._db.execute("SELECT story_id FROM story_aliases WHERE alias = ?",
                               (story_id,)).fetchone()
        return row[0] if row else story_id

    def get(self, ref: str) -> Story | None:
        """By id, the id of a story merged into it, or a unique id prefix."""
        row = self._db.execute("SELECT data FROM stories WHERE id = ?",
                               (self.resolve(ref),)).fetchone()
        if row is None:
            rows = self._db.execute("SELECT data FROM stories WHERE id LIKE ? LIMIT 2",
                                    (ref + "%",)).fetchall()
            if len(rows) > 1:
                raise StorylineError(Code.E107, f"{ref!r} names more than one story; give more of the id")
            row = rows[0] if rows else None
        return _story(row["data"]) if row else None

    def merges(self) -> list[dict[str, Any]]:
        """The merge log: when, which story into which, why."""
        return [dict(r) for r in self._db.execute(
            "SELECT at, into_id, from_id, reason, similarity, articles_moved FROM story_merges "
            "ORDER BY id")]

    def merged_into(self, story_id: str) -> list[str]:
        """Ids of the stories merged into `story_id`, in merge order."""
        return [r[0] for r in self._db.execute(
            "SELECT from_id FROM story_merges WHERE into_id = ? ORDER BY id", (story_id,))]

    def record_merge(self, into_id: str, away_id: str, reason: str, similarity: float,
                     moved: int) -> None:
        """Log a merge, keep the merged id as an alias, and drop its row."""
        self._db.execute("UPDATE story_aliases SET story_id = ? WHERE story_id = ?",
                         (into_id, away_id))
        self._db.execute("INSERT OR REPLACE INTO story_aliases VALUES (?, ?)", (away_id, into_id))
        self._db.execute(
            "INSERT INTO story_merges (at, into_id, from_id, reason, similarity, articles_moved) "
            "VALUES (?, ?, ?, ?, ?, ?)", (now(), into_id, away_id, reason, similarity, moved))
        self.delete(away_id)

    def id_taken(self, story_id: str) -> bool:
        """Whether a live story or a merged-away one has this id."""
        return self._db.execute("SELECT 1 FROM story_state WHERE story_id = ? UNION ALL "
                                "SELECT 1 FROM story_aliases WHERE alias = ?",
                                (story_id, story_id)).fetchone() is not None

    def fields(self, story_id: str) -> dict[str, Any]:
        """The stored row's fields (empty for a new story): what a refresh keeps."""
        row = self._db.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return json.loads(row["data"]) if row else {}

    def put(self, story_id: str, title: str, data: dict[str, Any]) -> None:
        """Write a story's row (its creation time is kept)."""
        stamp = now()
        self._db.execute(
            """INSERT INTO stories (id, title, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET title = excluded.title, data = excluded.data,
                                             updated_at = excluded.updated_at""",
            (story_id, title, json.dumps(data, ensure_ascii=False), stamp, stamp))

    def delete(self, story_id: str) -> None:
        self._db.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    def put_timeline(self, story_id: str, events: list[Event],
                     comparison: dict[str, Any]) -> None:
        """Store a story's timeline and its cross-source comparison (in a transaction)."""
        self._db.execute(
            "UPDATE stories SET data = json_set(data, '$.timeline', json(?), "
            "'$.comparison', json(?)) WHERE id = ?",
            (json.dumps([asdict(e) for e in events], ensure_ascii=False),
             json.dumps(comparison, ensure_ascii=False), story_id))
