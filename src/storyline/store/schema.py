"""The database schema, as numbered migrations.

`PRAGMA user_version` holds the number of migrations applied. A new version
appends a migration here; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

from ..errors import StorylineError

__all__ = ["MIGRATIONS", "migrate", "SCHEMA_VERSION"]

MIGRATIONS: list[str] = [
    # 1: articles with full-text search, input files, builds and their problems,
    #    template-line evidence, stories.
    """
    CREATE TABLE files (
        path TEXT PRIMARY KEY,          -- absolute path
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        problems INTEGER NOT NULL,
        done_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        path TEXT NOT NULL,
        locator TEXT,
        url TEXT,
        source TEXT,
        title TEXT,
        published TEXT,                 -- YYYY-MM-DD or NULL, for sorting and filtering
        body TEXT NOT NULL,
        story_id TEXT,
        data TEXT NOT NULL,             -- the whole Article as JSON
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_source ON articles(source);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='rowid', tokenize='porter unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
            VALUES ('delete', old.rowid, old.title, old.body);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
            VALUES ('delete', old.rowid, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    CREATE TABLE template_lines (
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (source, key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX template_lines_article ON template_lines(article_id);
    CREATE TABLE builds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        paths TEXT NOT NULL,
        summary TEXT
    );
    CREATE TABLE problems (
        build_id INTEGER NOT NULL REFERENCES builds(id),
        code TEXT NOT NULL,
        path TEXT NOT NULL,
        place TEXT,
        detail TEXT,
        skipped INTEGER NOT NULL
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        data TEXT NOT NULL,             -- the whole Story as JSON
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to `SCHEMA_VERSION`; returns the version it was at."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise StorylineError(f"database schema v{version} is newer than this storyline "
                           f"(v{SCHEMA_VERSION}); upgrade storyline")
    for number in range(version, SCHEMA_VERSION):
        # One script, one transaction: a migration is applied whole or not at all.
        conn.executescript("BEGIN;" + MIGRATIONS[number]
                           + f"; PRAGMA user_version = {number + 1}; COMMIT;")
    return version
