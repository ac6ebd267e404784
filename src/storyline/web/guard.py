"""What every request and response goes through: a small-request server whose pages
may not run script, read-only unless it was started to take corrections.

- only GET and HEAD; with `write`, also POST of a form or JSON body of at most
  `MOST_BODY` bytes (the correction routes, `storyline.web.write`, check its token);
- no request body, and a path with its query string of at most `MOST_URL` bytes;
- on every response a Content-Security-Policy that allows no script at all and
  styles, images and forms only from the server itself, and headers that stop
  content sniffing, framing and referrers.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

__all__ = ["Guard", "CSP", "MOST_URL", "MOST_BODY"]

MOST_URL = 4096
MOST_BODY = 16384
_BODIES = (b"application/x-www-form-urlencoded", b"application/json")
CSP = ("default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()),
           (b"x-content-type-options", b"nosniff"),
           (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"),
           (b"cross-origin-opener-policy", b"same-origin")]


class Guard:
    """Pure ASGI middleware (no per-request task or buffering, so streaming stays streaming)."""

    def __init__(self, app: Callable[..., Awaitable[None]], write: bool = False) -> None:
        self.app = app
        self.write = write

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = self._refused(scope, self.write)
        if refused:
            status, detail, extra = refused
            await send({"type": "http.response.start", "status": status,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                    *extra, *HEADERS]})
            await send({"type": "http.response.body", "body": detail.encode()})
            return

        head = scope["method"] == "HEAD"
        if head:        # answered as GET without the body: every page answers HEAD
            scope = {**scope, "method": "GET"}

        async def guarded(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, guarded)

    @staticmethod
    def _refused(scope: dict[str, Any], write: bool = False) -> tuple[int, str, list] | None:
        posting = write and scope["method"] == "POST"
        if scope["method"] not in ("GET", "HEAD") and not posting:
            if write:
                return 405, "only GET, HEAD and POST\n", [(b"allow", b"GET, HEAD, POST")]
            return 405, "read-only: only GET and HEAD\n", [(b"allow", b"GET, HEAD")]
        if len(scope.get("raw_path") or scope["path"].encode()) + len(scope["query_string"]) > MOST_URL:
            return 414, f"the address is longer than {MOST_URL} bytes\n", []
        headers = dict(scope["headers"])
        length = headers.get(b"content-length", b"0").strip() or b"0"
        if posting:
            kind = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
            if b"transfer-encoding" in headers or not length.isdigit() or int(length) > MOST_BODY:
                return 413, f"a correction's body is at most {MOST_BODY} bytes, with its length\n", []
            if kind not in _BODIES:
                return 415, "a correction is a form or JSON\n", []
            return None
        if b"transfer-encoding" in headers or length != b"0":
            return 413, "requests carry no body here\n", []
        return None
