"""Stop training at the first NaN or infinite loss, naming the step.

A NaN loss poisons every weight after one optimiser step, so going on is pointless. The
guard raises :class:`~trtune.errors.NumericalFault` (exit code 3) before the optimiser
applies the bad gradient; checkpoints saved earlier stay untouched on disk. Plain PyTorch:
the teaching half (``nanogpt``) uses it too.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import torch

from trtune.errors import NumericalFault


def check_finite(
    loss: float | torch.Tensor,
    step: int,
    checkpoint: Path | Callable[[], Path | None] | None = None,
) -> None:
    """Raise :class:`NumericalFault` when ``loss`` is NaN or infinite.

    Args:
        loss: the loss of one step.
        step: the 1-based optimiser step it belongs to.
        checkpoint: the last good checkpoint kept on disk, named in the message; a callable
            is asked only when the loss is bad (finding it costs a folder listing).
    """
    value = float(loss.detach().float().item()) if isinstance(loss, torch.Tensor) else loss
    if math.isfinite(value):
        return
    if callable(checkpoint):
        checkpoint = checkpoint()
    kept = f"last good checkpoint kept: {checkpoint}" if checkpoint else "no checkpoint saved yet"
    raise NumericalFault(
        f"loss became {value} at step {step}; training stopped ({kept}); try a smaller --lr or fp32"
    )
