"""`accelerate launch` of `ner train` on two CPU processes, as classify runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trtune.infer.ner import load_tagger

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_accelerate_two_cpu_processes(conll_file, tmp_path):
    accelerate = shutil.which("accelerate") or str(Path(sys.executable).parent / "accelerate")
    out = tmp_path / "ddp"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(REPO)}
    command = [accelerate, "launch", "--multi_gpu", "--num_processes", "2", "--num_machines",
               "1", "--mixed_precision", "no", "--dynamo_backend", "no", "-m", "trtune", "ner",
               "train", "--data", str(conll_file), "--model", "tiny", "--out", str(out),
               "--epochs", "2", "--lang", "en"]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr.count("data: 124 sentences") == 1  # only the main process reports
    record = json.loads((out / "trtune.json").read_text())
    assert record["steps"] == 8  # 99 sentences / (16 per process x 2 processes) x 2 epochs
    assert load_tagger(out).labels[0] == "O"
