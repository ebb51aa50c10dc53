"""``/v1/ner``: the entities of texts, through the tagger ``ner predict`` uses.

Concurrent requests share forward passes through their own :class:`MicroBatcher`, as
``/v1/classify`` does. Each result is the text and its entities: type, character offsets
(``text[start:end]``), the entity's text and its score.
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from trtune.run.devices import dtype_name, resolve_device, resolve_dtype
from trtune.serve.batcher import MicroBatcher
from trtune.serve.classify_routes import check_texts
from trtune.serve.schemas import Text
from trtune.serve.settings import ServeSettings


class NerRequest(BaseModel):
    """Texts whose entities to find (unknown fields are an error, as in every request)."""

    model_config = ConfigDict(extra="forbid")

    texts: list[Text] = Field(
        ..., min_length=1, examples=[["Mustafa Kemal Atatürk 19 Mayıs 1919'da Samsun'a çıktı."]]
    )


class NerEntity(BaseModel):
    """One entity: ``text[start:end]`` of its text."""

    type: str
    start: int
    end: int
    text: str
    score: float


class NerResult(BaseModel):
    """A text and its entities, in text order."""

    text: str
    entities: list[NerEntity]


class NerResponse(BaseModel):
    """One result per text, in request order."""

    results: list[NerResult]


def load_ner_tagger(settings: ServeSettings):
    """The tagger ``--ner`` names (``None`` without one), on the serving device."""
    if settings.ner is None:
        return None
    from trtune.infer.ner import load_tagger

    device = resolve_device(settings.device)
    dtype = resolve_dtype(settings.dtype, device)
    return load_tagger(settings.ner, device, dtype, backend=settings.backend)


def ner_batcher(tagger, settings: ServeSettings) -> MicroBatcher:
    """The micro-batcher of ``/v1/ner`` requests."""
    return MicroBatcher(
        lambda texts: [r.to_dict() for r in tagger.predict(texts)],
        settings.max_batch_size,
        settings.max_wait_ms,
    )


def ner_health(settings: ServeSettings, tagger) -> dict | None:
    """The ``ner`` entry of ``/health``."""
    if tagger is None:
        return None
    types = sorted({label[2:] for label in tagger.labels if label[:2] in ("B-", "I-")})
    return {
        "folder": settings.ner.name if settings.ner else None,
        "types": types,
        "dtype": dtype_name(next(tagger.model.parameters()).dtype),
    }


def ner_router(batcher: MicroBatcher, settings: ServeSettings) -> APIRouter:
    """The route of a loaded tagger."""
    router = APIRouter()

    @router.post("/v1/ner", response_model=NerResponse)
    async def ner(body: NerRequest) -> dict:
        """The entities of each text; concurrent requests share forward passes."""
        check_texts(body.texts, settings)
        return {"results": await batcher.submit(body.texts)}

    return router
