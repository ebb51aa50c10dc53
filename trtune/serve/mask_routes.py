"""``/v1/fill-mask``: the masked LM's route, through the one filler ``mask predict`` uses."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool

from trtune.errors import UserError
from trtune.infer.mask import MaskFiller
from trtune.serve.classify_routes import check_texts
from trtune.serve.schemas import FillMaskRequest, FillMaskResponse
from trtune.serve.settings import ServeSettings


def mask_router(filler: MaskFiller, settings: ServeSettings) -> APIRouter:
    """The routes of a loaded masked LM."""
    router = APIRouter()

    @router.post("/v1/fill-mask", response_model=FillMaskResponse)
    async def fill_mask(body: FillMaskRequest) -> dict:
        """The ``top_k`` most probable tokens for every blank of every text."""
        check_texts(body.texts, settings)
        try:
            results = await run_in_threadpool(filler.fill, body.texts, body.top_k)
        except UserError as exc:  # a text without a blank, or a blank cut off
            raise HTTPException(422, exc.message()) from None
        return {"results": [r.to_dict() for r in results]}

    return router


def mask_health(filler: MaskFiller | None, settings: ServeSettings) -> dict | None:
    """The ``mask`` entry of ``/health``."""
    if filler is None:
        return None
    return {
        "folder": settings.mask.name if settings.mask else None,
        "mask_token": filler.tokenizer.mask_token,
        "vocab_size": filler.vocab_size,
    }
