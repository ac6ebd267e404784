"""The FastAPI application: every page a view of one query-layer record.

Each request opens its own read-only store and reads it as one snapshot (WAL), so
pages stay whole and consistent while a build writes; nothing here writes. Every
HTML page has a JSON twin (the same path with `.json`, or `Accept:
application/json`) that is the query layer's record as it is.
"""

from __future__ import annotations

import functools
import json
import secrets
import queue
import threading
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException

from .. import __version__, export, query
from ..errors import Code, StorylineError
from ..query.records import shown_title, story_record
from ..store import Store
from . import render
from .cache import Pages
from .guard import Guard

__all__ = ["create_app", "PAGE_LIMIT", "STORIES_LIMIT"]

HERE = Path(__file__).resolve().parent
LAG = 30.0              # seconds a page may trail the store while a build writes
PAGE_LIMIT = 100        # the most search hits one page may ask for
STORIES_LIMIT = 200     # the most stories (or speakers of a story) one page may ask for
SPEAKERS = 30           # a story page's quotes: its most quoted speakers,
QUOTES_EACH = 20        # the first quotes of each
PEOPLE = 50             # a story page's people, organizations and places: those named most
DAY = r"^(\d{4}-\d{2}-\d{2})?$"   # a day, or empty: a form's unset date field
WORDS = 2000            # the longest search query, name or outlet a page takes

# What a query-layer error means for a request: a name that matches nothing (or more
# than one thing) is a 404, a bad option or query a 400.
_STATUS = {Code.E106: 404, Code.E107: 404, Code.E108: 404, Code.E109: 400, Code.E110: 400,
           Code.E119: 404, Code.E120: 400}


def create_app(db: str, *, lag: float = LAG, write: bool = False,
               token: str | None = None, hosts: set[str] | None = None) -> FastAPI:
    """The web UI and HTTP API over the store at `db` (opened read-only per request).
    Pages are kept while the store is unchanged; while a build writes they trail it by
    at most `lag` seconds (`storyline.web.cache`). With `write`, the pages also take
    corrections (`storyline.web.write`): with a `token` given, each needs it typed in;
    without, the pages carry one made for this server. `hosts`: the host names writes
    may be addressed to (None: any)."""
    Store(db, readonly=True).close()        # a missing or foreign database fails now, not per page
    kept = Pages(db, lag=lag)
    app = FastAPI(title="storyline", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Stories, timelines, people and quotes from a storyline store. "
                              "Every page has a JSON twin: the same path with `.json`.")
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    secret = token or (secrets.token_urlsafe(18) if write else None)
    env.globals.update(shown_title=shown_title, version=__version__, write=write,
                       query_described=query.described,
                       write_token=None if token else secret)
    env.filters.update(highlight=render.highlight, snippet=render.marked_snippet,
                       seg=_segment, query=_query_string)
    pages = Jinja2Templates(env=env)

    def reading() -> Store:
        return Store(db, readonly=True)

    def wants_json(request: Request) -> bool:
        if request.url.path.endswith(".json"):
            return True
        if request.method == "POST" and request.headers.get("content-type", "").startswith(
                "application/json"):       # a correction sent as JSON is answered in JSON
            return True
        accept = request.headers.get("accept", "")
        return "application/json" in accept and "text/html" not in accept

    def show(request: Request, template: str, data: Any, **context: Any) -> Response:
        if wants_json(request):
            return JSONResponse(data)
        return pages.TemplateResponse(request, template, {"data": data, **context})

    def twin(path: str, endpoint: Callable, summary: str) -> None:
        """The page at `path` and its JSON twin at `path.json`, registered first so that a
        `.json` path never reaches the page as part of an id. Answers are kept (`Pages`)
        by address and kind; errors are not."""
        @functools.wraps(endpoint)
        def keeping(request: Request, **params: Any) -> Response:
            key = (request.url.path, tuple(sorted(request.query_params.multi_items())),
                   wants_json(request))

            def make() -> tuple[tuple[bytes, str], int]:
                answer = endpoint(request, **params)
                return (bytes(answer.body), answer.media_type), len(answer.body)

            body, media = kept.get(key, make)
            return Response(body, media_type=media)

        if path != "/":         # "/" is "/stories", whose twin is "/stories.json"
            app.add_api_route(path + ".json", keeping, methods=["GET"],
                              summary=summary + " (JSON)")
        app.add_api_route(path, keeping, methods=["GET"], summary=summary,
                          response_class=HTMLResponse)

    # -- pages ------------------------------------------------------------------------

    def stories_page(request: Request,
                     sort: str = Query("size", pattern="^(size|recency|oldest)$"),
                     since: str | None = Query(None, pattern=DAY),
                     until: str | None = Query(None, pattern=DAY),
                     outlet: str | None = Query(None, max_length=WORDS),
                     entity: str | None = Query(None, max_length=WORDS),
                     limit: int = Query(50, ge=1, le=STORIES_LIMIT),
                     offset: int = Query(0, ge=0)) -> Response:
        """Stories with their dates, sizes, outlets and coverage over time."""
        with reading() as store:
            found = query.stories(store, sort=sort, since=since or None, until=until or None,
                                  outlet=outlet or None, entity=entity or None)
            shown = found[offset:offset + limit]
            data = {"stories": shown, "total": len(found), "offset": offset, "limit": limit,
                    "next": offset + limit if offset + limit < len(found) else None,
                    "coverage": query.coverage(store, shown)}
        bars = {sid: render.coverage_bars(c["days"]) for sid, c in data["coverage"].items()}
        outlets = sorted({o for s in found for o in s["sources"]})
        filters = {"sort": sort, "since": since, "until": until, "outlet": outlet,
                   "entity": entity, "limit": limit}
        return show(request, "stories.html", data, bars=bars, outlets=outlets, filters=filters)

    def story_page(request: Request, ref: str,
                   speakers: int = Query(SPEAKERS, ge=1, le=STORIES_LIMIT),
                   quotes_each: int = Query(QUOTES_EACH, ge=1, le=STORIES_LIMIT),
                   people: int = Query(PEOPLE, ge=1, le=STORIES_LIMIT)) -> Response:
        """One story: its timeline on a time axis, comparison, people (the `people` named
        most), quotes (the first `quotes_each` of the `speakers` most quoted), articles
        by outlet."""
        with reading() as store:
            data = query.story(store, ref, speakers=speakers, quotes_each=quotes_each,
                               people=people)
        titles = {a["id"]: a for items in data["articles"].values() for a in items}
        return show(request, "story.html", data, axis=render.time_axis(data["timeline"]),
                    titles=titles, people=people)

    def article_page(request: Request, ref: str) -> Response:
        """One article: clean text with names, time expressions and quotes marked; its
        date with the evidence; removed lines with their kinds and rules."""
        with reading() as store:
            data = query.article(store, ref)
            fixes = query.corrections_of(store, {data["id"]})
            story = None
            if data["story_id"]:
                try:
                    story = query.find_story(store, data["story_id"])
                except StorylineError:
                    story = None
        return show(request, "article.html", data, fixes=fixes,
                    story={"id": story.id, "title": story.title} if story else None)

    def entity_page(request: Request, ref: str) -> Response:
        """One person, organization or place: aliases, roles over time, stories, quotes."""
        with reading() as store:
            data = query.entity(store, ref)
            fixes = query.corrections_of(store, {data["id"]})
        return show(request, "entity.html", data, fixes=fixes)

    def entities_page(request: Request,
                      type: str | None = Query(None, pattern="^(PERSON|ORG|LOC|GPE|[A-Z_]{1,20})$"),
                      name: str | None = Query(None, max_length=WORDS),
                      limit: int = Query(100, ge=1, le=STORIES_LIMIT)) -> Response:
        """People, organizations and places, most articles first."""
        with reading() as store:
            data = query.entities(store, type=type, name=name or None, limit=limit)
        return show(request, "entities.html", data, filters={"type": type, "name": name})

    def search_page(request: Request,
                    q: str = Query("", max_length=WORDS),
                    story: str | None = Query(None, max_length=WORDS),
                    outlet: str | None = Query(None, max_length=WORDS),
                    since: str | None = Query(None, pattern=DAY),
                    until: str | None = Query(None, pattern=DAY),
                    entity: str | None = Query(None, max_length=WORDS),
                    limit: int = Query(20, ge=1, le=PAGE_LIMIT),
                    after: str | None = Query(None, max_length=100)) -> Response:
        """Full-text search (FTS5 syntax) with snippets, filters and keyset pages."""
        filters = {"story": story or None, "outlet": outlet or None, "since": since or None,
                   "until": until or None, "entity": entity or None}
        json_wanted = wants_json(request)
        data: dict[str, Any] = {"hits": [], "next": None}
        if q.strip():
            with reading() as store:
                # The page marks matches up; the JSON twin is the record as the CLI has it.
                marks = ("[", "]") if json_wanted else render.SNIPPET_MARKS
                data = query.search(store, q, limit=limit, after=after or None, marks=marks,
                                    **filters)
        return show(request, "search.html", data, q=q, filters=filters, limit=limit)

    twin("/", stories_page, "Stories")
    twin("/stories", stories_page, "Stories")
    twin("/stories/{ref}", story_page, "A story")
    twin("/articles/{ref}", article_page, "An article")
    twin("/entities", entities_page, "Entities")
    twin("/entities/{ref}", entity_page, "An entity")
    twin("/search", search_page, "Search")

    # -- whole tables, streamed ----------------------------------------------------------

    @app.get("/export/{table}.{fmt}", summary="A whole table as JSON Lines or CSV, streamed")
    def table_export(table: str, fmt: str) -> Response:
        """articles.jsonl and articles.csv are `storyline export --format jsonl|csv`;
        stories.jsonl, entities.jsonl and quotes.jsonl one record per line."""
        rows = _TABLES.get((table, fmt))
        if rows is None:
            raise HTTPException(404, f"no export {table}.{fmt}; there are "
                                + ", ".join(f"{t}.{f}" for t, f in _TABLES))
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
        return StreamingResponse(rows(reading), media_type=media, headers={
            "Content-Disposition": f'attachment; filename="{table}.{fmt}"'})

    # -- docs, static files, errors ---------------------------------------------------

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> Response:
        return pages.TemplateResponse(request, "docs.html", {"api": app.openapi()})

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def failed(request: Request, status: int, detail: str) -> Response:
        if wants_json(request):
            return JSONResponse({"error": detail, "status": status}, status_code=status)
        return pages.TemplateResponse(request, "error.html", {"status": status, "detail": detail},
                                      status_code=status)

    @app.exception_handler(StorylineError)
    def storyline_error(request: Request, err: StorylineError) -> Response:
        return failed(request, _STATUS.get(err.code, 500), f"{err.detail} ({err.code.name})")

    @app.exception_handler(HTTPException)
    def http_error(request: Request, err: HTTPException) -> Response:
        return failed(request, err.status_code, str(err.detail))

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, err: RequestValidationError) -> Response:
        said = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}"
                         for e in err.errors())
        return failed(request, 400, f"bad request: {said}")

    if write:
        from .write import add_write_routes
        add_write_routes(app, db, secret, kept.forget, show,
                         frozenset(hosts) if hosts is not None else None)
    app.add_middleware(Guard, write=write)
    return app


def _segment(value: Any) -> str:
    """An id as one path segment: every "/", "?", "#" and "%" escaped."""
    return quote(str(value), safe="")


def _query_string(params: dict[str, Any]) -> str:
    """A query string of the parameters that are set."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


# -- streaming exports ----------------------------------------------------------------

def _lines(records: Callable[[Store], Iterator[Any]]) -> Callable:
    def rows(reading: Callable[[], Store]) -> Iterator[str]:
        with reading() as store:
            for record in records(store):
                yield json.dumps(record, ensure_ascii=False) + "\n"
    return rows


def _exported(fmt: str) -> Callable:
    """The export module's own writer, run in a thread into a bounded queue, so the
    bytes are `storyline export`'s and memory stays flat whatever the corpus."""
    def rows(reading: Callable[[], Store]) -> Iterator[str]:
        pipe = _Pipe()

        def produce() -> None:
            try:
                with reading() as store:
                    export.write(store, fmt, pipe)
                pipe.flush()
            except _Stopped:
                pass
            finally:
                pipe.chunks.put(None)

        threading.Thread(target=produce, daemon=True).start()
        try:
            while (chunk := pipe.chunks.get()) is not None:
                yield chunk
        finally:
            pipe.stopped = True         # the client went away: the writer stops at its next write
    return rows


class _Stopped(Exception):
    pass


class _Pipe:
    """A text file whose writes come out as chunks of about 64 KB on a bounded queue."""

    CHUNK = 1 << 16

    def __init__(self) -> None:
        self.chunks: queue.Queue[str | None] = queue.Queue(maxsize=8)
        self.parts: list[str] = []
        self.size = 0
        self.stopped = False

    def write(self, text: str) -> int:
        if self.stopped:
            raise _Stopped
        self.parts.append(text)
        self.size += len(text)
        if self.size >= self.CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            while True:         # wait for the reader, but notice when it has gone
                try:
                    self.chunks.put("".join(self.parts), timeout=1)
                    break
                except queue.Full:
                    if self.stopped:
                        raise _Stopped from None
            self.parts, self.size = [], 0


_TABLES: dict[tuple[str, str], Callable] = {
    ("articles", "jsonl"): _exported("jsonl"),
    ("articles", "csv"): _exported("csv"),
    ("stories", "jsonl"): _lines(lambda store: (story_record(s) for s in store.stories.all())),
    ("entities", "jsonl"): _lines(lambda store: iter(query.entities(store))),
    ("quotes", "jsonl"): _lines(lambda store: query.quotes(store)),
}
