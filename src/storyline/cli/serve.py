"""Serve the store as web pages and an HTTP API: stories, a story's timeline, people
and quotes, articles with their evidence, search; every page also as JSON (add
`.json` to its address), the API described at /openapi.json and /docs.

Read-only: the server never writes, and keeps answering from consistent snapshots
while `storyline build` adds to the same database. Needs the web extra:
pip install 'storyline[web]'.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import Code, StorylineError
from ._common import add_db

NAME = "serve"
HELP = "web pages and an HTTP API on the store (read-only)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only; "
                        "0.0.0.0 opens it to the network)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free one)")
    p.add_argument("--write", action="store_true",
                   help="take corrections from the pages and at POST /fix (as `storyline fix`)")
    p.add_argument("--token", metavar="TOKEN",
                   help="with --write: the token every correction must carry (needed when "
                        "--host is not this machine; default: one the pages carry)")
    p.add_argument("--lag", type=float, default=30.0, metavar="SECONDS",
                   help="while a build writes, pages may trail the database by this much: a "
                        "kept page is served while it is made anew (default 30; 0: every "
                        "page is read anew after any change)")


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as err:
        raise StorylineError(Code.E115, f"`storyline serve` needs the web extra ({err.name} is "
                             "missing): pip install 'storyline[web]'") from None
    if args.write and not args.token and args.host not in ("127.0.0.1", "localhost", "::1"):
        raise StorylineError(Code.E110, f"--write on {args.host} opens corrections beyond this "
                             "machine: give --token TOKEN too")
    if args.token and not args.write:
        raise StorylineError(Code.E110, "--token is for --write")
    # Writes on this machine are addressed to its own names only (not to another
    # site's name pointed here by DNS, whose pages could read the forms' token).
    hosts = ({"127.0.0.1", "localhost", "::1", args.host} if args.write and not args.token
             else None)
    app = create_app(args.db, lag=args.lag, write=args.write, token=args.token, hosts=hosts)
    mode = "taking corrections" if args.write else "read-only"
    print(f"storyline: serving {args.db} at http://{_shown(args.host)}:{args.port}/ "
          f"({mode}; Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host
