"""What story grouping remembers between builds: memberships, each story's
representation and its inverted index, document frequencies, and the MinHash
index of near-duplicates. The decisions are `storyline.stories`'; this is their memory.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from ._common import Table, now

__all__ = ["Grouping", "UNDATED"]

UNDATED = "9999-12-31"   # an undated story's last date in the index: never "long over"


class Grouping(Table):
    # -- membership -----------------------------------------------------------------

    def member(self, article_id: str) -> tuple[str, str | None] | None:
        """(story id, id of the original it copies or None) of a grouped article."""
        row = self._db.execute("SELECT story_id, copy_of FROM story_members WHERE article_id = ?",
                               (article_id,)).fetchone()
        return (row["story_id"], row["copy_of"]) if row else None

    def add_member(self, article_id: str, story_id: str, copy_of: str | None,
                   score: float | None) -> None:
        self._db.execute("INSERT OR REPLACE INTO story_members VALUES (?, ?, ?, ?, ?)",
                         (article_id, story_id, copy_of, score, now()))
        self._set_story(article_id, story_id)

    def keep_member(self, article_id: str, story_id: str) -> None:
        """A changed article stays in its story."""
        self._set_story(article_id, story_id)

    def remove_member(self, article_id: str) -> None:
        """The article leaves its story; its copies become originals."""
        self._db.execute("DELETE FROM story_members WHERE article_id = ?", (article_id,))
        self._db.execute("UPDATE story_members SET copy_of = NULL WHERE copy_of = ?",
                         (article_id,))

    def has_members(self, story_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM story_members WHERE story_id = ? LIMIT 1",
                                (story_id,)).fetchone() is not None

    def move_members(self, from_id: str, into_id: str) -> list[str]:
        """Every member of story `from_id` into `into_id`; returns the ids moved."""
        moved = [r[0] for r in self._db.execute(
            "SELECT article_id FROM story_members WHERE story_id = ?", (from_id,))]
        self._db.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?",
                         (into_id, from_id))
        for article_id in moved:
            self._set_story(article_id, into_id)
        return moved

    def members(self, story_id: str) -> list[dict[str, Any]]:
        """The story's members in date order (undated last): id, copy_of, published, title, source."""
        return [dict(r) for r in self._db.execute(
            """SELECT m.article_id, m.copy_of, a.published, a.title, a.source
               FROM story_members m JOIN articles a ON a.id = m.article_id
               WHERE m.story_id = ? ORDER BY a.published IS NULL, a.published, a.rowid""",
            (story_id,))]

    def cohesion(self, story_id: str) -> tuple[int, float]:
        """(how many, mean) of the scores with which the story's members joined it
        (members that started it, copies and merged-in starters have none)."""
        row = self._db.execute("SELECT COUNT(score), AVG(score) FROM story_members "
                               "WHERE story_id = ? AND copy_of IS NULL", (story_id,)).fetchone()
        return row[0], row[1] or 0.0

    def memberships(self) -> dict[str, str]:
        """{article id: story id} of every grouped article."""
        return {r[0]: r[1] for r in self._db.execute(
            "SELECT article_id, story_id FROM story_members")}

    def ungrouped(self) -> list[str]:
        """Ids of stored articles no story holds yet, in the order they were stored."""
        return [r[0] for r in self._db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_members) "
            "ORDER BY rowid")]

    def _set_story(self, article_id: str, story_id: str) -> None:
        self._db.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))

    # -- one story's representation and its index -------------------------------------

    def state(self, story_id: str) -> dict[str, Any] | None:
        """A story's dates, size, centroid, names and outlets, or None."""
        row = self._db.execute("SELECT * FROM story_state WHERE story_id = ?",
                               (story_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        for key in ("centroid", "names", "sources"):
            out[key] = json.loads(out[key])
        return out

    def put_state(self, story_id: str, first_date: str | None, last_date: str | None,
                  size: int, centroid: dict[str, float], names: dict[str, float],
                  sources: dict[str, int], index: Iterable[tuple[str, float]]) -> None:
        """Save a story's representation and its entries in the inverted index
        (`index`: its heaviest (term, weight) pairs)."""
        self._db.execute(
            "INSERT OR REPLACE INTO story_state VALUES (?, ?, ?, ?, ?, ?, ?)",
            (story_id, first_date, last_date, size, json.dumps(centroid), json.dumps(names),
             json.dumps(sources)))
        self._db.execute("DELETE FROM story_terms WHERE story_id = ?", (story_id,))
        last = last_date or UNDATED
        self._db.executemany("INSERT OR REPLACE INTO story_terms VALUES (?, ?, ?, ?)",
                             [(t, story_id, w, last) for t, w in index])

    def drop_state(self, story_id: str) -> None:
        self._db.execute("DELETE FROM story_state WHERE story_id = ?", (story_id,))
        self._db.execute("DELETE FROM story_terms WHERE story_id = ?", (story_id,))

    def postings(self, term: str, since: str | None, limit: int) -> list[tuple[str, float]]:
        """(story id, weight) of the stories indexed under `term`, heaviest first; with
        `since`, only stories whose last date is on or after it."""
        if since:
            rows = self._db.execute(
                "SELECT story_id, weight FROM story_terms WHERE term = ? AND last_date >= ? "
                "ORDER BY weight DESC LIMIT ?", (term, since, limit))
        else:
            rows = self._db.execute(
                "SELECT story_id, weight FROM story_terms WHERE term = ? "
                "ORDER BY weight DESC LIMIT ?", (term, limit))
        return [(r[0], r[1]) for r in rows]

    # -- document frequencies -------------------------------------------------------------

    def documents(self) -> int:
        """Articles counted in the document frequencies."""
        row = self._db.execute("SELECT value FROM story_meta WHERE key = 'docs'").fetchone()
        return int(row[0]) if row else 0

    def set_documents(self, n: int) -> None:
        self._db.execute("INSERT OR REPLACE INTO story_meta VALUES ('docs', ?)", (str(n),))

    def count_terms(self, keys: list[str]) -> None:
        """One more document holds each of `keys` (distinct)."""
        self._db.executemany(
            "INSERT INTO term_df VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
            [(k,) for k in keys])

    def frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        return {r[0]: r[1] for r in self._db.execute(
            "SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(keys))),))}

    # -- near-duplicates: MinHash signatures and LSH bands ----------------------------------

    def band_matches(self, band: int, value: int, window: tuple[str, str] | None,
                     limit: int = 50) -> list[str]:
        """Articles sharing LSH band `band` = `value`, dated inside `window` or undated."""
        if window:
            rows = self._db.execute(
                "SELECT article_id FROM minhash_bands WHERE band = ? AND hash = ? "
                "AND (date = '' OR date BETWEEN ? AND ?) LIMIT ?", (band, value, *window, limit))
        else:
            rows = self._db.execute("SELECT article_id FROM minhash_bands WHERE band = ? "
                                    "AND hash = ? LIMIT ?", (band, value, limit))
        return [r[0] for r in rows]

    def signature(self, article_id: str) -> tuple[bytes, int] | None:
        """(hash values, shingle count) stored for an article."""
        row = self._db.execute("SELECT signature, size FROM minhash WHERE article_id = ?",
                               (article_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def put_signature(self, article_id: str, values: bytes, size: int, bands: list[int],
                      day: str | None) -> None:
        self.forget_signature(article_id)
        self._db.execute("INSERT INTO minhash (article_id, date, signature, size) "
                         "VALUES (?, ?, ?, ?)", (article_id, day, values, size))
        self._db.executemany("INSERT INTO minhash_bands VALUES (?, ?, ?, ?)",
                             [(band, h, day or "", article_id) for band, h in enumerate(bands)])

    def forget_signature(self, article_id: str) -> None:
        self._db.execute("DELETE FROM minhash WHERE article_id = ?", (article_id,))
        self._db.execute("DELETE FROM minhash_bands WHERE article_id = ?", (article_id,))
