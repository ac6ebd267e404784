"""Store: the SQLite database every build writes and every view reads, and the only
code in storyline that speaks SQL.

One small class per table (or per few tables that only make sense together),
named in the domain model's words:

    store.articles    Articles    the articles, full-text search
    store.files       Files       input files read whole (incremental builds)
    store.templates   Templates   template-line evidence per outlet
    store.stories     Stories     stories as views read them, timelines, merges
    store.grouping    Grouping    what story grouping remembers between builds
    store.entities    Entities    entities and the names that stand for them
    store.builds      Builds      builds and their problems
    store.work        Work        the journal of corpus work still to do
    store.corrections Corrections corrections people made (`storyline fix`)

WAL mode, so readers see the last committed state while a build writes; each
article is written in a transaction together with its file's bookkeeping, so
a killed build never leaves half an article. A reader opens its own
connection (`Store(path, readonly=True)`, one per request in a server); used as
`with Store(path, readonly=True) as store:`, everything read in the block comes
from one snapshot, however many queries it takes.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from typing import Iterator

from ..errors import Code, StorylineError
from .articles import Articles, SearchPage
from .builds import Builds
from .corrections import Corrections
from .entities import Entities
from .files import Files
from .grouping import Grouping
from .schema import SCHEMA_VERSION, migrate
from .stories import Stories
from .templates import Templates
from .work import Work

__all__ = ["Store", "DEFAULT_DB", "SCHEMA_VERSION", "SearchPage", "as_storyline_error"]

DEFAULT_DB = "storyline.db"


class Store:
    def __init__(self, path: str = DEFAULT_DB, *, create: bool = True,
                 readonly: bool = False) -> None:
        if (readonly or not create) and path != ":memory:" and not os.path.exists(path):
            raise StorylineError(Code.E102, f"no database at {path}; run `storyline build PATH` first "
                                 "or give --db")
        self.path = path
        self.readonly = readonly
        self._conn = _connect(path, readonly)
        self.articles = Articles(self._conn)
        self.files = Files(self._conn)
        self.templates = Templates(self._conn)
        self.stories = Stories(self._conn)
        self.grouping = Grouping(self._conn)
        self.entities = Entities(self._conn)
        self.builds = Builds(self._conn)
        self.work = Work(self._conn)
        self.corrections = Corrections(self._conn)
        self._depth = 0

    def close(self) -> None:
        self._conn.close()

    def data_version(self) -> int:
        """A number that changes whenever another connection commits (SQLite's
        `PRAGMA data_version`): a reader kept open outside any transaction asks it to
        know whether what it read before may have changed."""
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def __enter__(self) -> "Store":
        if self.readonly:
            # A reader's `with` block reads one snapshot: what the last commit before
            # its first read held, whatever a build commits meanwhile (WAL).
            self._conn.execute("BEGIN")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.readonly and self._conn.in_transaction:
            self._conn.execute("ROLLBACK")
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all. A transaction opened inside
        another is part of it: a stage can record its results and that it is done as one."""
        if self.readonly:
            raise StorylineError(Code.E105, f"{self.path} is open read-only; writes need Store(path)")
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                # SQLite may have rolled back already (a full disk does): the real
                # error must not be lost behind "cannot rollback".
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
        except sqlite3.Error as err:
            raise as_storyline_error(err, self.path) or err
        finally:
            self._depth = 0


def as_storyline_error(err: BaseException, path: str | None = None) -> StorylineError | None:
    """A database error a user can act on, as one line saying what to do; None for others."""
    if not isinstance(err, sqlite3.Error):
        return None
    name = getattr(err, "sqlite_errorname", "") or ""
    where = path or "the database"
    if name.startswith("SQLITE_FULL") or "disk is full" in str(err):
        return StorylineError(Code.E111, f"no space left for {where} ({err}); free some disk "
                                         "space and run the build again: it resumes where it stopped")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")) \
            or "readonly" in str(err) or "unable to open" in str(err):
        return StorylineError(Code.E112, f"{where} cannot be written here ({err}): the file or "
                                         "its folder is read-only; give --db a writable place "
                                         "(reading commands still work on it)")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(err):
        return StorylineError(Code.E113, f"{where} is busy ({err}): another build is writing "
                                         "to it; run this one when it has finished")
    return None


def _connect(path: str, readonly: bool) -> sqlite3.Connection:
    if readonly and path != ":memory:":
        from urllib.parse import quote
        uri = f"file:{quote(os.path.abspath(path))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            conn.execute("PRAGMA user_version").fetchone()
        except sqlite3.OperationalError:
            # On read-only media a WAL database cannot make its shared-memory file:
            # nobody can write there, so it is read as it is.
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        if readonly:
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            if version != SCHEMA_VERSION:
                raise StorylineError(Code.E104,
                    f"{path} has database schema v{version}, this storyline reads "
                    f"v{SCHEMA_VERSION}: run `storyline build` to upgrade it"
                    if version < SCHEMA_VERSION else
                    f"database schema v{version} is newer than this storyline "
                    f"(v{SCHEMA_VERSION}); upgrade storyline")
        else:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            migrate(conn)
    except sqlite3.DatabaseError as err:
        conn.close()
        # A database on read-only media, a full disk, a locked file, or not a
        # database at all (a text file given as --db).
        raise as_storyline_error(err, path) or StorylineError(
            Code.E103, f"{path} is not a storyline database ({err})") from None
    except StorylineError:
        conn.close()
        raise
    return conn
