"""The JSON bodies of the API, as pydantic models (FastAPI validates and documents them).

No request field names a path or a model: what the server runs is fixed at start-up.
Static bounds live here; the configurable ones (texts per request, characters,
``max_new_tokens``) are checked in :mod:`trtune.serve.app` against the settings.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from trtune.infer.sampling import SamplingSettings
from trtune.tasks.mask.settings import MAX_TOP_K  # the bound of ``mask predict --top-k``


def _utf8(value: str) -> str:
    """Refuse a lone surrogate (``"\\ud800"`` is valid JSON but no character, and the
    tokenizer fails on it); pydantic itself refuses one only in a length-checked field."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        raise ValueError(f"unpaired surrogate \\u{code:04x} at character {exc.start}") from None
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("empty text: there is nothing to classify")
    return value


# A text to classify: some non-space character, and only characters UTF-8 can carry.
Text = Annotated[str, AfterValidator(_not_blank), AfterValidator(_utf8)]


class _Strict(BaseModel):
    # Unknown fields are an error, so a typo ("text" for "texts") is not silently ignored.
    model_config = ConfigDict(extra="forbid")


class ClassifyRequest(_Strict):
    """Texts to label."""

    texts: list[Text] = Field(..., min_length=1, examples=[["Bu film harikaydı!"]])


class TextLabel(BaseModel):
    """The label of one text and the probability of every label."""

    label: str
    probabilities: dict[str, float]


class ClassifyResponse(BaseModel):
    """One result per text, in request order."""

    results: list[TextLabel]


class AttentionRequest(_Strict):
    """One text whose attention weights to show."""

    text: Text = Field(..., min_length=1, examples=["Bu film harikaydı!"])


class AttentionResponse(BaseModel):
    """``attentions[layer][head][query][key]``; each query row sums to 1."""

    tokens: list[str]
    layers: int
    heads: int
    attentions: list[list[list[list[float]]]]
    label: str | None = None
    probabilities: dict[str, float] | None = None


_SAMPLING = SamplingSettings()  # the one set of generation defaults


class GenerateRequest(_Strict):
    """A prompt and the sampling settings (defaults: those of ``trtune lm generate``)."""

    prompt: str = Field(..., min_length=1, examples=["Bir varmış, bir yokmuş,"])
    max_new_tokens: int = Field(_SAMPLING.max_new_tokens, ge=1)
    temperature: float = Field(
        _SAMPLING.temperature, ge=0.0, le=5.0, description="0 means greedy decoding."
    )
    top_k: int = Field(_SAMPLING.top_k, ge=0, description="0 turns top-k filtering off.")
    top_p: float = Field(_SAMPLING.top_p, gt=0.0, le=1.0)
    repetition_penalty: float = Field(_SAMPLING.repetition_penalty, gt=0.0, le=10.0)
    seed: int = Field(_SAMPLING.seed, description="Sampling seed (the same seed, the same text).")
    stream: bool = Field(False, description="Answer as text/event-stream, piece by piece.")

    def sampling(self) -> SamplingSettings:
        """The request's sampling settings."""
        return SamplingSettings(
            temperature=self.temperature,
            top_k=self.top_k,
            top_p=self.top_p,
            max_new_tokens=self.max_new_tokens,
            repetition_penalty=self.repetition_penalty,
            seed=self.seed,
        )


class GenerateResponse(BaseModel):
    """The prompt and what the model wrote after it."""

    prompt: str
    text: str


class QaRequest(_Strict):
    """A context and a question about it."""

    context: Text = Field(..., examples=["Mimar Sinan 1588'de İstanbul'da öldü."])
    question: Text = Field(..., examples=["Mimar Sinan nerede öldü?"])


class QaResponse(BaseModel):
    """The answer: the exact substring ``context[start:end]`` and its score."""

    answer: str
    score: float
    start: int
    end: int


class FillMaskRequest(_Strict):
    """Sentences with ``[MASK]`` (or ``<mask>``) where a word is missing."""

    texts: list[Text] = Field(..., min_length=1, examples=[["Ankara Türkiye'nin [MASK] şehridir."]])
    top_k: int = Field(5, ge=1, le=MAX_TOP_K, description="Candidates per blank.")


class FillCandidate(BaseModel):
    """One candidate for a blank."""

    token: str
    token_str: str
    token_id: int
    probability: float


class FillResult(BaseModel):
    """The candidates of every blank of one text, and the text with the best ones filled in."""

    text: str
    filled: str
    masks: list[list[FillCandidate]]


class FillMaskResponse(BaseModel):
    """One result per text, in request order."""

    results: list[FillResult]
