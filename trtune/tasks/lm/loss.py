"""The pieces of the training loop: the loss, evaluation and the learning-rate schedule.

Loss is computed here rather than by the model so that evaluation can sum it over tokens:
perplexity is ``exp(total loss / trained tokens)`` over the whole validation set, not a
mean of batch means.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from transformers import PreTrainedModel

from trtune.run.microbatch import budget_split
from trtune.tasks.lm.encode import IGNORE_INDEX, Batch
from trtune.tasks.lm.headloss import body_hidden, linear_cross_entropy, output_layer, plain_loss_sum

EVAL_TOKENS = 2048  # tensor cells per evaluation forward pass


def token_loss_sum(model: PreTrainedModel, batch: Batch) -> tuple[torch.Tensor, int]:
    """Summed next-token cross-entropy over trained tokens, and how many there were.

    The output layer runs on the trained positions only, without storing their logits
    (:mod:`trtune.tasks.lm.headloss`); models it cannot serve get the plain loss.
    """
    shift_labels = batch.labels[:, 1:]  # (B, T-1)
    trained = shift_labels != IGNORE_INDEX  # (B, T-1)
    head = output_layer(model)
    if head is None:
        logits = model(**batch.model_inputs(), use_cache=False).logits  # (B, T, V)
        loss = plain_loss_sum(logits, batch.labels, IGNORE_INDEX)
    else:
        hidden = body_hidden(model, head, batch.model_inputs())  # (B, T, H)
        selected = hidden[:, :-1][trained]  # (N, H)
        loss = linear_cross_entropy(selected, head.weight, shift_labels[trained])
    return loss, int(trained.sum())


def micro_batches(batch: Batch, token_budget: int) -> list[Batch]:
    """``batch`` split into micro-batches of at most ``token_budget`` tensor cells each (at
    least one row); 0 keeps the batch whole.

    Packed rows (nearly full) are cut in runs of rows. Padded rows are grouped by length,
    longest first, and each group is cut to its own longest row, so the padding a batch
    needs for its longest example is not computed for the others: a right-padded causal row
    gives the same outputs for its real tokens at any width, so the loss and gradients stay
    those of the whole batch. Evaluation runs through here too.
    """
    rows, width = batch.input_ids.shape
    if batch.attention_mask is None:
        per = rows if token_budget <= 0 else max(1, token_budget // max(width, 1))
        if per >= rows:
            return [batch]
        return [batch.rows(start, start + per) for start in range(0, rows, per)]
    if token_budget <= 0:
        return [batch]
    lengths = batch.attention_mask.sum(dim=1).tolist()
    return [batch.select(rows, lengths[rows[0]]) for rows in budget_split(lengths, token_budget)]


@dataclass
class EvalResult:
    """Validation loss (mean per trained token) and perplexity."""

    loss: float
    perplexity: float
    tokens: int


@torch.no_grad()
def evaluate(
    model: PreTrainedModel,
    batches: list[Batch],
    device: torch.device,
    token_budget: int = EVAL_TOKENS,
) -> EvalResult:
    """Mean token loss and perplexity over ``batches`` (run as micro-batches of at most
    ``token_budget`` tensor cells, so that evaluation never needs more memory than that)."""
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    for batch in batches:
        for part in micro_batches(batch, token_budget):
            loss, n = token_loss_sum(model, part.to(device))
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
