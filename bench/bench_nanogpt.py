"""nanoGPT sort: optimiser steps until 729/729 exact, trtune's defaults vs minGPT's recipe.

minGPT's sort demo trains ``gpt-nano`` with batch 64, AdamW lr 5e-4 (betas 0.9/0.95, weight
decay 0.1, gradient clip 1.0), a constant learning rate and minGPT's default dropout of 0.1
(embeddings, attention, residuals) for 2,000 iterations. Both runs use the same model, data,
evaluation (exact match on all 729 inputs every 10 steps) and seed; the ratio is minGPT's
steps / trtune's steps (a run that never reaches 729/729 counts its full step budget).
"""

from __future__ import annotations

import multiprocessing
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from trtune.nanogpt.train import TrainConfig, train

MINGPT = dict(
    steps=2000, batch_size=64, lr=5e-4, warmup=0, weight_decay=0.1, schedule="constant", dropout=0.1
)


def _steps_to_100(out: Path, seed: int, **settings) -> tuple[int, float, bool]:
    metrics = train(TrainConfig(out_dir=out, seed=seed, eval_every=10, **settings))
    reached = metrics["steps_to_100"] is not None
    return (
        (metrics["steps_to_100"] if reached else metrics["steps"]),
        metrics["train_seconds"],
        (reached),
    )


def _all_runs(tmp: Path, seeds: list[int], workers: int) -> tuple[list, list]:
    """Every seed with both recipes; ``workers`` > 1 runs them side by side in child
    processes. Each run trains with one thread (``TrainConfig.threads``), so its steps are
    the same either way: only the wall time of the benchmark changes."""
    # minGPT's runs first: they take the most steps, so two workers finish together
    jobs = [(tmp / f"{side}-{seed}", seed, side) for side in ("mingpt", "trtune") for seed in seeds]

    def settings(side: str) -> dict:
        return MINGPT if side == "mingpt" else {}

    if workers <= 1:
        done = [_steps_to_100(out, seed, **settings(side)) for out, seed, side in jobs]
    else:
        spawn = multiprocessing.get_context("spawn")  # no fork of a process holding threads
        with ProcessPoolExecutor(workers, mp_context=spawn) as pool:
            futures = [pool.submit(_steps_to_100, o, s, **settings(side)) for o, s, side in jobs]
            done = [f.result() for f in futures]
    ours = [r for r, (_, _, side) in zip(done, jobs, strict=True) if side == "trtune"]
    theirs = [r for r, (_, _, side) in zip(done, jobs, strict=True) if side == "mingpt"]
    return ours, theirs


def run(quick: bool = False) -> dict:
    # All three seeds in both forms: with two seeds the mean rests on too few runs (seed 0
    # alone: 130 vs 210 steps). The ratio counts steps, not seconds, and every run uses one
    # thread, so the quick form runs two trainings at a time on two cores (the same steps,
    # about half the wall time); the full form runs them one after another.
    seeds = [0, 1, 2]
    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = _all_runs(Path(tmp), seeds, workers=2 if quick else 1)
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    return {
        "name": "nanogpt_steps",
        "ratio": round(mean([s for s, _, _ in theirs]) / mean([s for s, _, _ in ours]), 2),
        "target": 2.0,
        "trtune_steps": [s for s, _, _ in ours],
        "trtune_seconds": [t for _, t, _ in ours],
        "trtune_reached_100": [r for _, _, r in ours],
        "mingpt_steps": [s for s, _, _ in theirs],
        "mingpt_seconds": [t for _, t, _ in theirs],
        "mingpt_reached_100": [r for _, _, r in theirs],
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv)))
