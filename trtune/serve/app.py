"""The FastAPI app of ``trtune serve``: the JSON API, the web page and the limits.

:func:`create_app` builds one app from :class:`~trtune.serve.settings.ServeSettings`. The
models are loaded through the inference layer (:mod:`trtune.infer`), as ``predict`` and
``generate`` load them, so the server answers what the CLI answers; each task's routes live
in their own module. Tests drive the app with ``TestClient``, the CLI runs it under uvicorn.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from trtune.infer.generate import Generator
from trtune.run.devices import dtype_name, resolve_device, resolve_dtype
from trtune.serve.batcher import MicroBatcher
from trtune.serve.classify_routes import classify_router, label_results
from trtune.serve.limits import BodySizeLimit, install_error_handlers
from trtune.serve.lm_routes import lm_router
from trtune.serve.ner_routes import load_ner_tagger, ner_batcher, ner_health, ner_router
from trtune.serve.settings import ServeSettings

STATIC_DIR = Path(__file__).resolve().parent / "static"

NO_NANOGPT_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8">
<title>nanoGPT</title><body style="font-family:system-ui;max-width:40rem;margin:3rem auto">
<h1>nanoGPT walk-through</h1>
<p>This server was started without a nanoGPT page. Create one and restart:</p>
<pre>trtune nanogpt train --out runs/sort
trtune nanogpt viz --model runs/sort --out nanogpt.html
trtune serve --classifier DIR --nanogpt-page nanogpt.html</pre>
<p lang="tr">Sayfayı oluşturmak için yukarıdaki komutları çalıştırın.</p>
<p><a href="/">&larr; back / geri</a></p></body></html>"""


def load_models(settings: ServeSettings, classifier=None, generator: Generator | None = None):
    """The classifier (eager attention, so ``/v1/attention`` can answer) and the LM the
    settings name, unless already loaded ones are passed in."""
    device = resolve_device(settings.device)
    if classifier is None and settings.classifier is not None:
        from trtune.infer.classify import load_classifier

        dtype = resolve_dtype(settings.dtype, device)
        classifier = load_classifier(settings.classifier, device, dtype, attention="eager")
    if generator is None and settings.lm is not None:
        from trtune.infer.lm import load_lm

        lm_dtype = resolve_dtype(settings.dtype, device, batched=False)
        generator = Generator(load_lm(settings.lm, device, lm_dtype))
    return classifier, generator


def _network_dtype(model) -> str | None:
    """The dtype of a loaded network (``None`` for TF-IDF)."""
    network = getattr(model, "model", None) or getattr(model, "encoder", None)
    return dtype_name(next(network.parameters()).dtype) if network is not None else None


def _health(settings: ServeSettings, classifier, generator, batcher) -> dict:
    return {
        "status": "ok",
        "device": str(resolve_device(settings.device)),
        "classifier": None
        if classifier is None
        else {
            "folder": settings.classifier.name if settings.classifier else None,
            "labels": classifier.labels,
            "attention": classifier.has_attention,
            "dtype": _network_dtype(classifier),
        },
        "lm": None
        if generator is None
        else {
            "folder": settings.lm.name if settings.lm else None,
            "dtype": _network_dtype(generator.lm),
        },
        "nanogpt_page": settings.nanogpt_page is not None,
        "batching": None
        if batcher is None
        else {
            "max_batch_size": settings.max_batch_size,
            "max_wait_ms": settings.max_wait_ms,
            **batcher.stats.to_dict(),
        },
        "limits": {
            "max_texts": settings.max_texts,
            "max_chars": settings.max_chars,
            "max_body_bytes": settings.max_body_bytes,
            "max_new_tokens": settings.max_new_tokens,
        },
    }


def create_app(
    settings: ServeSettings, classifier=None, generator: Generator | None = None, tagger=None
) -> FastAPI:
    """Build the app; models are loaded here (or passed in), never because of a request."""
    classifier, generator = load_models(settings, classifier, generator)
    tagger = tagger if tagger is not None else load_ner_tagger(settings)
    batcher = None
    if classifier is not None:
        batcher = MicroBatcher(
            lambda texts: label_results(classifier, texts),
            settings.max_batch_size,
            settings.max_wait_ms,
        )
    tagger_batcher = ner_batcher(tagger, settings) if tagger is not None else None
    batchers = [b for b in (batcher, tagger_batcher) if b is not None]

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        for running in batchers:
            await running.start()
        yield
        for running in batchers:
            await running.stop()

    app = FastAPI(
        title="trtune serve",
        description="Turkish sentiment, attention and text generation.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.batcher = batcher
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_pages(app, settings)

    @app.get("/health")
    async def health() -> dict:
        """Which models are loaded, and how batching has gone so far."""
        found = _health(settings, classifier, generator, batcher)
        return {**found, "ner": ner_health(settings, tagger)}

    if classifier is not None:
        app.include_router(classify_router(classifier, batcher, settings))
    if generator is not None:
        app.include_router(lm_router(generator, settings))
    if tagger_batcher is not None:
        app.include_router(ner_router(tagger_batcher, settings))
    _add_missing_model_routes(app, classifier is None, generator is None, tagger is None)
    return app


def _add_pages(app: FastAPI, settings: ServeSettings) -> None:
    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/nanogpt", include_in_schema=False, response_model=None)
    async def nanogpt_page() -> FileResponse | HTMLResponse:
        if settings.nanogpt_page is None:
            return HTMLResponse(NO_NANOGPT_PAGE, status_code=404)
        return FileResponse(settings.nanogpt_page, media_type="text/html")


def _add_missing_model_routes(
    app: FastAPI, no_classifier: bool, no_lm: bool, no_ner: bool = True
) -> None:
    """404s that say how to start the server with the model a route needs."""

    def refuse(detail: str):
        async def route() -> None:
            raise HTTPException(404, detail)

        return route

    if no_classifier:
        missing = refuse("no classifier loaded (start with --classifier DIR)")
        for path in ("/v1/classify", "/v1/attention"):
            app.post(path, include_in_schema=False)(missing)
    if no_lm:
        missing = refuse("no language model loaded (start with --lm DIR)")
        app.post("/v1/generate", include_in_schema=False)(missing)
    if no_ner:
        missing = refuse("no NER tagger loaded (start with --ner DIR)")
        app.post("/v1/ner", include_in_schema=False)(missing)
