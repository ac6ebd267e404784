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
    """A process pool with a bounded number of chunks in flight, results in input order."""

    def __init__(self, workers: int, chunk_size: int = 16) -> None:
        self.workers = workers
        self.chunk_size = chunk_size
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        # Items travel in chunks: one round trip per article costs more than
        # cleaning a short article.
        in_flight: deque[Future[list[R]]] = deque()
        limit = self.workers * 4
        for chunk in _chunks(items, self.chunk_size):
            in_flight.append(self.pool.submit(_map_chunk, fn, chunk))
            if len(in_flight) >= limit:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _map_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(item) for item in chunk]


def make_executor(workers: int | None) -> Executor:
    """workers: 1 runs in-process; 0 or None uses every core."""
    n = workers if workers and workers > 0 else (os.cpu_count() or 1)
    return SerialExecutor() if n == 1 else ProcessExecutor(n)
