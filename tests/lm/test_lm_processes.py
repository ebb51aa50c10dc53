"""lm train under `accelerate launch` (2 CPU processes): each process cuts its own padded
batch into as many micro-batches as its lengths need, and the gradients are averaged once
per step (a sync per micro-batch would pair different calls across the processes)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_two_processes_with_unequal_micro_batches(tmp_path):
    words = "bugün hava çok güzel ve yarın deniz kenarında uzun bir yürüyüş yapacağız".split()
    lines = [" ".join(words[: 2 + (i * 7) % len(words)] * (1 + i % 4)) for i in range(96)]
    data = tmp_path / "metin.txt"
    data.write_text("\n".join(lines), encoding="utf-8")
    accelerate = shutil.which("accelerate") or str(Path(sys.executable).parent / "accelerate")
    out = tmp_path / "ddp"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(REPO)}
    command = [
        accelerate, "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1",
        "--mixed_precision", "no", "--dynamo_backend", "no", "-m", "trtune", "lm", "train",
        "--data", str(data), "--model", "tiny-gpt", "--method", "full", "--out", str(out),
        "--max-steps", "4", "--batch-size", "8", "--max-length", "64",
        "--micro-batch-tokens", "96", "--lang", "en",
    ]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["steps"] == 4
    assert metrics["val_loss"] < metrics["val_loss_before"]
