"""Write the database out: json (the documented contract), jsonl, csv, md, or a one-file html report."""

from __future__ import annotations

import argparse
import sys

from .. import export as export_stage
from ._common import add_db, open_store

NAME = "export"
HELP = "export articles and stories (json, jsonl, csv, md, html)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--format", "-f", choices=sorted(export_stage.FORMATS), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                export_stage.write(store, args.format, out)
            print(f"storyline: wrote {args.output}", file=sys.stderr)
        else:
            export_stage.write(store, args.format, sys.stdout)
    return 0
