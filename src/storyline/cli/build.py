"""Read articles from files, folders, globs or stdin ("-"), clean and date them, and store them.

Re-running on the same inputs adds only new or changed articles; a build that
was killed picks up where it stopped.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys

from .. import _build as build_stage
from .. import nlp
from ..errors import Code, StorylineError
from ..executor import make_executor
from ..ingest import FieldMap, ReadOptions
from ._common import add_db, open_store, print_json

NAME = "build"
HELP = "ingest and analyse articles (incremental, resumable)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs, or - for stdin")
    add_db(p)
    p.add_argument("--workers", type=int, default=1,
                   help="worker processes for per-article work (0: one per core; default 1)")
    p.add_argument("--executor", choices=("local", "ray"), default="local",
                   help="where per-article work runs: local processes (default) or a Ray "
                        "cluster (pip install 'storyline[ray]'; the cluster at --ray-address, "
                        "$RAY_ADDRESS, or a new local one)")
    p.add_argument("--ray-address", default=None, metavar="ADDRESS",
                   help="the Ray cluster to run on, e.g. auto or ray://head:10001")
    p.add_argument("--field", action="append", default=[], metavar="NAME=FIELD",
                   help="dataset field mapping, e.g. --field text=maintext --field date=meta.published "
                        "(names: text, title, date, url, source, byline)")
    p.add_argument("--source", help="outlet name for every article read")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--crawl-date", metavar="DATE",
                      help="when the saved HTML pages were fetched (2024-03-01 or "
                           "2024-03-01T18:30:00Z): no page is dated after it (WARC records "
                           "carry their own)")
    when.add_argument("--mtime-date", action="store_true",
                      help="take each saved HTML file's modification time as the day it was "
                           "fetched (only if the files were not copied or unpacked since)")
    p.add_argument("--max-file-mb", type=int, default=50,
                   help="skip single-article files larger than this (default 50)")
    p.add_argument("--model", default=None, metavar="NAME",
                   help="language pipeline for sentences, names and quotes: storyline's own "
                        "(default), an installed spaCy package such as en_core_web_sm, or a path")
    p.add_argument("--no-language", action="store_true",
                   help="skip the language pipeline (no names or quotes; faster)")
    p.add_argument("--article-budget", type=float, default=build_stage.ARTICLE_BUDGET,
                   metavar="SECONDS", help="warn (W001) about articles whose per-article stages take "
                   f"more CPU seconds than this (default {build_stage.ARTICLE_BUDGET:g})")
    p.add_argument("--json", action="store_true", help="print the build summary as JSON on stdout")
    p.add_argument("--profile", action="store_true",
                   help="print the CPU seconds each stage took (all workers added up) on stderr")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")


def run(args: argparse.Namespace) -> int:
    try:
        fields = FieldMap.parse(args.field)
    except ValueError as err:
        raise StorylineError(Code.E110, str(err)) from None
    _inputs_exist(args.paths)       # before the store: a mistyped path makes no database
    options = ReadOptions(max_file_bytes=args.max_file_mb << 20, fields=fields, source=args.source,
                          crawl_date=_crawl_date(args.crawl_date), mtime_date=args.mtime_date)
    tty = sys.stderr.isatty() and not args.quiet
    done = [0]

    def progress(path: str) -> None:
        done[0] += 1
        if tty:
            print(f"\rstoryline: {done[0]} files read", end="", file=sys.stderr, flush=True)

    runner = make_executor(args.workers, args.executor, address=args.ray_address)
    with open_store(args, create=True) as store:
        summary = build_stage.build(args.paths, store, options=options, workers=args.workers,
                                    executor=runner,
                                    stderr=sys.stderr, progress=progress,
                                    article_budget=args.article_budget,
                                    model=None if args.no_language else nlp.model_name(args.model))
        total = store.articles.count()
    if tty:
        print(file=sys.stderr)
    if args.json:
        print_json(summary.to_dict() | {"articles_in_db": total, "db": args.db})
    if not args.quiet:
        for line in summary.lines():
            print(f"storyline: {line}", file=sys.stderr)
        print(f"storyline: {total} articles in {args.db}", file=sys.stderr)
    if args.profile:
        for line in summary.profile_lines():
            print(f"storyline: {line}", file=sys.stderr)
    return 0 if summary.ok else 1


def _crawl_date(value: str | None) -> str | None:
    """--crawl-date as given, once it reads as an ISO date or timestamp (E110 if not)."""
    if value is None:
        return None
    from datetime import datetime

    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise StorylineError(Code.E110, f"--crawl-date {value!r} is no date; use 2024-03-01 "
                                        "or 2024-03-01T18:30:00Z") from None
    if not 1900 <= parsed.year <= 2100:
        raise StorylineError(Code.E110, f"--crawl-date {value!r} is out of range")
    return value.strip()


def _inputs_exist(paths: list[str]) -> None:
    """E101 for a path that is no file or folder and a pattern that matches nothing."""
    for arg in paths:
        if arg == "-" or os.path.exists(arg):
            continue
        if glob.has_magic(arg):
            if not glob.glob(arg, recursive=True):
                raise StorylineError(Code.E101, f"no files match {arg!r}")
        else:
            raise StorylineError(Code.E101, f"no such file or folder: {arg}")
