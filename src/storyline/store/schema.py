"""The database schema, as numbered migrations.

`PRAGMA user_version` holds the number of migrations applied. A new version
appends a migration here; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

from ..errors import Code, StorylineError

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
    # 2: story grouping (storyline.stories): membership with copies, the per-story
    #    representation and its inverted index, incremental document frequencies,
    #    MinHash signatures and LSH bands, merges and the aliases they leave.
    """
    CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        copy_of TEXT,                   -- the original's article id, for a near-duplicate
        score REAL,                     -- similarity that placed it (NULL: started the story)
        added_at TEXT NOT NULL
    );
    CREATE INDEX story_members_story ON story_members(story_id);
    CREATE TABLE story_state (
        story_id TEXT PRIMARY KEY,
        first_date TEXT,                -- YYYY-MM-DD of the earliest dated member, or NULL
        last_date TEXT,
        size INTEGER NOT NULL,          -- members that are not copies
        centroid TEXT NOT NULL,         -- {term: weight}, the heaviest terms of the members
        names TEXT NOT NULL,            -- {name: weight}
        sources TEXT NOT NULL           -- {outlet: articles}
    );
    CREATE TABLE story_terms (
        term TEXT NOT NULL,             -- a term, or "@name" for a name
        story_id TEXT NOT NULL,
        weight REAL NOT NULL,
        last_date TEXT NOT NULL,        -- the story's last date ('9999-12-31' when undated)
        PRIMARY KEY (term, story_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_terms_recent ON story_terms(term, last_date);
    CREATE INDEX story_terms_heavy ON story_terms(term, weight);
    CREATE INDEX story_terms_story ON story_terms(story_id);
    CREATE TABLE term_df (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE story_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE minhash (
        article_id TEXT PRIMARY KEY,
        date TEXT,
        signature BLOB NOT NULL,        -- uint64 hash values
        size INTEGER NOT NULL           -- distinct shingles
    );
    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        hash INTEGER NOT NULL,
        date TEXT NOT NULL,             -- '' when undated
        article_id TEXT NOT NULL
    );
    CREATE INDEX minhash_bands_key ON minhash_bands(band, hash, date);
    CREATE INDEX minhash_bands_article ON minhash_bands(article_id);
    CREATE TABLE story_aliases (
        alias TEXT PRIMARY KEY,         -- a story id that was merged away
        story_id TEXT NOT NULL
    );
    CREATE TABLE story_merges (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        into_id TEXT NOT NULL,
        from_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        similarity REAL NOT NULL,
        articles_moved INTEGER NOT NULL
    );
    """,
    # 3: entities across the corpus (storyline.entities.resolve), and which entity
    #    each article's names stand for (quote speakers, a story's people).
    """
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,             -- PERSON | ORG | LOC
        articles INTEGER NOT NULL,
        data TEXT NOT NULL              -- the whole Entity as JSON
    );
    CREATE INDEX entities_type ON entities(type, articles);
    CREATE TABLE entity_names (
        article_id TEXT NOT NULL,
        name TEXT NOT NULL,             -- Mention.name in that article
        type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        PRIMARY KEY (article_id, name, type)
    ) WITHOUT ROWID;
    CREATE INDEX entity_names_entity ON entity_names(entity_id);
    """,
    # 4: the journal of corpus work still to do (storyline.store.work), so that a build
    #    killed between or inside the corpus stages finishes them next time.
    """
    CREATE TABLE pending_work (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,             -- templates | group | story | entities
        key TEXT NOT NULL,              -- a source key, an article id, a story id, or "*"
        UNIQUE (kind, key)
    );
    """,
    # 5: articles carry their authors and every title candidate (`Article.authors`,
    #    `Article.title_evidence`, kept in `data`). Articles stored before are read again
    #    by the next build: their content hash is cleared (so each counts as changed and
    #    keeps its id and story) and the input files are forgotten (so they are read).
    """
    UPDATE articles SET content_hash = '';
    DELETE FROM files;
    """,
    # 6: corrections people make (`storyline fix`, storyline.corrections): each its own
    #    record with who made it and when, re-applied after every build until undone.
    """
    CREATE TABLE IF NOT EXISTS corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,             -- rename | merge | move | date
        target TEXT NOT NULL,           -- the story or article id it corrects
        value TEXT NOT NULL,            -- JSON: what it sets ({"title"}, {"into"}, {"to"}, {"date"})
        note TEXT,
        who TEXT NOT NULL,
        at TEXT NOT NULL,
        before TEXT,                    -- JSON: what the machine had, to undo it
        undone_by TEXT,
        undone_at TEXT
    );
    CREATE INDEX IF NOT EXISTS corrections_target ON corrections(target);
    """,
    # 7: the cross-outlet comparison compares the outlets' claims (storyline.timeline.claims),
    #    not their strings: the next build tells every story again, comparison included.
    """
    INSERT OR IGNORE INTO pending_work (kind, key) SELECT 'story', id FROM stories;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to `SCHEMA_VERSION`; returns the version it was at."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise StorylineError(Code.E104, f"database schema v{version} is newer than this storyline "
                           f"(v{SCHEMA_VERSION}); upgrade storyline")
    for number in range(version, SCHEMA_VERSION):
        # One script, one transaction: a migration is applied whole or not at all.
        conn.executescript("BEGIN;" + MIGRATIONS[number]
                           + f"; PRAGMA user_version = {number + 1}; COMMIT;")
    return version
