"""Encoder-decoder generation: one predictor for ``seq2seq generate``, ``seq2seq eval``, the
end-of-training test scoring, the validation metric during training and ``/v1/seq2seq``.

A folder written by ``seq2seq train`` records its task prefix (``çevir en-tr: ``, ...) in
``trtune.json`` and in ``config.json`` (``prefix``, read by transformers' text2text
pipelines), its source length limit, and its generation settings (also in
``generation_config.json``, so that plain ``model.generate`` uses them). The predictor puts
the prefix before every source, cuts the source to the limit as in training, and generates
in length-sorted batches.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from trtune.errors import UserError
from trtune.infer.kinds import inspect_folder, load_model_folder
from trtune.infer.sampling import GenerationSettings
from trtune.run.devices import resolve_device, resolve_dtype


class Seq2SeqGenerator:
    """Writes targets for sources with one encoder-decoder (any ``AutoModelForSeq2SeqLM`` or
    its LoRA ``PeftModel``), as it was trained: the prefix first, the source cut to
    ``max_source_length`` tokens. One generation at a time (a lock)."""

    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        prefix: str = "",
        max_source_length: int = 512,
    ):
        self.model = model
        self.tokenizer = tokenizer
        self.prefix = prefix
        self.max_source_length = max_source_length
        self._lock = threading.Lock()

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device

    def encode(self, sources: Sequence[str]) -> list[list[int]]:
        """Token ids of each source with its prefix, cut as in training."""
        texts = [self.prefix + s for s in sources]
        encoded = self.tokenizer(texts, truncation=True, max_length=self.max_source_length)
        return encoded["input_ids"]

    def generate(
        self,
        sources: Sequence[str],
        settings: GenerationSettings,
        batch_size: int = 32,
        on_batch: Callable[[int], None] | None = None,
    ) -> list[str]:
        """The generated target of each source, in input order (whitespace stripped);
        ``on_batch`` hears how many sources are done after each batch (a progress bar)."""
        ids = self.encode(sources)
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))  # dense batches
        out: list[str] = [""] * len(ids)
        was_training = self.model.training
        self.model.eval()
        try:
            with self._lock, torch.inference_mode():
                for start in range(0, len(order), batch_size):
                    rows = order[start : start + batch_size]
                    texts = self._generate_batch([ids[i] for i in rows], settings)
                    for i, text in zip(rows, texts, strict=True):
                        out[i] = text
                    if on_batch is not None:
                        on_batch(start + len(rows))
        finally:
            self.model.train(was_training)
        return out

    def _generate_batch(self, ids: list[list[int]], settings: GenerationSettings) -> list[str]:
        batch = self.tokenizer.pad({"input_ids": ids}, return_tensors="pt").to(self.device)
        if settings.temperature > 0:
            torch.manual_seed(settings.seed)
        generated = self.model.generate(
            input_ids=batch["input_ids"],  # (B, S)
            attention_mask=batch["attention_mask"],
            **settings.generate_kwargs(),
        )  # (B, T)
        texts = self.tokenizer.batch_decode(generated, skip_special_tokens=True)
        return [t.strip() for t in texts]


@dataclass
class LoadedSeq2Seq:
    """A folder ready to generate, with what its run recorded.

    Attributes:
        generator: the model behind its prefix and length limit.
        generation: the generation settings the run used (the defaults of ``generate``).
        task: ``summarize``, ``translate``, ``question-generation`` or ``generic``.
        record: the folder's ``trtune.json`` (``{}`` for other folders).
    """

    generator: Seq2SeqGenerator
    generation: GenerationSettings
    task: str
    record: dict[str, Any]

    def generate(
        self,
        sources: Sequence[str],
        overrides: dict[str, Any] | None = None,
        batch_size: int = 32,
        on_batch: Callable[[int], None] | None = None,
    ) -> list[str]:
        """Generate with the folder's settings, ``overrides`` (e.g. ``{"num_beams": 1}``)
        winning; ``on_batch`` as in :meth:`Seq2SeqGenerator.generate`."""
        settings = GenerationSettings.from_values(self.generation.to_dict(), overrides)
        return self.generator.generate(sources, settings, batch_size, on_batch)


def load_seq2seq(
    folder: str | Path,
    device: torch.device | str = "cpu",
    dtype: torch.dtype | str = torch.float32,
) -> LoadedSeq2Seq:
    """Load a ``seq2seq train`` folder (full model, merged, or LoRA adapter) or any
    encoder-decoder folder, in ``dtype`` (a ``--dtype`` name is resolved for batches of
    sources: :func:`~trtune.run.devices.resolve_dtype`).

    Raises:
        UserError: not a model folder, or a folder of another task.
    """
    device = resolve_device(device) if isinstance(device, str) else device
    dtype = resolve_dtype(dtype, device) if isinstance(dtype, str) else dtype
    info = inspect_folder(folder)
    if info.task not in (None, "seq2seq"):
        raise UserError(f"this folder holds a {info.task} model, not a seq2seq one", file=folder)
    info = info if info.task else type(info)(info.path, info.kind, "seq2seq", info.record)
    model, tokenizer = load_model_folder(info, device=device, dtype=dtype)
    recorded = info.model_info
    config = getattr(model, "config", None)
    prefix = recorded.get("prefix", getattr(config, "prefix", None) or "")
    generator = Seq2SeqGenerator(
        model, tokenizer, prefix, int(recorded.get("max_source_length") or 512)
    )
    generation = GenerationSettings.from_values(recorded.get("generation"))
    task = recorded.get("task_kind") or "generic"
    return LoadedSeq2Seq(generator, generation, task, info.record)
