"""Checkpoints of an LM run: the trained weights, optimiser, step and history.

Only trainable parameters are stored (the LoRA adapters, or every weight for full
fine-tuning), in ``checkpoints/checkpoint-<step>/``; the previous checkpoint is removed
once the new one is written, so a folder holds at most one.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import torch

from trtune.run.outdir import CHECKPOINT_DIR

_PREFIX = "checkpoint-"


def latest_checkpoint(out_dir: Path) -> Path | None:
    """The checkpoint folder with the highest step, or None."""
    root = out_dir / CHECKPOINT_DIR
    found = [p for p in root.glob(f"{_PREFIX}*") if (p / "state.pt").is_file()]
    return max(found, key=lambda p: int(p.name[len(_PREFIX) :]), default=None)


def save_checkpoint(
    out_dir: Path,
    step: int,
    model: torch.nn.Module,
    optimizer: torch.optim.Optimizer,
    before: dict[str, Any],
    history: Any,
    best_state: dict[str, torch.Tensor] | None = None,
    bad_evals: int = 0,
) -> Path:
    """Write ``checkpoints/checkpoint-<step>/state.pt`` and drop older checkpoints.

    Besides weights and optimiser it keeps what a resumed run needs to end exactly where an
    uninterrupted one would: the best trainable weights so far, the evaluations without
    improvement, and the torch RNG (dropout).
    """
    folder = out_dir / CHECKPOINT_DIR / f"{_PREFIX}{step}"
    folder.mkdir(parents=True, exist_ok=True)
    state = {
        "step": step,
        "weights": {n: p.detach().cpu() for n, p in model.named_parameters() if p.requires_grad},
        "optimizer": optimizer.state_dict(),
        "before": before,
        "history": dataclasses.asdict(history),
        "best_state": best_state,
        "bad_evals": bad_evals,
        "torch_rng_state": torch.get_rng_state(),
    }
    tmp = folder / "state.pt.tmp"
    torch.save(state, tmp)
    tmp.replace(folder / "state.pt")
    for old in (out_dir / CHECKPOINT_DIR).glob(f"{_PREFIX}*"):
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder


def load_checkpoint(
    folder: Path, model: torch.nn.Module, optimizer: torch.optim.Optimizer
) -> dict[str, Any]:
    """Restore weights and optimiser from ``folder``; returns step, before and history."""
    state = torch.load(folder / "state.pt", map_location="cpu", weights_only=True)
    model.load_state_dict(state["weights"], strict=False)
    optimizer.load_state_dict(state["optimizer"])
    if "torch_rng_state" in state:
        torch.set_rng_state(state["torch_rng_state"])
    history = state["history"]
    history["train"] = [tuple(x) for x in history["train"]]
    history["val"] = [tuple(x) for x in history["val"]]
    return state
