"""The pieces of the training loop: the loss, evaluation and the learning-rate schedule.

Loss is computed here rather than by the model so that evaluation can sum it over tokens:
perplexity is ``exp(total loss / trained tokens)`` over the whole validation set, not a
mean of batch means.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from transformers import PreTrainedModel

from trtune.tasks.lm.encode import IGNORE_INDEX, Batch


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
