"""The web UI and HTTP API (`storyline serve`): server-rendered pages over the query
layer, each with a JSON twin, read-only, with no script on any page.

Needs the `web` extra (`pip install 'storyline[web]'`): FastAPI, Jinja2, uvicorn.

    from storyline.web import create_app
    app = create_app("corpus.db")        # any ASGI server; `storyline serve` runs uvicorn
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
