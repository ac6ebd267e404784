"""What the table classes share: the connection they speak through, timestamps, id lists."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Iterable

__all__ = ["Table", "now", "id_list"]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def id_list(ids: Iterable[str]) -> str:
    """A JSON array for `IN (SELECT value FROM json_each(?))`: any number of ids, one parameter."""
    return json.dumps(sorted(set(ids)))


class Table:
    """One table (or a few that only make sense together) of the store."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._db = conn
