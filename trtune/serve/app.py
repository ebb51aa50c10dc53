"""The FastAPI app of ``trtune serve``: the JSON API, the web page and the limits.

:func:`create_app` builds one app from :class:`~trtune.serve.settings.ServeSettings`. The
models are loaded through the inference layer (:mod:`trtune.infer`), as ``predict`` and
``generate`` load them, so the server answers what the CLI answers; each task's routes live
in their own module. Tests drive the app with ``TestClient``, the CLI runs it under uvicorn.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from trtune.data.label_names import labels_script
from trtune.infer.generate import Generator
from trtune.run.devices import dtype_name, resolve_device, resolve_dtype
from trtune.run.record import is_random_init, read_record
from trtune.serve.batcher import MicroBatcher
from trtune.serve.classify_routes import classify_router, label_results
from trtune.serve.limits import BodySizeLimit, install_error_handlers
from trtune.serve.lm_routes import lm_router
from trtune.serve.mask_routes import mask_health, mask_router
from trtune.serve.ner_routes import load_ner_tagger, ner_batcher, ner_health, ner_router
from trtune.serve.qa_routes import qa_router
from trtune.serve.seq2seq_routes import (
    add_missing_seq2seq_route,
    load_seq2seq_model,
    seq2seq_health,
    seq2seq_router,
)
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
        classifier = load_classifier(
            settings.classifier, device, dtype, attention="eager", backend=settings.backend
        )
    if generator is None and settings.lm is not None:
        from trtune.infer.lm import load_lm

        lm_dtype = resolve_dtype(settings.dtype, device, batched=False)
        generator = Generator(load_lm(settings.lm, device, lm_dtype))
    return classifier, generator


def load_filler_of(settings: ServeSettings, filler=None):
    """The masked LM of ``--mask`` (as ``mask predict`` loads it), unless one is passed in."""
    if filler is None and settings.mask is not None:
        from trtune.infer.mask import load_filler

        device = resolve_device(settings.device)
        dtype = resolve_dtype(settings.dtype, device)
        filler = load_filler(settings.mask, device, dtype, backend=settings.backend)
    return filler


def _network_dtype(model) -> str | None:
    """The dtype of a loaded network (``None`` for TF-IDF)."""
    network = getattr(model, "model", None) or getattr(model, "encoder", None)
    if network is None:
        return None
    weights = getattr(network, "weights", None)  # an ONNX graph: float32 or int8
    return weights if isinstance(weights, str) else dtype_name(next(network.parameters()).dtype)


def _random_init(folder: Path | None) -> dict[str, bool]:
    """``{"random_init": True}`` for a tiny random test model's folder, else nothing."""
    return {"random_init": True} if folder and is_random_init(read_record(folder)) else {}


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
            **_random_init(settings.classifier),
        },
        "lm": None
        if generator is None
        else {
            "folder": settings.lm.name if settings.lm else None,
            "dtype": _network_dtype(generator.lm),
            **({"random_init": True} if is_random_init(generator.lm.record) else {}),
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


def load_qa(settings: ServeSettings, qa=None):
    """The QA model the settings name (through :mod:`trtune.infer.qa`), unless passed in."""
    if qa is None and settings.qa is not None:
        from trtune.infer.qa import load_qa_model

        device = resolve_device(settings.device)
        dtype = resolve_dtype(settings.dtype, device)
        qa = load_qa_model(settings.qa, device, dtype, backend=settings.backend)
    return qa


@dataclass
class _Models:
    """The models one server holds (``None`` where the settings name none)."""

    classifier: Any
    generator: Generator | None
    qa: Any
    seq2seq: Any
    filler: Any
    tagger: Any


def _load_all(settings: ServeSettings, given: _Models) -> _Models:
    """Every model the settings name, through :mod:`trtune.infer`, unless passed in."""
    classifier, generator = load_models(settings, given.classifier, given.generator)
    return _Models(
        classifier=classifier,
        generator=generator,
        qa=load_qa(settings, given.qa),
        seq2seq=given.seq2seq if given.seq2seq is not None else load_seq2seq_model(settings),
        filler=load_filler_of(settings, given.filler),
        tagger=given.tagger if given.tagger is not None else load_ner_tagger(settings),
    )


def create_app(
    settings: ServeSettings,
    classifier=None,
    generator: Generator | None = None,
    qa=None,
    seq2seq=None,
    filler=None,
    tagger=None,
) -> FastAPI:
    """Build the app; models are loaded here (or passed in), never because of a request."""
    models = _load_all(settings, _Models(classifier, generator, qa, seq2seq, filler, tagger))
    batcher = None
    if models.classifier is not None:
        batcher = MicroBatcher(
            lambda texts: label_results(models.classifier, texts),
            settings.max_batch_size,
            settings.max_wait_ms,
        )
    tagger_batcher = ner_batcher(models.tagger, settings) if models.tagger is not None else None
    batchers = [b for b in (batcher, tagger_batcher) if b is not None]

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        for running in batchers:
            await running.start()
        yield
        for running in batchers:
            await running.stop()

    # The API docs (/docs, /redoc) from files shipped with fastapi-offline: FastAPI's own
    # pages load Swagger UI from a CDN and stay blank without internet.
    app = FastAPIOffline(
        title="trtune serve",
        description=(
            "Turkish sentiment, entities, question answering, text-to-text, fill-mask, "
            "attention and text generation."
        ),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.batcher = batcher
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_pages(app, settings)
    _add_health(app, settings, models, batcher)
    _add_task_routes(app, settings, models, batcher, tagger_batcher)
    return app


def _add_health(app: FastAPI, settings: ServeSettings, models: _Models, batcher) -> None:
    @app.get("/health")
    async def health() -> dict:
        """Which models are loaded, and how batching has gone so far."""
        found = _health(settings, models.classifier, models.generator, batcher)
        qa_folder = settings.qa.name if settings.qa else None
        found["qa"] = None if models.qa is None else {"folder": qa_folder}
        found["seq2seq"] = seq2seq_health(models.seq2seq, settings)
        found["mask"] = mask_health(models.filler, settings)
        found["ner"] = ner_health(settings, models.tagger)
        for task in ("qa", "seq2seq", "mask", "ner"):  # a tiny random test model says so
            if found[task] is not None:
                found[task] |= _random_init(getattr(settings, task))
        return found


def _add_task_routes(
    app: FastAPI, settings: ServeSettings, models: _Models, batcher, tagger_batcher
) -> None:
    """Each loaded model's routes; the others answer 404 saying how to load them."""
    if models.classifier is not None:
        app.include_router(classify_router(models.classifier, batcher, settings))
    if models.generator is not None:
        app.include_router(lm_router(models.generator, settings))
    if models.qa is not None:
        app.include_router(qa_router(models.qa, settings))
    if models.seq2seq is not None:
        app.include_router(seq2seq_router(models.seq2seq, settings))
    else:
        add_missing_seq2seq_route(app)
    if models.filler is not None:
        app.include_router(mask_router(models.filler, settings))
    if tagger_batcher is not None:
        app.include_router(ner_router(tagger_batcher, settings))
    _add_missing_model_routes(
        app,
        models.classifier is None,
        models.generator is None,
        models.qa is None,
        models.filler is None,
        models.tagger is None,
    )


def _add_pages(app: FastAPI, settings: ServeSettings) -> None:
    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/labels.js", include_in_schema=False)
    async def label_names() -> Response:
        """The label names the CLI uses too (trtune.data.label_names), and the page's first
        language (``serve --lang``, else TRTUNE_LANG or the locale)."""
        first = f"window.TRTUNE_LANG = {json.dumps(settings.lang)};\n"
        return Response(first + labels_script(), media_type="text/javascript; charset=utf-8")

    @app.get("/nanogpt", include_in_schema=False, response_model=None)
    async def nanogpt_page() -> FileResponse | HTMLResponse:
        if settings.nanogpt_page is None:
            return HTMLResponse(NO_NANOGPT_PAGE, status_code=404)
        return FileResponse(settings.nanogpt_page, media_type="text/html")


def _add_missing_model_routes(
    app: FastAPI,
    no_classifier: bool,
    no_lm: bool,
    no_qa: bool = True,
    no_mask: bool = True,
    no_ner: bool = True,
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
    if no_qa:
        missing = refuse("no QA model loaded (start with --qa DIR)")
        app.post("/v1/qa", include_in_schema=False)(missing)
    if no_mask:
        missing = refuse("no masked language model loaded (start with --mask DIR)")
        app.post("/v1/fill-mask", include_in_schema=False)(missing)
    if no_ner:
        missing = refuse("no NER tagger loaded (start with --ner DIR)")
        app.post("/v1/ner", include_in_schema=False)(missing)
