"""The FastAPI app of `trtune serve`: the JSON API, the web page and the limits.

:func:`create_app` builds one app from :class:`~trtune.serve.settings.ServeSettings`;
tests drive it with ``TestClient``, the CLI runs it under uvicorn.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles

from trtune.devices import dtype_name, resolve_device, resolve_dtype
from trtune.serve.batcher import MicroBatcher
from trtune.serve.limits import BodySizeLimit, install_error_handlers
from trtune.serve.models import CausalLM, TextClassifier, load_causal_lm, load_text_classifier
from trtune.serve.schemas import (
    AttentionRequest,
    AttentionResponse,
    ClassifyRequest,
    ClassifyResponse,
    GenerateRequest,
    GenerateResponse,
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


def _check_texts(texts: list[str], settings: ServeSettings) -> None:
    """413 for more texts or longer texts than the settings allow."""
    if len(texts) > settings.max_texts:
        raise HTTPException(413, f"at most {settings.max_texts} texts per request")
    for i, text in enumerate(texts):
        if len(text) > settings.max_chars:
            raise HTTPException(413, f"texts[{i}]: longer than {settings.max_chars} characters")


def _sse(pieces: Iterator[str]) -> Iterator[str]:
    """Server-sent events: one ``data:`` JSON object per piece, then ``event: done``."""
    for piece in pieces:
        yield f"data: {json.dumps({'text': piece}, ensure_ascii=False)}\n\n"
    yield "event: done\ndata: {}\n\n"


def create_app(
    settings: ServeSettings,
    classifier: TextClassifier | None = None,
    lm: CausalLM | None = None,
) -> FastAPI:
    """Build the app; models are loaded here (or passed in), never because of a request.

    Args:
        settings: what to serve and the limits.
        classifier: an already loaded classifier (else loaded from ``settings.classifier``).
        lm: an already loaded LM (else loaded from ``settings.lm``).
    """
    device = resolve_device(settings.device)
    dtype = resolve_dtype(settings.dtype, device)
    lm_dtype = resolve_dtype(settings.dtype, device, batched=False)
    if classifier is None and settings.classifier is not None:
        classifier = load_text_classifier(settings.classifier, settings.max_length, device, dtype)
    if lm is None and settings.lm is not None:
        lm = load_causal_lm(settings.lm, device, lm_dtype)
    batcher = None
    if classifier is not None:
        batcher = MicroBatcher(classifier.classify, settings.max_batch_size, settings.max_wait_ms)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if batcher is not None:
            await batcher.start()
        yield
        if batcher is not None:
            await batcher.stop()

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

    def need_classifier() -> TextClassifier:
        if classifier is None:
            raise HTTPException(404, "no classifier loaded (start with --classifier DIR)")
        return classifier

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/nanogpt", include_in_schema=False, response_model=None)
    async def nanogpt_page() -> FileResponse | HTMLResponse:
        if settings.nanogpt_page is None:
            return HTMLResponse(NO_NANOGPT_PAGE, status_code=404)
        return FileResponse(settings.nanogpt_page, media_type="text/html")

    @app.get("/health")
    async def health() -> dict:
        """Which models are loaded, and how batching has gone so far."""
        return {
            "status": "ok",
            "device": str(device),
            "classifier": None
            if classifier is None
            else {
                "folder": settings.classifier.name if settings.classifier else None,
                "labels": classifier.labels,
                "attention": classifier.has_attention,
                "dtype": dtype_name(dtype),
            },
            "lm": None
            if lm is None
            else {
                "folder": settings.lm.name if settings.lm else None,
                "dtype": dtype_name(lm_dtype),
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

    @app.post("/v1/classify", response_model=ClassifyResponse)
    async def classify(body: ClassifyRequest) -> dict:
        """Label each text; concurrent requests share forward passes (micro-batching)."""
        need_classifier()
        _check_texts(body.texts, settings)
        return {"results": await batcher.submit(body.texts)}

    @app.post("/v1/attention", response_model=AttentionResponse)
    async def attention(body: AttentionRequest) -> dict:
        """Tokens and the attention weights of every layer and head, with the prediction."""
        model = need_classifier()
        if not model.has_attention:
            raise HTTPException(409, "this classifier has no attention weights to show")
        _check_texts([body.text], settings)
        found = await run_in_threadpool(model.attention, body.text, settings.attention_max_tokens)
        layers, heads = found.weights.shape[:2]
        probs = dict(zip(model.labels, found.probabilities, strict=True))
        return {
            "tokens": found.tokens,
            "layers": layers,
            "heads": heads,
            "attentions": found.weights.double().round(decimals=5).tolist(),
            "label": max(probs, key=probs.get),
            "probabilities": probs,
        }

    @app.post("/v1/generate", response_model=GenerateResponse, response_model_exclude_none=True)
    async def generate(body: GenerateRequest, request: Request):
        """Continue the prompt; with ``"stream": true`` as server-sent events."""
        if lm is None:
            raise HTTPException(404, "no language model loaded (start with --lm DIR)")
        if len(body.prompt) > settings.max_chars:
            raise HTTPException(413, f"prompt: longer than {settings.max_chars} characters")
        if body.max_new_tokens > settings.max_new_tokens:
            raise HTTPException(422, f"max_new_tokens: at most {settings.max_new_tokens}")
        args = (body.prompt, body.max_new_tokens, body.temperature, body.top_k, body.top_p)
        if body.stream:
            return StreamingResponse(
                _sse(lm.stream(*args)),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-cache"},
            )
        text = await run_in_threadpool(lm.generate, *args)
        return {"prompt": body.prompt, "text": text}

    return app
