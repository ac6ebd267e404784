"""Where per-article work runs: in this process, a pool of worker processes, or Ray.

Executors map a function over an iterable lazily and in order, holding only a
bounded number of items in flight, so memory stays flat however large the
corpus. The build hands them chunks of documents (`storyline._build.CHUNK`), so
one item is one task: a round trip per article would cost more than cleaning it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator, Protocol, TypeVar

from .errors import Code, StorylineError

__all__ = ["Executor", "SerialExecutor", "ProcessExecutor", "RayExecutor", "make_executor",
           "EXECUTORS"]

T = TypeVar("T")
R = TypeVar("R")

# Names `make_executor` (and `storyline build --executor`) accept.
EXECUTORS = ("local", "ray")
# Tasks a worker process runs before it is replaced by a fresh one: trafilatura's and
# lxml's caches grow with every page read, and a worker that lives for a million
# articles would hold them all. 200 chunks of 16 documents = 3,200 articles, so the
# ~1.5 s a new worker takes to load the language model is lost in the noise.
TASKS_PER_WORKER = 200


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...
    def close(self) -> None: ...


class SerialExecutor:
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return (fn(item) for item in items)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A pool of worker processes, a bounded number of tasks in flight, results in input
    order. Workers are started fresh (spawn: a forked copy of a parent holding a store
    and a model is no clean worker) and replaced after `tasks_per_worker` tasks. A worker
    that dies (killed, out of memory) breaks the pool: a new pool runs the tasks in flight
    again, each up to `retries` times (a task that kills every worker it meets is not
    tried for ever)."""

    def __init__(self, workers: int, tasks_per_worker: int = TASKS_PER_WORKER,
                 retries: int = 2) -> None:
        self.workers = workers
        self.tasks_per_worker = tasks_per_worker
        self.retries = retries
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers,
                                   mp_context=multiprocessing.get_context("spawn"),
                                   max_tasks_per_child=self.tasks_per_worker)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        in_flight: deque[list[Any]] = deque()   # [item, future, tries]
        limit = self.workers * 2   # enough to keep every worker busy, no more in memory
        items = iter(items)
        while True:
            while len(in_flight) < limit:
                item = next(items, _END)
                if item is _END:
                    break
                in_flight.append([item, self.pool.submit(fn, item), 0])
            if not in_flight:
                return
            try:
                result = in_flight[0][1].result()
            except BrokenProcessPool:
                self._restart(fn, in_flight)
                continue
            in_flight.popleft()
            yield result

    def _restart(self, fn: Callable, in_flight: deque[list[Any]]) -> None:
        """A worker died: every task in flight runs again on a new pool."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._new_pool()
        for task in in_flight:
            task[2] += 1
            if task[2] > self.retries:
                raise BrokenProcessPool(f"a worker died {task[2]} times running the same task")
            task[1] = self.pool.submit(fn, task[0])

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


_END = object()


class RayExecutor:
    """Tasks on a Ray cluster (`pip install 'storyline[ray]'`), results in input order.

    `address`: a running cluster ("auto", "ray://head:10001"); None joins the cluster
    this process is already connected to, else starts a local one (`ray.init()`). A task
    whose worker dies is retried by Ray (`max_retries`), so a killed worker costs its
    task's time, not its articles. At most `in_flight` tasks (default two per CPU of
    the cluster) are submitted ahead of the one the build waits for.
    """

    def __init__(self, address: str | None = None, *, in_flight: int | None = None,
                 max_retries: int = 3, num_cpus: float = 1) -> None:
        ray = _import_ray()
        if not ray.is_initialized():
            ray.init(address=address, ignore_reinit_error=True, log_to_driver=False,
                     include_dashboard=False)
        self.ray = ray
        self.in_flight = in_flight or max(2, 2 * int(ray.cluster_resources().get("CPU", 1)))
        self.remote = ray.remote(max_retries=max_retries, num_cpus=num_cpus,
                                 retry_exceptions=False)(_call)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        fn_ref = self.ray.put(fn)   # sent once, not with every task
        in_flight: deque[Any] = deque()
        for item in items:
            in_flight.append(self.remote.remote(fn_ref, item))
            if len(in_flight) >= self.in_flight:
                yield self.ray.get(in_flight.popleft())
        while in_flight:
            yield self.ray.get(in_flight.popleft())

    def close(self) -> None:
        pass   # the cluster outlives the build; ray.shutdown() is the caller's to call


def _call(fn: Callable[[T], R], item: T) -> R:
    return fn(item)


def _import_ray():
    try:
        import ray
    except ImportError as err:
        raise StorylineError(Code.E115, "the Ray executor needs Ray: pip install "
                             f"'storyline[ray]' ({err})") from None
    return ray


def make_executor(workers: int | None, kind: str = "local", *,
                  address: str | None = None) -> Executor:
    """kind "local": workers 1 runs in-process, 0 or None uses every core; kind "ray":
    tasks on the Ray cluster at `address` (or $RAY_ADDRESS, or a local one)."""
    if kind == "ray":
        return RayExecutor(address or os.environ.get("RAY_ADDRESS"))
    if kind != "local":
        raise StorylineError(Code.E110, f"no executor {kind!r}: choose one of "
                             + ", ".join(EXECUTORS))
    n = workers if workers and workers > 0 else (os.cpu_count() or 1)
    return SerialExecutor() if n == 1 else ProcessExecutor(n)
