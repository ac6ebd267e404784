"""The `stories` rows views read: members in date order, copies, dates, outlets, a title.

The title is the headline of the story's most central article: the one whose
headline carries most of the story's heaviest terms and names. Without
headlines, the opening of that article's first sentence stands in.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from datetime import datetime, timezone

from .text import STOP_WORDS

__all__ = ["refresh", "choose_title"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]")
TITLE_CHARS = 100
# Headlines looked at per story: its first and its latest members (bounded
# cost for stories of thousands of articles).
TITLE_CANDIDATES = 200


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _title_score(title: str, centroid: dict[str, float], names: dict[str, float]) -> float:
    words = [w.lower() for w in _WORD.findall(title)]
    content = [w for w in words if w not in STOP_WORDS and len(w) > 2]
    if not content:
        return 0.0
    weight = sum(centroid.get(w, 0.0) for w in set(content))
    lowered = title.lower()
    weight += sum(v for n, v in names.items() if n[1:] in lowered)
    # Favour headlines of ordinary length: not a bare slug, not a paragraph.
    return weight / math.sqrt(max(len(content), 4))


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_CHARS:
        return text
    return text[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def choose_title(headlines: list[tuple[str | None, str]], centroid: dict[str, float],
                 names: dict[str, float]) -> str:
    """`headlines`: (title or None, body) of members; returns the story's title."""
    titled = [(t, b) for t, b in headlines if t and t.strip()]
    if titled:
        best = max(titled, key=lambda tb: (_title_score(tb[0], centroid, names), -len(tb[0])))
        return _shorten(best[0])
    if headlines:
        best = max(headlines, key=lambda tb: _title_score(tb[1][:300], centroid, names))
        first = re.split(r"(?<=[.!?])\s", best[1].strip(), maxsplit=1)[0]
        if first:
            return _shorten(first)
    top = sorted(centroid, key=lambda t: -centroid[t])[:3]
    return ", ".join(top) or "untitled story"


def refresh(conn: sqlite3.Connection, story_id: str) -> None:
    """Rewrite the `stories` row of `story_id` from the grouping tables (keeps its timeline)."""
    state = conn.execute("SELECT * FROM story_state WHERE story_id = ?", (story_id,)).fetchone()
    if state is None:
        conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        return
    members = conn.execute(
        """SELECT m.article_id, m.copy_of, a.published, a.title, a.source
           FROM story_members m JOIN articles a ON a.id = m.article_id
           WHERE m.story_id = ? ORDER BY a.published IS NULL, a.published, a.rowid""",
        (story_id,)).fetchall()
    if not members:
        conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        return
    originals = [m for m in members if m["copy_of"] is None] or members
    pick = originals if len(originals) <= TITLE_CANDIDATES else (
        originals[:TITLE_CANDIDATES // 2] + originals[-TITLE_CANDIDATES // 2:])
    bodies = {}
    if not any(m["title"] for m in pick):
        bodies = {r[0]: r[1] for r in conn.execute(
            "SELECT id, substr(body, 1, 400) FROM articles WHERE id IN "
            "(SELECT value FROM json_each(?))", (json.dumps([m["article_id"] for m in pick]),))}
    title = choose_title([(m["title"], bodies.get(m["article_id"], "")) for m in pick],
                         json.loads(state["centroid"]), json.loads(state["names"]))
    merged = [r[0] for r in conn.execute(
        "SELECT from_id FROM story_merges WHERE into_id = ? ORDER BY id", (story_id,))]
    old = conn.execute("SELECT data, created_at FROM stories WHERE id = ?", (story_id,)).fetchone()
    data = json.loads(old["data"]) if old else {}
    sources = json.loads(state["sources"])
    data.update({
        "id": story_id,
        "title": title,
        "article_ids": [m["article_id"] for m in members],
        "timeline": data.get("timeline", []),
        "copies": {m["article_id"]: m["copy_of"] for m in members if m["copy_of"]},
        "merged_from": merged,
        "first_date": state["first_date"],
        "last_date": state["last_date"],
        "sources": sorted(sources, key=lambda s: (-sources[s], s)),
    })
    now = _now()
    conn.execute(
        """INSERT INTO stories (id, title, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET title = excluded.title, data = excluded.data,
                                         updated_at = excluded.updated_at""",
        (story_id, title, json.dumps(data, ensure_ascii=False), old["created_at"] if old else now,
         now))
