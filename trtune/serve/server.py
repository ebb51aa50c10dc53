"""Run the app under uvicorn: in the foreground (the CLI) or in a thread (tests, bench)."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn
from fastapi import FastAPI

from trtune.serve.settings import ServeSettings


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def serve_forever(app: FastAPI, settings: ServeSettings) -> None:
    """Serve ``app`` on ``settings.host:settings.port`` until interrupted."""
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info", access_log=False)


class BackgroundServer:
    """A real uvicorn server in a daemon thread, as a context manager.

    Example:
        >>> with BackgroundServer(app) as server:  # doctest: +SKIP
        ...     httpx.get(server.url + "/health")

    Args:
        app: the ASGI app.
        host: address to bind (loopback by default).
        port: TCP port, or ``None`` for a free one.
    """

    def __init__(self, app: FastAPI, host: str = "127.0.0.1", port: int | None = None):
        self.port = port if port is not None else free_port(host)
        self.host = host
        config = uvicorn.Config(
            app, host=host, port=self.port, log_level="warning", access_log=False
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:8123``."""
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> BackgroundServer:
        self._thread.start()
        deadline = time.monotonic() + 30.0
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start on {self.url}")
            time.sleep(0.02)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10.0)
