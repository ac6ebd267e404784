"""Articles: the whole `Article` as JSON, with the columns views sort, filter and search by."""

from __future__ import annotations

import json
import sqlite3
from types import SimpleNamespace
from typing import Any, Iterable, Iterator

from ..errors import Code, StorylineError
from ..model import Article
from ._common import Table, id_list, now

__all__ = ["Articles", "SearchPage"]


def _article(row: sqlite3.Row) -> Article:
    article = Article.from_dict(json.loads(row["data"]))
    # Story grouping writes the column only: it is the truth for membership.
    article.story_id = row["story_id"]
    return article


class SearchPage(list):
    """Search hits, best first, with `next`: the cursor of the following page (None at the end)."""

    next: str | None = None


class Articles(Table):
    def state(self, article_id: str, content_hash: str) -> str:
        """"same" (stored, unchanged), "duplicate" (same content stored under another
        id), "changed" or "new"."""
        row = self._db.execute("SELECT content_hash FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
        if row is not None:
            return "same" if row["content_hash"] == content_hash else "changed"
        dup = self._db.execute("SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1",
                               (content_hash,)).fetchone()
        return "duplicate" if dup else "new"

    def put(self, article: Article) -> None:
        """Insert or replace one article (inside a transaction); a stored article keeps its story."""
        stamp = now()
        o = article.origin
        self._db.execute(
            """INSERT INTO articles (id, content_hash, path, locator, url, source, title, published,
                                     body, story_id, data, added_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET
                 content_hash=excluded.content_hash, path=excluded.path, locator=excluded.locator,
                 url=excluded.url, source=excluded.source, title=excluded.title,
                 published=excluded.published, body=excluded.body, data=excluded.data,
                 updated_at=excluded.updated_at""",
            (article.id, article.content_hash, o.path, o.locator, o.url, article.source,
             article.title, article.published.date, article.body, article.story_id,
             _data(article), stamp, stamp))

    def update(self, article: Article) -> None:
        """Write back an article a later stage changed (same id and content; inside a transaction)."""
        self._db.execute(
            "UPDATE articles SET body = ?, title = ?, published = ?, data = ?, updated_at = ? "
            "WHERE id = ?",
            (article.body, article.title, article.published.date, _data(article), now(),
             article.id))

    def set_story(self, article_id: str, story_id: str) -> None:
        self._db.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))

    def get(self, ref: str) -> Article | None:
        """By id, unique id prefix, or path."""
        row = self._db.execute("SELECT data, story_id FROM articles WHERE id = ?",
                               (ref,)).fetchone()
        if row is None:
            rows = self._db.execute(
                "SELECT data, story_id FROM articles WHERE id LIKE ? OR path = ? LIMIT 2",
                (ref + "%", ref)).fetchall()
            if len(rows) > 1:
                raise StorylineError(Code.E107, f"{ref!r} names more than one article; give more of the id")
            row = rows[0] if rows else None
        return _article(row) if row else None

    def all(self, *, source: str | list[str] | None = None, story_id: str | None = None,
            ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Articles, oldest first (undated last), in a stable order. `source`: one outlet
        or any of a list."""
        for row in self._listed("data, story_id", source, story_id, ids):
            yield _article(row)

    def quote_holders(self, *, story_id: str | None = None,
                      ids: Iterable[str] | None = None) -> Iterator[SimpleNamespace]:
        """What lists and quotes show of each article (id, title, published, source,
        story_id, quotes as stored: dicts of `Quote.to_dict`), in `all`'s order, without
        loading whole articles (a story page of hundreds of articles reads only these)."""
        columns = "id, title, published, source, story_id, json_extract(data, '$.quotes') AS q"
        for row in self._listed(columns, None, story_id, ids):
            yield SimpleNamespace(id=row["id"], title=row["title"], published=row["published"],
                                  source=row["source"], story_id=row["story_id"],
                                  quotes=json.loads(row["q"] or "[]"))

    def _listed(self, columns: str, source: str | list[str] | None, story_id: str | None,
                ids: Iterable[str] | None) -> sqlite3.Cursor:
        """These columns of the articles the filters pick, oldest first (undated last)."""
        sql, args, where = f"SELECT {columns} FROM articles", [], []
        if source:
            where.append(_one_of("source", source)), args.append(_ids_or_one(source))
        if story_id:
            where.append("story_id = ?"), args.append(story_id)
        if ids is not None:
            where.append("id IN (SELECT value FROM json_each(?))"), args.append(id_list(ids))
        if where:
            sql += " WHERE " + " AND ".join(where)
        return self._db.execute(sql + " ORDER BY published IS NULL, published, path, locator", args)

    def sources(self) -> list[str]:
        """Every outlet name stored, in order."""
        return [r[0] for r in self._db.execute(
            "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source")]

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def sort_keys(self, ids: list[str]) -> dict[str, tuple[str | None, str]]:
        """{id: (published, content hash)} of the stored ones among `ids`."""
        keys = {}
        for start in range(0, len(ids), 500):
            for row in self._db.execute(
                    "SELECT id, published, content_hash FROM articles "
                    "WHERE id IN (SELECT value FROM json_each(?))",
                    (json.dumps(ids[start:start + 500]),)):
                keys[row[0]] = (row[1], row[2] or "")
        return keys

    def openings(self, ids: Iterable[str], chars: int = 400) -> dict[str, str]:
        """{id: the first `chars` characters of the body}."""
        return {r[0]: r[1] for r in self._db.execute(
            "SELECT id, substr(body, 1, ?) FROM articles WHERE id IN "
            "(SELECT value FROM json_each(?))", (chars, id_list(ids)))}

    def stories_of(self, ids: Iterable[str]) -> set[str]:
        """The stories now holding these articles."""
        return {r[0] for r in self._db.execute(
            "SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL AND id IN "
            "(SELECT value FROM json_each(?))", (id_list(ids),))}

    def story_counts(self, query: str) -> dict[str, int]:
        """{story id: how many of its articles match the full-text `query`}."""
        try:
            rows = self._db.execute(
                "SELECT a.story_id, count(*) FROM articles_fts JOIN articles a "
                "ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? "
                "AND a.story_id IS NOT NULL GROUP BY a.story_id", (query,)).fetchall()
        except sqlite3.OperationalError as err:
            raise StorylineError(Code.E109, f"bad search query {query!r}: {err}") from None
        return {r[0]: r[1] for r in rows}

    def search(self, query: str, *, story_id: str | None = None,
               source: str | list[str] | None = None,
               since: str | None = None, until: str | None = None,
               entity_id: str | None = None, limit: int = 20,
               after: str | None = None, marks: tuple[str, str] = ("[", "]")) -> SearchPage:
        """Full-text search over titles and bodies, best first, with snippets.

        Filters: story, outlet, published date range (YYYY-MM-DD, inclusive; undated
        articles are left out by a date filter), an entity named in the article.
        Keyset pagination: `after` is the `next` cursor of the page before.
        `marks` open and close each matched word in the snippet.
        """
        where, args = ["articles_fts MATCH ?"], [query]
        if story_id:
            where.append("a.story_id = ?"), args.append(story_id)
        if source:
            where.append(_one_of("a.source", source)), args.append(_ids_or_one(source))
        if since:
            where.append("a.published >= ?"), args.append(since)
        if until:
            where.append("substr(a.published, 1, 10) <= ?"), args.append(until)
        if entity_id:
            where.append("a.id IN (SELECT article_id FROM entity_names WHERE entity_id = ?)")
            args.append(entity_id)
        sql = f"""SELECT * FROM (
                    SELECT a.rowid AS rowid, a.id, a.title, a.source, a.published, a.story_id,
                           snippet(articles_fts, 1, ?, ?, ' … ', 16) AS snippet,
                           bm25(articles_fts, 5.0, 1.0) AS score
                    FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                    WHERE {' AND '.join(where)})"""
        if after:
            score, rowid = _cursor(after)
            sql += " WHERE score > ? OR (score = ? AND rowid > ?)"
            args += [score, score, rowid]
        sql += " ORDER BY score, rowid LIMIT ?"
        args = [*marks, *args, limit + 1]      # the snippet's marks come first in the SQL
        try:
            rows = [dict(r) for r in self._db.execute(sql, args)]
        except sqlite3.OperationalError as err:
            raise StorylineError(Code.E109, f"bad search query {query!r}: {err}") from None
        page = SearchPage(rows[:limit])
        if len(rows) > limit:
            last = rows[limit - 1]
            page.next = f"{last['rowid']}:{last['score']!r}"   # no leading "-" for a CLI
        for hit in page:
            del hit["rowid"]
        return page


def _one_of(column: str, value: str | list[str]) -> str:
    """A filter on `column`: equal to one value, or in a list (one JSON parameter)."""
    return f"{column} = ?" if isinstance(value, str) else \
        f"{column} IN (SELECT value FROM json_each(?))"


def _ids_or_one(value: str | list[str]) -> str:
    return value if isinstance(value, str) else id_list(value)


def _cursor(text: str) -> tuple[float, int]:
    try:
        rowid, score = text.split(":", 1)
        return float(score), int(rowid)
    except ValueError:
        raise StorylineError(Code.E110, f"bad page cursor {text!r}: give the `next` value of a "
                             "search result") from None


def _data(article: Article) -> str:
    data: dict[str, Any] = article.to_dict()
    return json.dumps(data, ensure_ascii=False)
