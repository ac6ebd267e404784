"""Corrections over HTTP (`storyline serve --write`): the same as `storyline fix`.

    POST /fix        action=rename|merge|move|date, target, value, note, by, token
    POST /fix/undo   id, by, token
    GET  /corrections (and /corrections.json): every correction, undone ones too

A body is a form (what the pages' forms send; the answer is a redirect to what was
corrected) or JSON (the answer is the correction's record). Every write carries the
server's token: pages served on this machine hold it in their forms (another site's
page cannot read them, so it cannot post a correction); a server bound beyond this
machine is given one (`--token`) that a person types into the form.
"""

from __future__ import annotations

import hmac
import json
from typing import Any, Callable
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from .. import corrections, query
from ..errors import Code, StorylineError
from ..store import Store

__all__ = ["add_write_routes"]

_FIELDS = ("action", "target", "value", "note", "by", "token", "id", "to")


async def _form(request: Request) -> tuple[dict[str, str], bool]:
    """The request's fields (each a string) and whether it came as JSON."""
    raw = await request.body()
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(raw or b"{}")
        except ValueError:
            raise StorylineError(Code.E110, "the body is not JSON") from None
        if not isinstance(data, dict):
            raise StorylineError(Code.E110, "the body is not a JSON object")
        return {k: str(v) for k, v in data.items() if k in _FIELDS and v is not None}, True
    fields = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in fields.items() if k in _FIELDS}, False


def add_write_routes(app: FastAPI, db: str, token: str, forget: Callable[[], None],
                     show: Callable[..., Response], hosts: frozenset[str] | None = None) -> None:
    """The correction routes on `app`; `forget` drops kept pages after a write, `show`
    renders a page or its JSON twin; `hosts`: the only host names a write may be
    addressed to (a page of another site that a DNS trick points at this machine
    is addressed to its own name, and cannot write)."""

    def checked(request: Request, fields: dict[str, str]) -> None:
        if hosts is not None and (request.url.hostname or "") not in hosts:
            raise HTTPException(403, "corrections are taken only at this server's own address")
        if not hmac.compare_digest(fields.get("token", "").encode(), token.encode()):
            raise HTTPException(403, "a correction needs this server's token")

    def answered(record: dict[str, Any], as_json: bool, where: str) -> Response:
        forget()
        if as_json:
            return JSONResponse(record)
        return RedirectResponse(where, status_code=303)

    async def fix(request: Request) -> Response:
        fields, as_json = await _form(request)
        checked(request, fields)
        action = fields.get("action", "")
        value = fields.get("value") or fields.get("to") or None
        with Store(db, create=False) as store:
            record = corrections.fix(store, action, fields.get("target", ""), value,
                                     who=fields.get("by") or None, note=fields.get("note") or None)
            if record["kind"] in ("rename", "merge"):
                story = store.stories.get(record["value"].get("into") or record["target"])
                where = f"/stories/{quote(story.id if story else record['target'], safe='')}"
            elif record["kind"] == "entity-merge":
                where = f"/entities/{quote(record['value']['into'], safe='')}"
            elif record["kind"] == "speaker":
                where = f"/articles/{quote(record['value']['article'], safe='')}"
            else:
                where = f"/articles/{quote(record['target'], safe='')}"
        return answered(record, as_json, where)

    async def undo(request: Request) -> Response:
        fields, as_json = await _form(request)
        checked(request, fields)
        try:
            number = int(fields.get("id", ""))
        except ValueError:
            raise StorylineError(Code.E119, f"{fields.get('id')!r} is not a correction number") from None
        with Store(db, create=False) as store:
            record = corrections.undo(store, number, who=fields.get("by") or None)
        return answered(record, as_json, "/corrections")

    def listing(request: Request) -> Response:
        with Store(db, readonly=True) as store:
            found = query.corrections(store, undone=True)
        return show(request, "corrections.html", found, described=query.described)

    app.add_api_route("/fix", fix, methods=["POST"], summary="Make a correction")
    app.add_api_route("/fix/undo", undo, methods=["POST"], summary="Undo a correction")
    app.add_api_route("/corrections.json", listing, methods=["GET"], summary="Corrections (JSON)")
    app.add_api_route("/corrections", listing, methods=["GET"], summary="Corrections")
