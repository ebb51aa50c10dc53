"""``/v1/classify`` and ``/v1/attention``: the classifier's routes."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool

from trtune.serve.batcher import MicroBatcher
from trtune.serve.schemas import (
    AttentionRequest,
    AttentionResponse,
    ClassifyRequest,
    ClassifyResponse,
)
from trtune.serve.settings import ServeSettings


def check_texts(texts: list[str], settings: ServeSettings) -> None:
    """413 for more texts or longer texts than the settings allow."""
    if len(texts) > settings.max_texts:
        raise HTTPException(413, f"at most {settings.max_texts} texts per request")
    for i, text in enumerate(texts):
        if len(text) > settings.max_chars:
            raise HTTPException(413, f"texts[{i}]: longer than {settings.max_chars} characters")


def label_results(predictor, texts: list[str]) -> list[dict]:
    """``{"label", "probabilities"}`` per text, in input order (one forward pass)."""
    return [{"label": p.label, "probabilities": p.probabilities} for p in predictor.predict(texts)]


def classify_router(predictor, batcher: MicroBatcher, settings: ServeSettings) -> APIRouter:
    """The routes of a loaded classifier (any folder kind ``classify train`` writes)."""
    router = APIRouter()

    @router.post("/v1/classify", response_model=ClassifyResponse)
    async def classify(body: ClassifyRequest) -> dict:
        """Label each text; concurrent requests share forward passes (micro-batching)."""
        check_texts(body.texts, settings)
        return {"results": await batcher.submit(body.texts)}

    @router.post("/v1/attention", response_model=AttentionResponse)
    async def attention(body: AttentionRequest) -> dict:
        """Tokens and the attention weights of every layer and head, with the prediction."""
        if not predictor.has_attention:
            raise HTTPException(409, "this classifier has no attention weights to show")
        check_texts([body.text], settings)
        found = await run_in_threadpool(
            predictor.attention, body.text, settings.attention_max_tokens
        )
        layers, heads = found.weights.shape[:2]
        probs = dict(zip(predictor.labels, found.probabilities, strict=True))
        return {
            "tokens": found.tokens,
            "layers": layers,
            "heads": heads,
            "attentions": found.weights.double().round(decimals=5).tolist(),
            "label": max(probs, key=probs.get),
            "probabilities": probs,
        }

    return router
