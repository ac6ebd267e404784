"""Export tests' helper: a store written in one export format, as text."""

from __future__ import annotations

import io
from typing import Callable

import pytest

from storyline import export
from storyline.store import Store


def _exported(db: str, fmt: str, **options) -> str:
    out = io.StringIO()
    with Store(db, readonly=True) as store:
        export.write(store, fmt, out, **options)
    return out.getvalue()


@pytest.fixture(scope="session")
def exported() -> Callable[..., str]:
    """exported(db, fmt, **options): the store at `db` (opened read-only) written as
    format `fmt` (options: `export.write`'s, e.g. story=, text=)."""
    return _exported
