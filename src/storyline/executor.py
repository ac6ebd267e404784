"""Where per-article work runs: in this process, or a pool of worker processes.

Executors map a function over an iterable lazily and in order, holding only a
bounded number of items in flight, so memory stays flat however large the
corpus. A Ray executor for clusters plugs in behind the same `map`.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, Protocol, TypeVar

__all__ = ["Executor", "SerialExecutor", "ProcessExecutor", "make_executor"]

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...
    def close(self) -> None: ...


class SerialExecutor:
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return (fn(item) for item in items)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A process pool with at most `workers * 8` items in flight, results in input order."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        in_flight: deque[Future[R]] = deque()
        limit = self.workers * 8
        for item in items:
            in_flight.append(self.pool.submit(fn, item))
            if len(in_flight) >= limit:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def make_executor(workers: int | None) -> Executor:
    """workers: 1 runs in-process; 0 or None uses every core."""
    n = workers if workers and workers > 0 else (os.cpu_count() or 1)
    return SerialExecutor() if n == 1 else ProcessExecutor(n)
