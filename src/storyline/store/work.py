"""The journal of corpus work still to do: what a build has stored but not yet carried
through the corpus stages.

Each entry is added in the same transaction as what makes it needed (an article
stored: it must be grouped, its outlet's template lines counted again; a story
changed: its timeline told again) and removed in the same transaction as the
stage's results. A build killed anywhere leaves exactly the unfinished work
here, and the next build does it.
"""

from __future__ import annotations

from typing import Iterable

from ._common import Table

__all__ = ["Work", "KINDS"]

# templates: an outlet (source key) whose template lines must be re-applied;
# group: an article to place in a story; story: a story whose undated articles,
# timeline and comparison must be redone; regroup: a story to look at again for a
# concurrent story alike once its members are dated; entities: "*", resolve names again.
KINDS = ("templates", "group", "story", "regroup", "entities")


class Work(Table):
    def add(self, kind: str, keys: Iterable[str]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO pending_work (kind, key) VALUES (?, ?)",
                             [(kind, key) for key in keys])

    def pending(self, kind: str) -> list[str]:
        """The keys of `kind` still to do, in the order they were added."""
        return [r[0] for r in self._db.execute(
            "SELECT key FROM pending_work WHERE kind = ? ORDER BY seq", (kind,))]

    def done(self, kind: str, keys: Iterable[str]) -> None:
        self._db.executemany("DELETE FROM pending_work WHERE kind = ? AND key = ?",
                             [(kind, key) for key in keys])

    def counts(self) -> dict[str, int]:
        """{kind: entries} of the work left, for the kinds that have any."""
        return {r[0]: r[1] for r in self._db.execute(
            "SELECT kind, count(*) FROM pending_work GROUP BY kind")}
