"""How to sample text, shared by ``lm generate``, ``lm chat``, ``seq2seq generate`` and
``/v1/generate``: one dataclass, one set of defaults.

It lives apart from :mod:`trtune.infer.generate` so that the CLI can build its options from
it without importing torch and transformers (``trtune --help`` stays quick).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from trtune.errors import UserError
from trtune.run.settings import setting


def _setting(help: str, default: Any) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass
class SamplingSettings:
    """How to sample; validated once. ``temperature`` 0 means greedy decoding."""

    temperature: float = _setting("0 = greedy; below 1 safer, above 1 wilder", 0.8)
    top_k: int = _setting("sample among the k likeliest tokens (0: all)", 50)
    top_p: float = _setting("sample among the likeliest tokens holding this probability", 0.95)
    max_new_tokens: int = _setting("tokens to write at most", 128)
    repetition_penalty: float = _setting("above 1 discourages repeating tokens", 1.0)
    seed: int = _setting("sampling seed", 42)

    def __post_init__(self) -> None:
        if self.temperature < 0:
            raise UserError("--temperature must be >= 0 (0 means greedy)")
        if not 0 < self.top_p <= 1:
            raise UserError("--top-p must be in (0, 1]")
        if self.top_k < 0 or self.max_new_tokens < 1:
            raise UserError("--top-k must be >= 0 and --max-new-tokens >= 1")
        if self.repetition_penalty <= 0:
            raise UserError("--repetition-penalty must be positive")

    def generate_kwargs(self) -> dict[str, Any]:
        """The sampling part of ``model.generate``'s arguments."""
        kwargs: dict[str, Any] = {
            "max_new_tokens": self.max_new_tokens,
            "do_sample": self.temperature > 0,
        }
        if self.temperature > 0:
            kwargs.update(temperature=self.temperature, top_k=self.top_k, top_p=self.top_p)
        if self.repetition_penalty != 1.0:
            kwargs["repetition_penalty"] = self.repetition_penalty
        return kwargs


@dataclass
class GenerationSettings(SamplingSettings):
    """How an encoder-decoder writes: beam search by default (``temperature`` 0), sampling
    when ``temperature`` is above 0. Shared by ``seq2seq train`` (validation and test),
    ``eval``, ``generate`` and the server."""

    temperature: float = setting(
        "0 = beam search (greedy with --num-beams 1); above 0 samples", 0.0
    )
    max_new_tokens: int = setting("tokens to write at most", 64)
    num_beams: int = setting("beams of beam search (1: greedy)", 4)
    no_repeat_ngram_size: int = setting("never repeat an n-gram of this many tokens (0: off)", 0)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.num_beams < 1:
            raise UserError("--num-beams must be >= 1 (1 means greedy)")
        if self.no_repeat_ngram_size < 0:
            raise UserError("--no-repeat-ngram-size must be >= 0 (0 turns it off)")

    def generate_kwargs(self) -> dict[str, Any]:
        """``model.generate``'s arguments for these settings."""
        kwargs = super().generate_kwargs()
        kwargs["num_beams"] = self.num_beams
        if self.no_repeat_ngram_size:
            kwargs["no_repeat_ngram_size"] = self.no_repeat_ngram_size
        return kwargs

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``trtune.json``'s ``model.generation``)."""
        return asdict(self)

    @classmethod
    def from_values(cls, *layers: dict[str, Any] | None) -> GenerationSettings:
        """Settings from dictionaries, later ones winning (a folder's recorded settings, then
        the options a user gave); unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for layer in layers:
            values.update({k: v for k, v in (layer or {}).items() if k in names and v is not None})
        return cls(**values)
