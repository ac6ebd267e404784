"""Executors: where per-article work runs. Every executor gives the same results in input
order with a bounded number of tasks in flight; a build on Ray stores what a local build
stores, even when a worker dies mid-task or the whole job is killed and run again."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import storyline
from storyline.errors import StorylineError
from storyline.executor import ProcessExecutor, SerialExecutor, make_executor

from dying_builds import CORPUS, export


def square(x: int) -> int:
    return x * x


def test_the_process_pool_keeps_order_and_a_bounded_window():
    pulled = []

    def items():
        for i in range(20):
            pulled.append(i)
            yield i

    pool = ProcessExecutor(2, tasks_per_worker=8)   # workers replaced every 8 tasks
    try:
        out = pool.map(square, items())
        first = next(out)
        assert first == 0 and len(pulled) <= 2 * 2   # not the whole corpus read ahead
        assert [first, *out] == [i * i for i in range(20)]
    finally:
        pool.close()


def test_make_executor_names():
    assert isinstance(make_executor(1), SerialExecutor)
    with pytest.raises(StorylineError) as err:
        make_executor(1, "spark")
    assert err.value.code.name == "E110" and "local, ray" in str(err.value)


def test_the_build_reports_each_stages_cpu_seconds(tmp_path):
    with storyline.Store(str(tmp_path / "s.db")) as store:
        summary = storyline.build([str(CORPUS / "wire")], store, stderr=None)
    seconds = summary.stage_seconds
    assert {"read", "extract", "clean", "date", "timex", "language", "entities", "quotes",
            "store", "templates", "grouping", "timelines", "entity_resolution"} <= set(seconds)
    assert seconds["language"] > 0 and all(v >= 0 for v in seconds.values())


# -- Ray ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ray_cluster():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    # Ray's workers cannot import this test module: its functions travel by value.
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def local_export(tmp_path_factory):
    """What a local build of the example corpus stores."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    with storyline.Store(str(db)) as store:
        assert storyline.build([str(CORPUS)], store, stderr=None).ok
    return export(db)


# The kill tests build part of the corpus: two outlets, 9 articles (time is the workers').
PART = [str(CORPUS / "riverton-ledger"), str(CORPUS / "wire")]


@pytest.fixture(scope="module")
def part_export(tmp_path_factory):
    db = tmp_path_factory.mktemp("part") / "part.db"
    with storyline.Store(str(db)) as store:
        assert storyline.build(PART, store, stderr=None).ok
    return export(db)


def test_a_build_on_ray_stores_what_a_local_build_stores(ray_cluster, local_export, tmp_path):
    from storyline.executor import RayExecutor

    db = tmp_path / "ray.db"
    with storyline.Store(str(db)) as store:
        summary = storyline.build([str(CORPUS)], store, stderr=None, executor=RayExecutor())
    assert summary.ok and summary.stage_seconds["language"] > 0
    got = export(db)
    assert got["stories"] == local_export["stories"]      # the same stories and timelines
    assert got == local_export


class DiesOnce:
    """Runs `fn`, except that the first call anywhere kills its worker process outright
    (the marker file says a call has died)."""

    def __init__(self, fn, marker: str) -> None:
        self.fn, self.marker = fn, marker

    def __call__(self, item):
        if not os.path.exists(self.marker):
            Path(self.marker).write_text(str(os.getpid()))
            os._exit(1)   # the worker dies mid-task, as a killed node's would
        return self.fn(item)


def test_a_worker_killed_mid_task_costs_no_article(ray_cluster, part_export, tmp_path):
    from storyline.executor import RayExecutor

    class Dying(RayExecutor):
        def map(self, fn, items):
            return super().map(DiesOnce(fn, str(tmp_path / "died")), items)

    db = tmp_path / "ray.db"
    with storyline.Store(str(db)) as store:
        assert storyline.build(PART, store, stderr=None, executor=Dying()).ok
    assert (tmp_path / "died").exists()      # a worker did die, and its task ran again
    assert export(db) == part_export


_DIE_AFTER_FIRST_BATCH = textwrap.dedent("""
    import os, sys
    import storyline._build as b
    b.BATCH = 5
    original = b._write
    def dying(*args):
        original(*args)
        if args[1]:
            os._exit(137)     # killed after its first batch of articles was stored
    b._write = dying
    from storyline.cli import main
    sys.exit(main(["build", *sys.argv[3:], "--db", sys.argv[1], "-q", "--executor", "ray",
                   "--ray-address", sys.argv[2]]))
""")


def test_a_killed_ray_job_run_again_ends_equal(ray_cluster, part_export, tmp_path):
    from storyline.cli import main

    address = ray_cluster.get_runtime_context().gcs_address
    db = tmp_path / "job.db"
    killed = subprocess.run([sys.executable, "-c", _DIE_AFTER_FIRST_BATCH, str(db), address,
                             *PART], capture_output=True, text=True, timeout=600)
    assert killed.returncode == 137, killed.stderr[-2000:]
    with storyline.Store(str(db), readonly=True) as store:
        assert 0 < store.articles.count() < len(part_export["articles"])   # died midway
    assert main(["build", *PART, "--db", str(db), "-q", "--executor", "ray",
                 "--ray-address", address]) == 0
    assert export(db) == part_export


def test_build_profile_prints_where_the_time_went(tmp_path, capsys):
    from storyline.cli import main

    assert main(["build", str(CORPUS / "wire"), "--db", str(tmp_path / "p.db"), "-q",
                 "--profile"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("storyline: CPU seconds by stage (all workers)")
    stages = [line.split()[1] for line in err[1:]]
    assert "language" in stages and "grouping" in stages and len(stages) == len(set(stages))


def test_a_local_worker_killed_mid_task_costs_no_result(tmp_path):
    pool = ProcessExecutor(2)
    try:
        dies = DiesOnce(square, str(tmp_path / "died"))
        assert list(pool.map(dies, range(12))) == [i * i for i in range(12)]
        assert (tmp_path / "died").exists()
    finally:
        pool.close()


def test_a_task_that_kills_every_worker_stops_the_map(tmp_path):
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessExecutor(1, retries=1)
    try:
        with pytest.raises(BrokenProcessPool, match="died 2 times"):
            list(pool.map(always_dies, [1]))
    finally:
        pool.close()


def always_dies(x):
    os._exit(1)
