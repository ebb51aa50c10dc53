"""`kill -9` in the middle of training, then `--resume`: the same final metrics as a run
that was never interrupted (same seed). nanoGPT's version of this test lives in
tests/nanogpt/test_nanogpt_train.py.

Tolerance: losses and accuracies within 1e-4 (resumed runs replay the same batches with the
same RNG states; only floating-point summation order could differ).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.classify.conftest import write_reviews
from tests.conftest import run_cli
from trtune.run.outdir import latest_checkpoint

pytestmark = pytest.mark.slow
TOL = 1e-4


def _kill_after(cmd: list[str], ready, what: str, timeout: float = 240) -> None:
    """Start ``cmd``, SIGKILL it as soon as ``ready()`` is true, fail if it ended first."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + timeout
    while not ready() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.01)
    finished_first = proc.poll() is not None
    proc.kill()  # SIGKILL: no cleanup runs
    _, err = proc.communicate()
    assert not finished_first, f"{what} ended before it could be killed: {err[-2000:]}"


def _close(a, b) -> bool:
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return abs(a - b) <= TOL
    return a == b


def test_classify_finetune_kill_9_then_resume(tmp_path):
    data = write_reviews(tmp_path / "reviews.csv", per_label=40)
    args = ["classify", "train", "--data", str(data), "--model", "tiny", "--method", "finetune",
            "--epochs", "4", "--patience", "4", "--lr", "2e-3", "--batch-size", "8"]  # fmt: skip
    ref = run_cli(*args, "--out", str(tmp_path / "ref"))
    assert ref.returncode == 0, ref.stderr
    out = tmp_path / "killed"
    # killed once a checkpoint is whole by --resume's own test (the Trainer writes
    # trainer_state.json last but not atomically: a kill as it appears can leave it cut)
    _kill_after(
        [sys.executable, "-m", "trtune", *args, "--out", str(out)],
        lambda: latest_checkpoint(out / "checkpoints") is not None,
        "classify train",
    )
    assert not (out / "metrics.json").exists()
    resumed = run_cli(*args, "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    a = json.loads((tmp_path / "ref" / "metrics.json").read_text("utf-8"))
    b = json.loads((out / "metrics.json").read_text("utf-8"))
    assert json.loads((out / "trtune.json").read_text("utf-8"))["resumed_from"]
    for key in ("accuracy", "macro_f1"):
        assert abs(a[key] - b[key]) <= TOL, key
    for key in ("val_loss", "val_accuracy"):
        assert _close(a["history"][key], b["history"][key]), key


def test_lm_train_kill_9_then_resume(tmp_path):
    from tests.lm.lm_testdata import write_alpaca

    data = write_alpaca(tmp_path / "a.jsonl", n=80)
    args = ["lm", "train", "--data", str(data), "--model", "tiny-gpt", "--method", "full",
            "--max-steps", "60", "--batch-size", "4", "--max-length", "64",
            "--seed", "5"]  # fmt: skip
    ref = run_cli(*args, "--out", str(tmp_path / "ref"))
    assert ref.returncode == 0, ref.stderr
    out = tmp_path / "killed"
    _kill_after(
        [sys.executable, "-m", "trtune", *args, "--out", str(out)],
        lambda: any(Path(out / "checkpoints").glob("checkpoint-*/state.pt")),
        "lm train",
    )
    assert not (out / "metrics.json").exists()
    resumed = run_cli(*args, "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "resuming from checkpoint-" in resumed.stdout
    a = json.loads((tmp_path / "ref" / "metrics.json").read_text("utf-8"))
    b = json.loads((out / "metrics.json").read_text("utf-8"))
    for key in ("steps", "val_loss_before", "val_loss_after", "perplexity_after"):
        assert _close(a[key], b[key]), (key, a[key], b[key])


def test_lm_train_two_cpu_processes_split_the_data(tmp_path):
    """`accelerate launch` with 2 CPU processes: each trains on half the batches, one writes."""
    import os
    import shutil

    from tests.lm.lm_testdata import write_alpaca

    data = write_alpaca(tmp_path / "a.jsonl", n=80)
    accelerate = shutil.which("accelerate") or str(Path(sys.executable).parent / "accelerate")
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(repo)}
    out = tmp_path / "ddp"
    launch = [accelerate, "launch", "--multi_gpu", "--num_processes", "2", "--num_machines",
              "1", "--mixed_precision", "no", "--dynamo_backend", "no", "-m", "trtune"]  # fmt: skip
    args = ["lm", "train", "--data", str(data), "--model", "tiny-gpt", "--method", "lora",
            "--epochs", "1", "--batch-size", "4", "--max-length", "64"]  # fmt: skip
    command = [*launch, *args, "--out", str(out)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    single = run_cli(*args, "--out", str(tmp_path / "one"))
    assert single.returncode == 0, single.stderr
    steps_one = json.loads((tmp_path / "one" / "metrics.json").read_text("utf-8"))["steps"]
    output = done.stdout + done.stderr
    assert output.count("steps/epoch") == 1  # only the main process reports
    metrics = json.loads((out / "metrics.json").read_text("utf-8"))
    assert metrics["steps"] == -(-steps_one // 2)  # each process did half
    assert metrics["perplexity_after"] < metrics["perplexity_before"]
