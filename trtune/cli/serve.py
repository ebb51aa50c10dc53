"""`trtune serve`: a local web page and REST API for a classifier and a language model."""

from __future__ import annotations

from typing import Any

from trtune.cli.console import console, quiet_transformers
from trtune.cli.options import build_dataclass, command_with, dataclass_parameters
from trtune.serve.settings import ServeSettings


def _serve(**kwargs: Any) -> None:
    from trtune.serve.app import create_app
    from trtune.serve.server import serve_forever

    quiet_transformers()
    settings = build_dataclass(ServeSettings, kwargs)
    with console.status("loading models..."):
        web_app = create_app(settings)
    host = "localhost" if settings.host in ("127.0.0.1", "::1") else settings.host
    console.print(f"trtune serve: http://{host}:{settings.port}/  (API docs: /docs)", markup=False)
    serve_forever(web_app, settings)


# A single command, not a group: `trtune serve --classifier DIR`.
serve = command_with(
    dataclass_parameters(ServeSettings),
    _serve,
    "Serve a classifier, an LM and/or a NER tagger: the web page at /, the API under /v1, "
    "docs at /docs.",
)
