"""``/v1/seq2seq``: the encoder-decoder's route (summaries, translations, questions), through
the predictor ``seq2seq generate`` uses."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from trtune.errors import UserError
from trtune.infer.seq2seq import GenerationSettings, LoadedSeq2Seq
from trtune.run.devices import dtype_name
from trtune.serve.schemas import Text
from trtune.serve.settings import ServeSettings

MAX_BEAMS = 8  # beam search costs one decoder pass per beam: bounded for a shared server


class Seq2SeqRequest(BaseModel):
    """Sources and, optionally, generation settings (unset: those the model was trained
    with)."""

    model_config = ConfigDict(extra="forbid")

    texts: list[Text] = Field(..., min_length=1, examples=[["Merhaba, nasılsın?"]])
    num_beams: int | None = Field(None, ge=1, le=MAX_BEAMS)
    max_new_tokens: int | None = Field(None, ge=1)
    temperature: float | None = Field(None, ge=0.0, le=5.0, description="0: beam search.")
    top_k: int | None = Field(None, ge=0)
    top_p: float | None = Field(None, gt=0.0, le=1.0)
    no_repeat_ngram_size: int | None = Field(None, ge=0)
    seed: int | None = None

    def overrides(self) -> dict[str, Any]:
        """The generation settings the request sets."""
        return self.model_dump(exclude={"texts"}, exclude_none=True)


class Seq2SeqResult(BaseModel):
    """One source and what the model wrote for it."""

    source: str
    text: str


class Seq2SeqResponse(BaseModel):
    """One result per source, in request order, and the settings used."""

    results: list[Seq2SeqResult]
    generation: dict[str, Any]


def load_seq2seq_model(settings: ServeSettings) -> LoadedSeq2Seq | None:
    """The encoder-decoder ``--seq2seq`` names (float32 on a CPU: it decodes token by token,
    as the LM does)."""
    if settings.seq2seq is None:
        return None
    from trtune.infer.seq2seq import load_seq2seq
    from trtune.run.devices import resolve_device, resolve_dtype

    device = resolve_device(settings.device)
    return load_seq2seq(settings.seq2seq, device, resolve_dtype(settings.dtype, device, False))


def seq2seq_health(loaded: LoadedSeq2Seq | None, settings: ServeSettings) -> dict | None:
    """The ``seq2seq`` block of ``/health``."""
    if loaded is None:
        return None
    return {
        "folder": settings.seq2seq.name if settings.seq2seq else None,
        "task": loaded.task,
        "prefix": loaded.generator.prefix,
        "dtype": dtype_name(next(loaded.generator.model.parameters()).dtype),
        "generation": loaded.generation.to_dict(),
    }


def seq2seq_router(loaded: LoadedSeq2Seq, settings: ServeSettings) -> APIRouter:
    """The route of a loaded encoder-decoder."""
    router = APIRouter()

    @router.post("/v1/seq2seq", response_model=Seq2SeqResponse)
    async def seq2seq(body: Seq2SeqRequest) -> dict:
        """Write the target of each source (the model's prefix is added)."""
        if len(body.texts) > settings.max_texts:
            raise HTTPException(413, f"at most {settings.max_texts} texts per request")
        for i, text in enumerate(body.texts):
            if len(text) > settings.max_chars:
                raise HTTPException(413, f"texts[{i}]: longer than {settings.max_chars} characters")
        overrides = body.overrides()
        if overrides.get("max_new_tokens", 0) > settings.max_new_tokens:
            raise HTTPException(422, f"max_new_tokens: at most {settings.max_new_tokens}")
        try:
            generation = GenerationSettings.from_values(loaded.generation.to_dict(), overrides)
        except UserError as exc:
            raise HTTPException(422, exc.message()) from None
        if generation.max_new_tokens > settings.max_new_tokens:
            generation.max_new_tokens = settings.max_new_tokens
        outputs = await run_in_threadpool(
            loaded.generator.generate, body.texts, generation, settings.max_batch_size
        )
        return {
            "results": [{"source": s, "text": t} for s, t in zip(body.texts, outputs, strict=True)],
            "generation": generation.to_dict(),
        }

    return router


def add_missing_seq2seq_route(app: FastAPI) -> None:
    """A 404 that says how to start the server with an encoder-decoder."""

    async def missing() -> None:
        raise HTTPException(404, "no seq2seq model loaded (start with --seq2seq DIR)")

    app.post("/v1/seq2seq", include_in_schema=False)(missing)
