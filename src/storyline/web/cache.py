"""Rendered pages kept for as long as they hold: a story of a thousand articles takes
a second or more to read and render on a small machine, and readers ask for the same
pages again and again.

A page is kept with the store's version when it was read (SQLite's data_version, asked
of one connection that watches the database). While the store is unchanged, the kept
page is the page. Once a build has committed something, a kept page younger than
`lag` seconds is still served, as it was (whole, from one snapshot), while one
background thread renders it anew; one older than that is rendered before answering.
So while a build writes, pages trail the database by at most `lag` seconds; `lag=0`
renders every page anew after any change.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Hashable

from ..store import Store

__all__ = ["Pages"]


class Pages:
    def __init__(self, db: str, *, lag: float = 30.0, most_bytes: int = 64 << 20) -> None:
        self.lag = lag
        self.most_bytes = most_bytes
        self._watch = Store(db, readonly=True)      # never in a transaction: sees every commit
        self._lock = threading.Lock()
        self._kept: OrderedDict[Hashable, tuple[int, float, Any, int]] = OrderedDict()
        self._bytes = 0
        self._busy: dict[Hashable, threading.Event] = {}
        self._renew: queue.Queue[tuple[Hashable, Callable[[], tuple[Any, int]]]] = queue.Queue()
        self._renewer: threading.Thread | None = None

    def version(self) -> int:
        with self._lock:
            return self._watch.data_version()

    def get(self, key: Hashable, make: Callable[[], tuple[Any, int]]) -> Any:
        """The page `key`, kept or made now by `make` (-> (page, its size in bytes))."""
        while True:
            version = self.version()         # asked before any snapshot `make` reads
            with self._lock:
                kept = self._kept.get(key)
                if kept is not None:
                    same = kept[0] == version
                    if same or time.monotonic() - kept[1] < self.lag:
                        self._kept.move_to_end(key)
                        if not same and key not in self._busy:
                            self._busy[key] = threading.Event()
                            self._renew.put((key, make))
                            self._start_renewer()
                        return kept[2]
                busy = self._busy.get(key)
                if busy is None:
                    self._busy[key] = threading.Event()
                    break
            busy.wait()         # another request is making it: take theirs (or try again)
        return self._fill(key, version, make)

    def forget(self) -> None:
        """Drop every kept page (after this server wrote to the store: a correction
        shows on the next page at once, not `lag` seconds later)."""
        with self._lock:
            self._kept.clear()
            self._bytes = 0

    def _fill(self, key: Hashable, version: int, make: Callable[[], tuple[Any, int]]) -> Any:
        try:
            page, size = make()
            with self._lock:
                old = self._kept.pop(key, None)
                self._bytes -= old[3] if old else 0
                if size <= self.most_bytes // 4:        # one page may not crowd out the rest
                    self._kept[key] = (version, time.monotonic(), page, size)
                    self._bytes += size
                while self._bytes > self.most_bytes:
                    self._bytes -= self._kept.popitem(last=False)[1][3]
            return page
        finally:
            with self._lock:
                self._busy.pop(key).set()

    def _start_renewer(self) -> None:
        """One thread renews kept pages in turn (inside the lock): a busy build does
        not set every page renewing at once on a small machine."""
        if self._renewer is None or not self._renewer.is_alive():
            self._renewer = threading.Thread(target=self._renewing, daemon=True)
            self._renewer.start()

    def _renewing(self) -> None:
        while True:
            key, make = self._renew.get()
            try:
                self._fill(key, self.version(), make)
            except Exception:       # the page fails now (its story merged away): drop it
                with self._lock:
                    gone = self._kept.pop(key, None)
                    self._bytes -= gone[3] if gone else 0
