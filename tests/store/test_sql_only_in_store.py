"""The store is the only door to the database: no SQL runs from anywhere else."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import storyline
from storyline import query
from storyline.store import Store

PACKAGE = Path(storyline.__file__).resolve().parent
STORE = PACKAGE / "store"
CORPUS = PACKAGE.parents[1] / "examples" / "corpus"


def _outside_store() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if STORE not in p.parents]


def test_no_module_outside_the_store_touches_a_connection():
    offences = []
    for path in _outside_store():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                if "sqlite3" in names:
                    offences.append(f"{path.name}:{node.lineno} imports sqlite3")
            elif isinstance(node, ast.Attribute) and node.attr in (
                    "execute", "executemany", "executescript", "conn", "_conn", "_db"):
                offences.append(f"{path.relative_to(PACKAGE)}:{node.lineno} .{node.attr}")
    assert offences == []


def _caller_outside_store(frame) -> str | None:
    """The first storyline frame above a statement, when it is not in store/."""
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if PACKAGE in path.parents:
            return None if STORE in path.parents else f"{path.relative_to(PACKAGE)}:{frame.f_lineno}"
        frame = frame.f_back
    return None


def test_a_build_and_every_query_run_their_sql_in_the_store(tmp_path, monkeypatch):
    strangers: list[str] = []

    def watch(statement: str) -> None:
        where = _caller_outside_store(sys._getframe(1))
        if where:
            strangers.append(f"{where}: {statement[:60]}")

    original = Store.__init__

    def traced(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self._conn.set_trace_callback(watch)

    monkeypatch.setattr(Store, "__init__", traced)
    db = str(tmp_path / "s.db")
    with Store(db) as store:
        storyline.build([str(CORPUS)], store, stderr=None)
        assert store.articles.count() > 0            # the trace saw real work
    with Store(db, readonly=True) as store:
        story = query.story(store)
        query.stories(store, sort="recency")
        query.search(store, "spill", story=story["story"]["id"], limit=2)
        entity = query.entities(store, limit=1)[0]
        query.entity(store, entity["id"])
        query.article(store, story["story"]["article_ids"][0])
        query.speakers(store)
        storyline.export.write(store, "json", open(tmp_path / "out.json", "w"))
    assert strangers == []
