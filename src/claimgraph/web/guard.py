"""ASGI guards around the whole app: security headers on every response, and a cap on
request bodies (checked on Content-Length and again while the body streams in)."""

from __future__ import annotations

import json

from fastapi import HTTPException

# The one inline style allowed is Cytoscape's container rule (".__________cytoscape_container
# { position: relative; }"), by its hash: a new Cytoscape version may need the hash updated
# (the browser test of the network view fails on the CSP report if so).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class TooLarge(HTTPException):
    """Raised while the body streams in; the app's HTTPException handler answers 413."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body larger than {limit} bytes")


def _too_large_body(limit: int) -> bytes:
    detail = f"request body larger than {limit} bytes"
    return json.dumps({"error": {"status": 413, "title": "Content Too Large", "detail": detail}}).encode()


class Guard:
    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        send = self._with_headers(send)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await self._reject(send)
        started = False

        async def tracked_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, self._counted(receive), tracked_send)
        except TooLarge:
            if not started:
                await self._reject(send)

    def _counted(self, receive):
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise TooLarge(self.max_body)
            return message
        return counted

    @staticmethod
    def _with_headers(send):
        async def sending(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)
        return sending

    async def _reject(self, send):
        body = _too_large_body(self.max_body)
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
