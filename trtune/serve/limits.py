"""Refuse what is too big or not UTF-8, and answer every refusal with the same JSON shape.

:class:`BodySizeLimit` is a plain ASGI middleware: it refuses a request whose
``Content-Length`` is over the limit before reading anything, and counts the bytes of a
body that arrives without one (chunked) as they are read; it also decodes the body as UTF-8
as it arrives, so a body in another encoding gets a 400 that says so (Python's ``json``
would quietly accept UTF-16). The handlers turn ``HTTPException`` and validation errors
into ``{"error": "...", "detail": ...}``.
"""

from __future__ import annotations

import codecs
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


class BodyNotUtf8(HTTPException):
    """A request body that is not UTF-8, with the first bad byte and where it is."""

    def __init__(self, byte: int, offset: int):
        super().__init__(
            400,
            f"request body is not valid UTF-8 (byte 0x{byte:02x} at offset {offset}): "
            "send JSON encoded as UTF-8",
        )


class _Utf8Check:
    """Decode a body chunk by chunk; raise :class:`BodyNotUtf8` at the first bad byte."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._seen = 0

    def feed(self, chunk: bytes, final: bool) -> None:
        pending = len(self._decoder.getstate()[0])  # bytes of a character cut by the chunk
        try:
            self._decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            raise BodyNotUtf8(exc.object[exc.start], self._seen - pending + exc.start) from None
        self._seen += len(chunk)


async def _send_json(send: Send, status: int, error: str) -> None:
    """A refusal made before the app runs, in the app's ``{"error", "detail"}`` shape."""
    body = json.dumps({"error": error, "detail": error}).encode()
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
    """ASGI middleware: at most ``max_bytes`` of request body, and that in UTF-8.

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
                await _send_json(send, 400, "invalid Content-Length header")
                return
            if length > self.max_bytes:
                await _send_json(send, 413, too_large.detail)
                return
        received = 0
        started = False
        utf8 = _Utf8Check()

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                received += len(chunk)
                if received > self.max_bytes:
                    raise too_large
                utf8.feed(chunk, final=not message.get("more_body", False))
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except (BodyTooLarge, BodyNotUtf8) as exc:
            if started:
                raise
            await _send_json(send, exc.status_code, exc.detail)


def _where(loc: tuple | list) -> str:
    """``("body", "texts", 2)`` -> ``texts[2]``, as the app's own messages name a text."""
    where = ""
    for part in loc:
        if part == "body" and not where:
            continue
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    return where


def _first_line(errors: list[dict]) -> str:
    if not errors:
        return "invalid request"
    first = errors[0]
    if first.get("type") == "json_invalid":
        at = first.get("loc", ("body", "?"))[-1]
        return f"malformed JSON at character {at}: {first.get('ctx', {}).get('error', '')}"
    where = _where(first.get("loc", ()))
    message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


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
