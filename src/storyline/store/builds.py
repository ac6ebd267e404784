"""Builds and the problems each one met."""

from __future__ import annotations

import json
from typing import Any

from ..text.storable import storable
from ..errors import Problem
from ._common import Table, now

__all__ = ["Builds"]


class Builds(Table):
    def start(self, paths: list[str]) -> int:
        cur = self._db.execute("INSERT INTO builds (started_at, paths) VALUES (?, ?)",
                               (now(), json.dumps(paths)))
        return int(cur.lastrowid or 0)

    def finish(self, build_id: int, summary: dict[str, Any]) -> None:
        self._db.execute("UPDATE builds SET finished_at = ?, summary = ? WHERE id = ?",
                         (now(), json.dumps(summary), build_id))

    def add_problem(self, build_id: int, problem: Problem) -> None:
        # an exception's message can quote the bad input (a lone surrogate): stored as text
        self._db.execute("INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?)",
                         (build_id, problem.code.name, storable(problem.path)[0],
                          problem.place and storable(problem.place)[0],
                          problem.detail and storable(problem.detail)[0], int(problem.skipped)))

    def problems(self, build_id: int | None = None) -> list[dict[str, Any]]:
        """The problems of build `build_id` (default: the last build)."""
        if build_id is None:
            build_id = self._db.execute("SELECT max(id) FROM builds").fetchone()[0]
        return [dict(r) for r in self._db.execute(
            "SELECT code, path, place, detail, skipped FROM problems WHERE build_id = ?",
            (build_id,))]
