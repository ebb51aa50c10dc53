"""``/v1/generate``: the language model's route, through the one generator."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from trtune.infer.generate import Generator, user_turn
from trtune.serve.schemas import GenerateRequest, GenerateResponse
from trtune.serve.settings import ServeSettings


def _sse(pieces: Iterator[str]) -> Iterator[str]:
    """Server-sent events: one ``data:`` JSON object per piece, then ``event: done``."""
    for piece in pieces:
        yield f"data: {json.dumps({'text': piece}, ensure_ascii=False)}\n\n"
    yield "event: done\ndata: {}\n\n"


def lm_router(generator: Generator, settings: ServeSettings) -> APIRouter:
    """The routes of a loaded causal LM."""
    router = APIRouter()

    @router.post("/v1/generate", response_model=GenerateResponse, response_model_exclude_none=True)
    async def generate(body: GenerateRequest):
        """Continue the prompt (or answer it, for an instruction-tuned model); with
        ``"stream": true`` as server-sent events."""
        if len(body.prompt) > settings.max_chars:
            raise HTTPException(413, f"prompt: longer than {settings.max_chars} characters")
        if body.max_new_tokens > settings.max_new_tokens:
            raise HTTPException(422, f"max_new_tokens: at most {settings.max_new_tokens}")
        messages, sampling = user_turn(body.prompt), body.sampling()
        if body.stream:
            return StreamingResponse(
                _sse(generator.stream(messages, sampling)),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-cache"},
            )
        text = await run_in_threadpool(generator.generate, messages, sampling)
        return {"prompt": body.prompt, "text": text}

    return router
