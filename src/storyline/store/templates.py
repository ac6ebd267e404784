"""Template-line evidence: which short lines each article of an outlet holds.

The store keeps the counts; what counts as template is decided in
`storyline.clean.template`.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Iterable

from ._common import Table

__all__ = ["Templates"]


class Templates(Table):
    def put(self, article_id: str, source: str, keys: Iterable[str]) -> None:
        """The line keys of one article of outlet `source` (a source key), replacing its old ones."""
        self._db.execute("DELETE FROM template_lines WHERE article_id = ?", (article_id,))
        self._db.executemany("INSERT OR IGNORE INTO template_lines VALUES (?, ?, ?)",
                             [(source, key, article_id) for key in keys])

    def articles_in(self, source: str) -> int:
        """Articles of `source` holding any candidate line."""
        return self._db.execute("SELECT count(DISTINCT article_id) FROM template_lines "
                                "WHERE source = ?", (source,)).fetchone()[0]

    def repeated(self, source: str) -> Counter[str]:
        """Line keys seen in two or more articles of `source`, with their article counts."""
        return Counter({row["key"]: row["n"] for row in self._db.execute(
            "SELECT key, count(*) AS n FROM template_lines WHERE source = ? GROUP BY key "
            "HAVING n >= 2", (source,))})

    def holders(self, source: str, keys: Iterable[str]) -> set[str]:
        """Ids of the articles of `source` holding any of `keys`."""
        return {row[0] for row in self._db.execute(
            "SELECT DISTINCT article_id FROM template_lines WHERE source = ? AND key IN "
            "(SELECT value FROM json_each(?))", (source, json.dumps(sorted(set(keys)))))}
