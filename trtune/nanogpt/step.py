"""One optimiser step of nanoGPT training: the learning rate, a batch, forward and backward
with the NaN guards, the update."""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch

from trtune.errors import NumericalFault
from trtune.nanogpt import sort
from trtune.nanogpt.checkpoint import checkpoint_path
from trtune.nanogpt.model import GPT
from trtune.nanogpt.text import TextData, text_batch

if TYPE_CHECKING:
    from trtune.nanogpt.train import TrainConfig


def optimizer_step(
    model: GPT,
    optimizer: torch.optim.Optimizer,
    config: TrainConfig,
    step: int,
    lr: float,
    text: TextData | None,
    train_inputs: torch.Tensor,
    sampler: torch.Generator,
) -> float:
    """One optimiser step of :func:`trtune.nanogpt.train.train`'s loop (its steps 1-3);
    returns the batch's loss.

    Raises:
        NumericalFault: the loss or the gradient norm is not finite.
    """
    # 1. learning rate for this step (lr_at's schedule)
    for group in optimizer.param_groups:
        group["lr"] = lr
    # 2. a batch: sorted-sequence examples or random windows of text
    if text is None:
        rows = torch.randint(len(train_inputs), (config.batch_size,), generator=sampler)
        x, y = sort.make_example(train_inputs[rows])  # (B, 11) each
    else:
        x, y = text_batch(text.train, config.block_size, config.batch_size, sampler)
    # 3. forward, loss, backward, clip, step
    _, loss = model(x, y)
    if not torch.isfinite(loss):
        raise NumericalFault(
            f"loss became {loss.item()} at step {step + 1}; the last good "
            f"checkpoint is kept in {checkpoint_path(config.out_dir)}"
        )
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), config.grad_clip)
    if not torch.isfinite(grad_norm):
        raise NumericalFault(f"gradient became {float(grad_norm)} at step {step + 1}")
    optimizer.step()
    return loss.item()
