"""lm train under `accelerate launch` (2 CPU processes): each process cuts its own padded
batch into as many micro-batches as its lengths need, and the gradients are averaged once
per step (a sync per micro-batch would pair different calls across the processes)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_two_processes


@pytest.mark.slow
def test_two_processes_with_unequal_micro_batches(tmp_path):
    words = "bugün hava çok güzel ve yarın deniz kenarında uzun bir yürüyüş yapacağız".split()
    lines = [" ".join(words[: 2 + (i * 7) % len(words)] * (1 + i % 4)) for i in range(96)]
    data = tmp_path / "metin.txt"
    data.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "ddp"
    done = run_two_processes(
        "lm", "train", "--data", str(data), "--model", "tiny-gpt", "--method", "full",
        "--out", str(out), "--max-steps", "4", "--batch-size", "8", "--max-length", "64",
        "--micro-batch-tokens", "96", "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["steps"] == 4
    assert metrics["val_loss"] < metrics["val_loss_before"]
