"""``/v1/qa``: the extractive QA model's route."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool

from trtune.errors import UserError
from trtune.serve.schemas import QaRequest, QaResponse
from trtune.serve.settings import ServeSettings


def qa_router(predictor, settings: ServeSettings) -> APIRouter:
    """The route of a loaded QA model (any folder kind ``qa train`` writes)."""
    router = APIRouter()

    @router.post("/v1/qa", response_model=QaResponse)
    async def answer(body: QaRequest) -> dict:
        """The span of the context that answers the question, with its character offsets
        (``""`` with offsets 0 when the model says the context holds no answer)."""
        for name, text in (("context", body.context), ("question", body.question)):
            if len(text) > settings.max_chars * (8 if name == "context" else 1):
                raise HTTPException(413, f"{name}: too long")
        try:
            found = await run_in_threadpool(predictor.predict, [body.question], [body.context])
        except UserError as exc:
            raise HTTPException(422, exc.message()) from None
        return found[0].to_dict()

    return router
