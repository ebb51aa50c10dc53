"""The pieces of the training loop: loss, one step, evaluation, throughput.

Loss is computed here rather than by the model so that evaluation can sum it over tokens:
perplexity is ``exp(total loss / trained tokens)`` over the whole validation set, not a
mean of batch means.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from transformers import PreTrainedModel

from trtune.lm.encode import IGNORE_INDEX, Batch


def token_loss_sum(model: PreTrainedModel, batch: Batch) -> tuple[torch.Tensor, int]:
    """Summed next-token cross-entropy over trained tokens, and how many there were."""
    logits = model(**batch.model_inputs(), use_cache=False).logits  # (B, T, V)
    shift_logits = logits[:, :-1].float()  # (B, T-1, V)
    shift_labels = batch.labels[:, 1:]  # (B, T-1)
    loss = F.cross_entropy(
        shift_logits.reshape(-1, shift_logits.size(-1)),
        shift_labels.reshape(-1),
        ignore_index=IGNORE_INDEX,
        reduction="sum",
    )
    return loss, int((shift_labels != IGNORE_INDEX).sum())


@dataclass
class EvalResult:
    """Validation loss (mean per trained token) and perplexity."""

    loss: float
    perplexity: float
    tokens: int


@torch.no_grad()
def evaluate(model: PreTrainedModel, batches: list[Batch], device: torch.device) -> EvalResult:
    """Mean token loss and perplexity over ``batches``."""
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    for batch in batches:
        loss, n = token_loss_sum(model, batch.to(device))
        total += float(loss)
        count += n
    if was_training:
        model.train()
    mean = total / max(count, 1)
    return EvalResult(loss=mean, perplexity=math.exp(min(mean, 50.0)), tokens=count)


def lr_at(step: int, total: int, warmup: int, base_lr: float) -> float:
    """Linear warm-up, then linear decay to 10% of ``base_lr``."""
    if step < warmup:
        return base_lr * (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return base_lr * (1.0 - 0.9 * min(1.0, progress))


def measure_throughput(
    model: PreTrainedModel,
    batches: list[Batch],
    device: torch.device | str = "cpu",
    steps: int | None = None,
    lr: float = 1e-4,
) -> float:
    """Tokens (not padding) per second of forward + backward + optimiser steps.

    The benchmark calls this with padded and with packed batches of the same examples
    (see :func:`trtune.lm.bench.pack_vs_pad`). The first batch is a warm-up and not timed.
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
