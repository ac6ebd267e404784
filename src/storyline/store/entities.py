"""Entities across the corpus, and which entity each article's names stand for."""

from __future__ import annotations

import json
from dataclasses import asdict
from types import SimpleNamespace
from typing import Any, Iterator

from ..errors import Code, StorylineError
from ..model import Entity, Mention
from ._common import Table

__all__ = ["Entities"]


class Entities(Table):
    def mention_holders(self) -> Iterator[SimpleNamespace]:
        """Every article's id, story and name mentions, without loading whole articles."""
        for row in self._db.execute(
                "SELECT id, story_id, json_extract(data, '$.mentions') AS m FROM articles "
                "ORDER BY rowid"):
            yield SimpleNamespace(id=row["id"], story_id=row["story_id"],
                                  mentions=[Mention(**m) for m in json.loads(row["m"] or "[]")])

    def put(self, resolution: Any) -> None:
        """Replace the corpus's entities with a `storyline.entities.Resolution` (in a
        transaction), with the map from each article's names to them."""
        self._db.execute("DELETE FROM entities")
        self._db.execute("DELETE FROM entity_names")
        self._db.executemany(
            "INSERT INTO entities (id, name, type, articles, data) VALUES (?, ?, ?, ?, ?)",
            [(e.id, e.name, e.type, len(e.article_ids), json.dumps(asdict(e), ensure_ascii=False))
             for e in resolution.entities])
        self._db.executemany(
            "INSERT OR IGNORE INTO entity_names (article_id, name, type, entity_id) "
            "VALUES (?, ?, ?, ?)",
            [(article_id, name, type_, entity_id)
             for (article_id, name, type_), entity_id in resolution.names()])

    def all(self, *, type: str | None = None, name: str | None = None,
            story_id: str | None = None) -> list[Entity]:
        """People, organizations and places, most articles first."""
        sql, args, where = "SELECT data FROM entities e", [], []
        if type:
            where.append("e.type = ?"), args.append(type)
        if name:
            where.append("(e.name LIKE ? OR e.data LIKE ?)"), args.extend([f"%{name}%"] * 2)
        if story_id:
            where.append("e.id IN (SELECT n.entity_id FROM entity_names n JOIN articles a "
                         "ON a.id = n.article_id WHERE a.story_id = ?)")
            args.append(story_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.articles DESC, e.name"
        return [Entity(**json.loads(r["data"])) for r in self._db.execute(sql, args)]

    def get(self, ref: str) -> Entity | None:
        """By id or unique id prefix."""
        rows = self._db.execute("SELECT data FROM entities WHERE id = ?", (ref,)).fetchall()
        if not rows:
            rows = self._db.execute("SELECT data FROM entities WHERE id LIKE ? LIMIT 2",
                                    (ref + "%",)).fetchall()
            if len(rows) > 1:
                raise StorylineError(Code.E107, f"{ref!r} names more than one entity; give more of the id")
        return Entity(**json.loads(rows[0]["data"])) if rows else None

    def names_in(self, article_id: str) -> dict[str, str]:
        """{name as the article writes it: entity id} for one article."""
        return {r["name"]: r["entity_id"] for r in self._db.execute(
            "SELECT name, entity_id FROM entity_names WHERE article_id = ?", (article_id,))}

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM entities").fetchone()[0]
