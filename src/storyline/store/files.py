"""Input files read whole: what lets a build skip what it has already read."""

from __future__ import annotations

import os

from ._common import Table, now

__all__ = ["Files"]


class Files(Table):
    def unchanged(self, path: str) -> bool:
        """Whether `path` was fully read before and has not changed since."""
        try:
            st = os.stat(path)
        except OSError:
            return False
        row = self._db.execute("SELECT size, mtime_ns FROM files WHERE path = ?",
                               (os.path.abspath(path),)).fetchone()
        return row is not None and row["size"] == st.st_size and row["mtime_ns"] == st.st_mtime_ns

    def mark_done(self, path: str, articles: int, problems: int) -> None:
        st = os.stat(path)
        self._db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
            (os.path.abspath(path), st.st_size, st.st_mtime_ns, articles, problems, now()))
