"""`trtune serve`: a local web page and REST API for a classifier and a language model."""

from __future__ import annotations

from typing import Any

from trtune.cli.console import console, quiet_transformers
from trtune.cli.options import build_dataclass, command_with, dataclass_parameters
from trtune.errors import UserError
from trtune.serve.settings import ServeSettings

SERVE_EXTRA = (
    "the server needs the serve extra: pip install 'trtune[serve]' "
    "(or pip install -e '.[serve]' in a checkout)"
)
SERVE_PACKAGES = ("fastapi", "fastapi_offline", "uvicorn", "starlette")


def _serve(**kwargs: Any) -> None:
    try:
        from trtune.serve.app import create_app
        from trtune.serve.server import serve_forever
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in SERVE_PACKAGES:
            raise UserError(SERVE_EXTRA) from None
        raise
    from trtune.i18n import say
    from trtune.serve.messages import MESSAGES

    quiet_transformers()
    settings = build_dataclass(ServeSettings, kwargs)
    with console.status(say(MESSAGES, "loading", settings.lang)):
        web_app = create_app(settings)
    host = "localhost" if settings.host in ("127.0.0.1", "::1") else settings.host
    line = say(MESSAGES, "serving", settings.lang, host=host, port=settings.port)
    console.print(line, markup=False)
    serve_forever(web_app, settings)


# A single command, not a group: `trtune serve --classifier DIR`.
serve = command_with(
    dataclass_parameters(ServeSettings),
    _serve,
    "Serve trained models (classifier, NER tagger, QA, seq2seq, masked LM, LM): "
    "the web page at /, the API under /v1, "
    "docs at /docs.",
)
