"""Training checkpoints: model, optimiser, step and random state, written atomically.

A checkpoint is one ``torch.save`` file written under a temporary name and moved into
place with ``os.replace``, so a run killed at any moment (even ``kill -9``) leaves either
the previous checkpoint or the new one, never half of one. Restoring the random state of
the batch sampler makes a resumed run take exactly the batches an uninterrupted one would.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from trtune.nanogpt.model import GPT

CHECKPOINT_NAME = "last.pt"


@dataclass
class TrainState:
    """Everything needed to continue a run where it stopped.

    Attributes:
        step: optimiser steps already taken.
        sampler_state: the batch generator's state (``torch.Generator.get_state()``).
        history: per-evaluation records (step, loss, exact counts ...).
        steps_to_100: first step at which all 729 sort inputs came out right (sort only).
        done: the run has finished.
        seconds: time spent in the training loop so far, over all sessions.
    """

    step: int = 0
    sampler_state: torch.Tensor | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    steps_to_100: int | None = None
    done: bool = False
    seconds: float = 0.0


def checkpoint_path(out_dir: Path) -> Path:
    """Where the run in ``out_dir`` keeps its checkpoint."""
    return out_dir / "checkpoints" / CHECKPOINT_NAME


def save_checkpoint(
    out_dir: Path, model: GPT, optimizer: torch.optim.Optimizer, state: TrainState
) -> Path:
    """Write the checkpoint atomically and return its path."""
    path = checkpoint_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "model": model.state_dict(),
        "model_config": model.config.to_dict(),
        "optimizer": optimizer.state_dict(),
        "step": state.step,
        "sampler_state": state.sampler_state,
        "torch_rng_state": torch.get_rng_state(),
        "history": state.history,
        "steps_to_100": state.steps_to_100,
        "done": state.done,
        "seconds": state.seconds,
    }
    tmp = path.with_name(path.name + ".tmp")
    torch.save(payload, tmp)
    os.replace(tmp, path)
    return path


def load_checkpoint(out_dir: Path, model: GPT, optimizer: torch.optim.Optimizer) -> TrainState:
    """Load model and optimiser in place and return the saved :class:`TrainState`."""
    payload = torch.load(checkpoint_path(out_dir), map_location="cpu", weights_only=True)
    model.load_state_dict(payload["model"])
    optimizer.load_state_dict(payload["optimizer"])
    torch.set_rng_state(payload["torch_rng_state"])
    return TrainState(
        step=int(payload["step"]),
        sampler_state=payload["sampler_state"],
        history=list(payload["history"]),
        steps_to_100=payload["steps_to_100"],
        done=bool(payload["done"]),
        seconds=float(payload.get("seconds", 0.0)),
    )
