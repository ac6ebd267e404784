"""Store: the SQLite database every build writes and every view reads.

WAL mode, so views can read while a build writes; each article is written in
a transaction together with its file's bookkeeping, so a killed build never
leaves half an article and the next build picks up where it stopped.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from contextlib import contextmanager
from datetime import datetime, timezone
from dataclasses import asdict
from types import SimpleNamespace
from typing import Any, Callable, Iterator

from ..clean.template import apply_template, repeated_keys, source_key, template_keys
from ..errors import Problem, StorylineError
from ..model import Article, Entity, Event, Mention, Story
from .schema import SCHEMA_VERSION, migrate

__all__ = ["Store", "DEFAULT_DB", "SCHEMA_VERSION"]

DEFAULT_DB = "storyline.db"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    def __init__(self, path: str = DEFAULT_DB, *, create: bool = True) -> None:
        if not create and path != ":memory:" and not os.path.exists(path):
            raise StorylineError(f"no database at {path}; run `storyline build PATH` first "
                                 "or give --db")
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrate(self.conn)
        except sqlite3.DatabaseError as err:  # not a database: a text file given as --db
            self.conn.close()
            raise StorylineError(f"{path} is not a storyline database ({err})") from None
        except StorylineError:
            self.conn.close()
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- input files -------------------------------------------------------

    def file_unchanged(self, path: str) -> bool:
        """Whether `path` was fully read before and has not changed since."""
        try:
            st = os.stat(path)
        except OSError:
            return False
        row = self.conn.execute("SELECT size, mtime_ns FROM files WHERE path = ?",
                                (os.path.abspath(path),)).fetchone()
        return row is not None and row["size"] == st.st_size and row["mtime_ns"] == st.st_mtime_ns

    def mark_file_done(self, path: str, articles: int, problems: int) -> None:
        st = os.stat(path)
        self.conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
            (os.path.abspath(path), st.st_size, st.st_mtime_ns, articles, problems, _now()))

    # -- articles ------------------------------------------------------------

    def article_state(self, article_id: str, content_hash: str) -> str:
        """"same" (stored, unchanged), "duplicate" (same content stored under another
        id), "changed" or "new"."""
        row = self.conn.execute("SELECT content_hash FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        if row is not None:
            return "same" if row["content_hash"] == content_hash else "changed"
        dup = self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1",
                                (content_hash,)).fetchone()
        return "duplicate" if dup else "new"

    def put_article(self, article: Article) -> None:
        """Insert or replace one article (call inside a transaction)."""
        now = _now()
        data = json.dumps(article.to_dict(), ensure_ascii=False)
        o = article.origin
        self.conn.execute(
            """INSERT INTO articles (id, content_hash, path, locator, url, source, title, published,
                                     body, story_id, data, added_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET
                 content_hash=excluded.content_hash, path=excluded.path, locator=excluded.locator,
                 url=excluded.url, source=excluded.source, title=excluded.title,
                 published=excluded.published, body=excluded.body, data=excluded.data,
                 updated_at=excluded.updated_at""",
            (article.id, article.content_hash, o.path, o.locator, o.url, article.source,
             article.title, article.published.date, article.body, article.story_id, data, now, now))
        self.conn.execute("DELETE FROM template_lines WHERE article_id = ?", (article.id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO template_lines VALUES (?, ?, ?)",
            [(source_key(article.source), key, article.id) for key in template_keys(article.blocks)])

    def update_article(self, article: Article) -> None:
        """Write back an article a later stage changed (same id and content; call
        inside a transaction)."""
        self._update_article(article)

    def _update_article(self, article: Article) -> None:
        self.conn.execute(
            "UPDATE articles SET body = ?, title = ?, published = ?, story_id = ?, data = ?, "
            "updated_at = ? WHERE id = ?",
            (article.body, article.title, article.published.date, article.story_id,
             json.dumps(article.to_dict(), ensure_ascii=False), _now(), article.id))

    def get_article(self, ref: str) -> Article | None:
        """By id, unique id prefix, or path."""
        row = self.conn.execute("SELECT data FROM articles WHERE id = ?", (ref,)).fetchone()
        if row is None:
            rows = self.conn.execute(
                "SELECT data FROM articles WHERE id LIKE ? OR path = ? LIMIT 2",
                (ref + "%", ref)).fetchall()
            if len(rows) > 1:
                raise StorylineError(f"{ref!r} names more than one article; give more of the id")
            row = rows[0] if rows else None
        return Article.from_dict(json.loads(row["data"])) if row else None

    def articles(self, *, source: str | None = None, story_id: str | None = None,
                 ) -> Iterator[Article]:
        """All articles, oldest first (undated last), in a stable order."""
        sql, args = "SELECT data FROM articles", []
        where = []
        if source:
            where.append("source = ?"), args.append(source)
        if story_id:
            where.append("story_id = ?"), args.append(story_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published IS NULL, published, path, locator"
        for row in self.conn.execute(sql, args):
            yield Article.from_dict(json.loads(row["data"]))

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and bodies, best first, with snippets."""
        try:
            rows = self.conn.execute(
                """SELECT a.id, a.title, a.source, a.published,
                          snippet(articles_fts, 1, '[', ']', ' … ', 16) AS snippet,
                          bm25(articles_fts, 5.0, 1.0) AS score
                   FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                   WHERE articles_fts MATCH ? ORDER BY score LIMIT ?""", (query, limit)).fetchall()
        except sqlite3.OperationalError as err:
            raise StorylineError(f"bad search query {query!r}: {err}") from None
        return [dict(row) for row in rows]

    # -- template lines (corpus evidence) -----------------------------------

    def refresh_templates(self, sources: set[str],
                          reanalyse: Callable[[Article], Article] | None = None,
                          changed_ids: list[str] | None = None) -> int:
        """Re-apply template lines to the articles of `sources` (source keys); returns
        articles changed. `reanalyse` re-runs the stages that read the body (its
        offsets moved) on each changed article before it is written; the ids of
        changed articles are appended to `changed_ids`."""
        changed = 0
        for source in sources:
            n = self.conn.execute("SELECT count(DISTINCT article_id) FROM template_lines "
                                  "WHERE source = ?", (source,)).fetchone()[0]
            counts = Counter({row["key"]: row["n"] for row in self.conn.execute(
                "SELECT key, count(*) AS n FROM template_lines WHERE source = ? GROUP BY key "
                "HAVING n >= 2", (source,))})
            repeated = repeated_keys(counts, n)
            # Articles holding any line seen twice: those that may gain a template
            # line now, and those whose template lines may have lost their support.
            ids = {row[0] for row in self.conn.execute(
                "SELECT DISTINCT article_id FROM template_lines WHERE source = ? AND key IN "
                "(SELECT value FROM json_each(?))", (source, json.dumps(sorted(counts))))}
            with self.transaction():
                for article_id in sorted(ids):
                    article = self.get_article(article_id)
                    if article and apply_template(article.blocks, repeated):
                        if reanalyse:
                            article = reanalyse(article)
                        self._update_article(article)
                        if changed_ids is not None:
                            changed_ids.append(article.id)
                        changed += 1
        return changed

    # -- builds and problems -------------------------------------------------

    def start_build(self, paths: list[str]) -> int:
        cur = self.conn.execute("INSERT INTO builds (started_at, paths) VALUES (?, ?)",
                                (_now(), json.dumps(paths)))
        return int(cur.lastrowid or 0)

    def finish_build(self, build_id: int, summary: dict[str, Any]) -> None:
        self.conn.execute("UPDATE builds SET finished_at = ?, summary = ? WHERE id = ?",
                          (_now(), json.dumps(summary), build_id))

    def add_problem(self, build_id: int, problem: Problem) -> None:
        self.conn.execute("INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?)",
                          (build_id, problem.code.name, problem.path, problem.place,
                           problem.detail, int(problem.skipped)))

    def problems(self, build_id: int | None = None) -> list[dict[str, Any]]:
        if build_id is None:
            row = self.conn.execute("SELECT max(id) FROM builds").fetchone()
            build_id = row[0]
        return [dict(r) for r in self.conn.execute(
            "SELECT code, path, place, detail, skipped FROM problems WHERE build_id = ?",
            (build_id,))]

    # -- stories ---------------------------------------------------------------

    def stories(self) -> list[Story]:
        """All stories, oldest first."""
        return [_story(row["data"]) for row in self.conn.execute(
            "SELECT data FROM stories ORDER BY created_at, id")]

    def story(self, ref: str) -> Story | None:
        """By id, the id of a story merged into it, or a unique id prefix."""
        alias = self.conn.execute("SELECT story_id FROM story_aliases WHERE alias = ?",
                                  (ref,)).fetchone()
        story_id = alias[0] if alias else ref
        row = self.conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            rows = self.conn.execute("SELECT data FROM stories WHERE id LIKE ? LIMIT 2",
                                     (ref + "%",)).fetchall()
            if len(rows) > 1:
                raise StorylineError(f"{ref!r} names more than one story; give more of the id")
            row = rows[0] if rows else None
        return _story(row["data"]) if row else None

    def story_merges(self) -> list[dict[str, Any]]:
        """The merge log: when, which story into which, why."""
        return [dict(r) for r in self.conn.execute(
            "SELECT at, into_id, from_id, reason, similarity, articles_moved FROM story_merges "
            "ORDER BY id")]

    def grouped_ids(self) -> set[str]:
        """Ids of the articles story grouping has placed."""
        return {r[0] for r in self.conn.execute("SELECT article_id FROM story_members")}

    def story_ids_of(self, article_ids: list[str]) -> set[str]:
        """The stories now holding these articles."""
        return {r[0] for r in self.conn.execute(
            "SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL AND id IN "
            "(SELECT value FROM json_each(?))", (json.dumps(article_ids),))}

    def put_timeline(self, story_id: str, events: list[Event],
                     comparison: dict[str, Any]) -> None:
        """Store a story's timeline and its cross-source comparison (in a transaction)."""
        self.conn.execute(
            "UPDATE stories SET data = json_set(data, '$.timeline', json(?), "
            "'$.comparison', json(?)) WHERE id = ?",
            (json.dumps([asdict(e) for e in events], ensure_ascii=False),
             json.dumps(comparison, ensure_ascii=False), story_id))

    # -- entities ---------------------------------------------------------------

    def mention_holders(self) -> Iterator[SimpleNamespace]:
        """Every article's id, story and name mentions, without loading whole articles."""
        for row in self.conn.execute(
                "SELECT id, story_id, json_extract(data, '$.mentions') AS m FROM articles "
                "ORDER BY rowid"):
            yield SimpleNamespace(id=row["id"], story_id=row["story_id"],
                                  mentions=[Mention(**m) for m in json.loads(row["m"] or "[]")])

    def put_entities(self, resolution: Any) -> None:
        """Replace the corpus's entities with a `storyline.entities.Resolution` (in a
        transaction), with the map from each article's names to them."""
        self.conn.execute("DELETE FROM entities")
        self.conn.execute("DELETE FROM entity_names")
        self.conn.executemany(
            "INSERT INTO entities (id, name, type, articles, data) VALUES (?, ?, ?, ?, ?)",
            [(e.id, e.name, e.type, len(e.article_ids), json.dumps(asdict(e), ensure_ascii=False))
             for e in resolution.entities])
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_names (article_id, name, type, entity_id) "
            "VALUES (?, ?, ?, ?)",
            [(article_id, name, type_, entity_id)
             for (article_id, name, type_), entity_id in resolution.names()])

    def entities(self, *, type: str | None = None, name: str | None = None,
                 story_id: str | None = None) -> list[Entity]:
        """People, organizations and places, most articles first."""
        sql, args, where = "SELECT data FROM entities e", [], []
        if type:
            where.append("e.type = ?"), args.append(type)
        if name:
            where.append("(e.name LIKE ? OR e.data LIKE ?)"), args.extend([f"%{name}%"] * 2)
        if story_id:
            story = self.story(story_id)
            where.append("e.id IN (SELECT n.entity_id FROM entity_names n JOIN articles a "
                         "ON a.id = n.article_id WHERE a.story_id = ?)")
            args.append(story.id if story else story_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.articles DESC, e.name"
        return [Entity(**json.loads(r["data"])) for r in self.conn.execute(sql, args)]

    def with_speakers(self, article: Article) -> Article:
        """The article with each quote's `speaker` set to the entity its speaker names."""
        names = {(r["name"]): r["entity_id"] for r in self.conn.execute(
            "SELECT name, entity_id FROM entity_names WHERE article_id = ?", (article.id,))}
        for quote in article.quotes:
            quote.speaker = names.get(quote.speaker_name or "", quote.speaker)
        return article


def _story(data: str) -> Story:
    from dataclasses import fields

    d = json.loads(data)
    known = {f.name for f in fields(Story)}
    d = {k: v for k, v in d.items() if k in known}
    d["timeline"] = [Event(**e) for e in d.get("timeline", [])]
    return Story(**d)
