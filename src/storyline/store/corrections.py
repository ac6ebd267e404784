"""Corrections people make to what the machine decided, as their own records."""

from __future__ import annotations

import json
from typing import Any

from ._common import Table, now

__all__ = ["Corrections"]


def _row(r) -> dict[str, Any]:
    d = dict(r)
    d["value"] = json.loads(d["value"])
    d["before"] = json.loads(d["before"]) if d["before"] else None
    return d


class Corrections(Table):
    def add(self, kind: str, target: str, value: dict[str, Any], who: str,
            note: str | None = None) -> int:
        """Record a correction (inside a transaction); returns its id."""
        cur = self._db.execute(
            "INSERT INTO corrections (kind, target, value, note, who, at) VALUES (?, ?, ?, ?, ?, ?)",
            (kind, target, json.dumps(value, ensure_ascii=False), note, who, now()))
        return cur.lastrowid

    def all(self, *, undone: bool = True) -> list[dict[str, Any]]:
        """Every correction in the order made (`undone=False`: those in force only)."""
        sql = "SELECT * FROM corrections" + ("" if undone else " WHERE undone_at IS NULL")
        return [_row(r) for r in self._db.execute(sql + " ORDER BY id")]

    def get(self, correction_id: int) -> dict[str, Any] | None:
        row = self._db.execute("SELECT * FROM corrections WHERE id = ?",
                               (correction_id,)).fetchone()
        return _row(row) if row else None

    def any(self) -> bool:
        return self._db.execute("SELECT 1 FROM corrections LIMIT 1").fetchone() is not None

    def keep_before(self, correction_id: int, before: dict[str, Any]) -> None:
        """What the machine had before the correction first applied (kept once)."""
        self._db.execute("UPDATE corrections SET before = ? WHERE id = ? AND before IS NULL",
                         (json.dumps(before, ensure_ascii=False), correction_id))

    def undo(self, correction_id: int, who: str) -> None:
        self._db.execute("UPDATE corrections SET undone_by = ?, undone_at = ? WHERE id = ?",
                         (who, now(), correction_id))

    def alias(self, alias: str, story_id: str) -> None:
        """A story id merged away by a correction names the story it went into."""
        self._db.execute("INSERT OR REPLACE INTO story_aliases VALUES (?, ?)", (alias, story_id))

    def merge_entities(self, away_id: str, into: Any) -> None:
        """Entity `away_id` is `into` (a merged `Entity`): its names stand for `into`."""
        from dataclasses import asdict
        self._db.execute("UPDATE OR IGNORE entity_names SET entity_id = ? WHERE entity_id = ?",
                         (into.id, away_id))
        self._db.execute("DELETE FROM entity_names WHERE entity_id = ?", (away_id,))
        self._db.execute("DELETE FROM entities WHERE id = ?", (away_id,))
        self._db.execute("UPDATE entities SET name = ?, articles = ?, data = ? WHERE id = ?",
                         (into.name, len(into.article_ids),
                          json.dumps(asdict(into), ensure_ascii=False), into.id))

    def unalias(self, alias: str) -> None:
        self._db.execute("DELETE FROM story_aliases WHERE alias = ?", (alias,))
