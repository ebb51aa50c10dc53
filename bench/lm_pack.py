"""Packed vs padded batches: the throughput comparison the benchmark runs.

``pack_vs_pad`` builds the same examples both ways and times training steps on each; the
ratio is what ``--pack`` buys (padding is compute spent on nothing).
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import PreTrainedModel

from trtune.infer.lm import ensure_pad_token
from trtune.run.models import load_model, load_tokenizer, resolve_model
from trtune.tasks.lm.encode import Batch, encode_records, make_batches
from trtune.tasks.lm.formats import load_records
from trtune.tasks.lm.loss import token_loss_sum
from trtune.tasks.lm.templates import render_record, resolve_template


@dataclass
class PackResult:
    """Tokens per second both ways, and how full the tensors were."""

    padded_tokens_per_second: float
    packed_tokens_per_second: float
    padded_fill: float  # real tokens / tensor cells
    packed_fill: float
    static_tokens_per_second: float  # padded to max_length
    static_fill: float
    rounds: dict | None = None  # seconds per million tokens of every round of each layout

    @property
    def speedup(self) -> float:
        """Packed over dynamically padded (padding to each batch's longest)."""
        return self.packed_tokens_per_second / self.padded_tokens_per_second

    @property
    def speedup_vs_static(self) -> float:
        """Packed over padding every sequence to max_length."""
        return self.packed_tokens_per_second / self.static_tokens_per_second


def _prepare(data: str, model: str, max_length: int, max_examples: int | None, seed: int):
    """The model, tokenizer and encoded examples every layout trains on."""
    records = load_records(data, max_examples).records
    source = resolve_model(model)
    texts = []
    if source.kind == "preset":
        texts = ["".join(s.text for s in render_record(r, "turkish", None)) for r in records[:500]]  # type: ignore[arg-type]
    tokenizer = ensure_pad_token(load_tokenizer(source, texts))
    lm = load_model(source, "causal-lm", tokenizer, seed=seed)
    template = resolve_template("auto", tokenizer)
    return lm, tokenizer, encode_records(records, tokenizer, template, max_length)


def _layout(examples, mode: str, batch_size: int, max_length: int, pad_id: int, seed: int):
    """Batches in one layout: ``padded`` (to the batch's longest), ``packed`` or ``static``."""
    return make_batches(
        examples,
        batch_size,
        max_length,
        pad_id,
        pack=mode == "packed",
        generator=torch.Generator().manual_seed(seed),
        pad_to_max_length=mode == "static",
    )


def _rss_kib(field: str) -> int:
    """``VmRSS`` or ``VmHWM`` (peak) of this process in KiB, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise OSError(f"{field} not in /proc/self/status")


def train_steps(
    data: str,
    mode: str,
    max_length: int,
    batch_size: int,
    steps: int,
    model: str = "tiny-gpt",
    seed: int = 0,
    max_examples: int = 1500,
) -> dict[str, float]:
    """Train ``steps`` steps of ``model`` in one layout and measure the memory it took.

    Run it alone in a fresh process: the peak resident set is reset (Linux
    ``/proc/self/clear_refs``) after the model and data are ready, so ``peak_mib`` is the
    highest the training steps drove it and ``growth_mib`` what they added.
    """
    lm, tokenizer, examples = _prepare(data, model, max_length, max_examples, seed)
    batches = _layout(examples, mode, batch_size, max_length, tokenizer.pad_token_id, seed)
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current VmRSS
    before = _rss_kib("VmRSS")
    tokens_per_second = measure_throughput(lm, batches, "cpu", steps)
    peak = _rss_kib("VmHWM")
    return {
        "tokens_per_second": tokens_per_second,
        "peak_mib": round(peak / 1024, 1),
        "growth_mib": round((peak - before) / 1024, 1),
    }


def pack_vs_pad(
    data: str,
    model: str = "tiny-gpt",
    max_length: int = 512,
    batch_size: int = 8,
    steps: int = 10,
    max_examples: int | None = 2000,
    device: str = "cpu",
    seed: int = 0,
    rounds: int = 1,
) -> PackResult:
    """Time ``steps`` training steps on padded and on packed batches of the same data, the
    layouts in alternating rounds (:mod:`bench.rounds`), each layout's fastest kept."""
    from bench.rounds import alternate

    lm, tokenizer, examples = _prepare(data, model, max_length, max_examples, seed)
    layouts, fill = {}, {}
    for mode in ("padded", "packed", "static"):
        layouts[mode] = _layout(
            examples, mode, batch_size, max_length, tokenizer.pad_token_id, seed
        )
        cells = sum(b.input_ids.numel() for b in layouts[mode])
        fill[mode] = sum(b.tokens for b in layouts[mode]) / cells

    def train(mode: str) -> float:
        torch.manual_seed(seed)
        return measure_throughput(lm, layouts[mode], device, steps)

    timed = alternate(
        {mode: (lambda m=mode: train(m)) for mode in layouts},
        n=rounds,
        label="lm layouts (s per 1M tokens)",
        seconds_of=lambda mode, wall, rate: 1e6 / rate,  # the rounds compare seconds per token
    )
    rate = {mode: 1e6 / timed.best(mode) for mode in layouts}
    return PackResult(
        padded_tokens_per_second=rate["padded"],
        packed_tokens_per_second=rate["packed"],
        padded_fill=fill["padded"],
        packed_fill=fill["packed"],
        static_tokens_per_second=rate["static"],
        static_fill=fill["static"],
        rounds=timed.to_dict(),
    )


def measure_throughput(
    model: PreTrainedModel,
    batches: list[Batch],
    device: torch.device | str = "cpu",
    steps: int | None = None,
    lr: float = 1e-4,
) -> float:
    """Tokens (not padding) per second of forward + backward + optimiser steps.

    The benchmark calls this with padded and with packed batches of the same examples
    (see :func:`pack_vs_pad`). The first batch is a warm-up and not timed.
    """
    model.to(device)
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=lr)
    chosen = batches if steps is None else batches[: steps + 1]
    tokens, seconds = 0, 0.0
    for i, batch in enumerate(chosen):
        batch = batch.to(device)
        if device != "cpu" and torch.cuda.is_available():
            torch.cuda.synchronize()
        start = time.perf_counter()
        loss, n = token_loss_sum(model, batch)
        (loss / max(n, 1)).backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        if device != "cpu" and torch.cuda.is_available():
            torch.cuda.synchronize()
        if i > 0 or len(chosen) == 1:
            seconds += time.perf_counter() - start
            tokens += batch.tokens
    return tokens / max(seconds, 1e-9)
