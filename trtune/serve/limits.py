"""Refuse what is too big, and answer every refusal with the same JSON shape.

:class:`BodySizeLimit` is a plain ASGI middleware: it refuses a request whose
``Content-Length`` is over the limit before reading anything, and counts the bytes of a
body that arrives without one (chunked) as they are read. The handlers turn
``HTTPException`` and validation errors into ``{"error": "...", "detail": ...}``.
"""

from __future__ import annotations

import json

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(HTTPException):
    """A request body over the limit (FastAPI re-raises HTTPExceptions from a body read)."""

    def __init__(self, max_bytes: int):
        super().__init__(413, f"request body larger than {max_bytes} bytes")


async def _send_json(send: Send, status: int, payload: dict) -> None:
    body = json.dumps(payload).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    """ASGI middleware: at most ``max_bytes`` of request body.

    Args:
        app: the wrapped ASGI app.
        max_bytes: the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = BodyTooLarge(self.max_bytes)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                await _send_json(send, 400, {"error": "invalid Content-Length header"})
                return
            if length > self.max_bytes:
                await _send_json(send, 413, {"error": too_large.detail})
                return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise too_large
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await _send_json(send, 413, {"error": too_large.detail})


def _first_line(errors: list[dict]) -> str:
    if not errors:
        return "invalid request"
    first = errors[0]
    if first.get("type") == "json_invalid":
        at = first.get("loc", ("body", "?"))[-1]
        return f"malformed JSON at character {at}: {first.get('ctx', {}).get('error', '')}"
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg"))


def install_error_handlers(app: FastAPI) -> None:
    """JSON errors everywhere: ``{"error": one line, "detail": what FastAPI knows}``."""

    @app.exception_handler(HTTPException)
    async def _http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(exc.detail), "detail": exc.detail},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        # Without the offending input: it may be a megabyte of text.
        errors = [{k: v for k, v in e.items() if k != "input"} for e in exc.errors()]
        errors = jsonable_encoder(errors)
        return JSONResponse({"error": _first_line(errors), "detail": errors}, status_code=422)
