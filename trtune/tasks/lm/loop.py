"""The state ``lm train``'s loop carries from step to step and into its checkpoints."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from trtune.tasks.lm.loss import EvalResult
from trtune.tasks.lm.settings import LMSettings
from trtune.tasks.lm.setup import Prepared


@dataclass
class History:
    """What the loop recorded: (step, loss) pairs and evaluation results."""

    train: list[tuple[int, float]] = field(default_factory=list)
    val: list[tuple[int, float]] = field(default_factory=list)
    best_loss: float = math.inf
    best_step: int = 0
    stopped_early: bool = False
    tokens: int = 0
    seconds: float = 0.0


@dataclass
class Loop:
    """The state a run carries from step to step (and into its checkpoints)."""

    settings: LMSettings
    prep: Prepared
    accelerator: Any
    model: Any
    optimizer: torch.optim.Optimizer
    out_dir: Path
    total: int
    steps_per_epoch: int
    history: History = field(default_factory=History)
    step: int = 0
    before: dict[str, Any] | None = None
    best_state: dict[str, torch.Tensor] | None = None
    # the validation result of ``best_state`` when this process measured it (not after a
    # resume): the "after" figure without evaluating the same weights again
    best_eval: EvalResult | None = None
    bad_evals: int = 0
    resumed_from: str | None = None

    @property
    def unwrapped(self):
        return self.accelerator.unwrap_model(self.model)

    @property
    def is_main(self) -> bool:
        return self.accelerator.is_main_process


def trainable_state(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    """A CPU copy of the parameters that train (all, or a LoRA model's adapters)."""
    return {n: p.detach().cpu().clone() for n, p in model.named_parameters() if p.requires_grad}
