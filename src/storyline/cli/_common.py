"""Options and helpers every command shares."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from ..store import DEFAULT_DB, Store

__all__ = ["add_db", "add_json", "open_store", "print_json"]


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=os.environ.get("STORYLINE_DB", DEFAULT_DB),
                        help=f"database file (default: $STORYLINE_DB or ./{DEFAULT_DB})")


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def open_store(args: argparse.Namespace, create: bool = False) -> Store:
    """The build's store (`create`), or a read-only one for a command that only reads."""
    return Store(args.db, create=create, readonly=not create)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
