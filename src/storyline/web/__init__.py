"""The web UI and HTTP API (`storyline serve`): server-rendered pages over the query
layer, each with a JSON twin, read-only, with no script on any page.

Needs the `web` extra (`pip install 'storyline[web]'`): FastAPI, Jinja2, uvicorn.

    from storyline.web import create_app
    app = create_app("corpus.db")        # any ASGI server; `storyline serve` runs uvicorn
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # FastAPI is imported only when the app is asked for, so `storyline.web.render`
    # (what the pages draw, plain Python) also serves the HTML report without the extra.
    if name == "create_app":
        from .app import create_app
        return create_app
    raise AttributeError(name)
