"""Packed vs padded batches: the throughput comparison the benchmark runs.

``pack_vs_pad`` builds the same examples both ways and times training steps on each; the
ratio is what ``--pack`` buys (padding is compute spent on nothing).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

import torch

from trtune.lm.encode import encode_records, make_batches
from trtune.lm.formats import load_records
from trtune.lm.loop import measure_throughput
from trtune.lm.models import TINY_LM_PRESETS, build_tiny_model, load_pretrained, train_bpe_tokenizer
from trtune.lm.templates import render_record, resolve_template


@dataclass
class PackResult:
    """Tokens per second both ways, and how full the tensors were."""

    padded_tokens_per_second: float
    packed_tokens_per_second: float
    padded_fill: float  # real tokens / tensor cells
    packed_fill: float
    static_tokens_per_second: float  # padded to max_length
    static_fill: float

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
    if model in TINY_LM_PRESETS:
        preset = TINY_LM_PRESETS[model]
        texts = ["".join(s.text for s in render_record(r, "turkish", None)) for r in records[:500]]  # type: ignore[arg-type]
        tokenizer = train_bpe_tokenizer(texts, preset.vocab_size, preset.max_positions)
        lm = build_tiny_model(preset, tokenizer, seed)
    else:
        lm, tokenizer = load_pretrained(model)
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
) -> dict[str, float]:
    """Train ``steps`` steps of ``model`` in one layout and measure the memory it took.

    Run it alone in a fresh process: the peak resident set is reset (Linux
    ``/proc/self/clear_refs``) after the model and data are ready, so ``peak_mib`` is the
    highest the training steps drove it and ``growth_mib`` what they added.
    """
    lm, tokenizer, examples = _prepare(data, model, max_length, 1500, seed)
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
) -> PackResult:
    """Time ``steps`` training steps on padded and on packed batches of the same data."""
    lm, tokenizer, examples = _prepare(data, model, max_length, max_examples, seed)
    results = {}
    for mode in ("padded", "packed", "static"):
        batches = _layout(examples, mode, batch_size, max_length, tokenizer.pad_token_id, seed)
        cells = sum(b.input_ids.numel() for b in batches)
        fill = sum(b.tokens for b in batches) / cells
        torch.manual_seed(seed)
        results[mode] = (measure_throughput(lm, batches, device, steps), fill)
    return PackResult(
        padded_tokens_per_second=results["padded"][0],
        packed_tokens_per_second=results["packed"][0],
        padded_fill=results["padded"][1],
        packed_fill=results["packed"][1],
        static_tokens_per_second=results["static"][0],
        static_fill=results["static"][1],
    )
