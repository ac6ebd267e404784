"""The web tests' server: the app on the example corpus's store, and on the hostile
store of tests/export (every field a reader sees full of script and links)."""

from __future__ import annotations

import socket
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

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


@contextmanager
def serving(db: str, **options) -> Iterator[str]:
    """The app on `db` (`create_app`'s `options`) served by uvicorn in a thread on a free
    loopback port: its base URL."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(db, **options), log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
