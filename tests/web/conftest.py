"""The web tests' server: the app on the example corpus's store, and on the hostile
store of tests/export (every field a reader sees full of script and links)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'storyline[web]'")

from fastapi.testclient import TestClient  # noqa: E402

from storyline.web import create_app  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from test_hostile_in_browser import store_path  # noqa: E402,F401  (the hostile store fixture)


@pytest.fixture(scope="session")
def client(example_db) -> TestClient:
    return TestClient(create_app(example_db))


@pytest.fixture(scope="module")
def hostile_client(store_path) -> TestClient:  # noqa: F811
    return TestClient(create_app(store_path))
