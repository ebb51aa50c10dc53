"""mask train under `accelerate launch` (2 CPU processes) and the mask command group's help."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli, run_two_processes
from trtune.infer.mask import load_filler


@pytest.mark.slow
def test_accelerate_two_cpu_processes(corpus, tmp_path):
    out = tmp_path / "ddp"
    done = run_two_processes(
        "mask", "train", "--data", str(corpus), "--model", "tiny", "--out", str(out),
        "--epochs", "2", "--batch-size", "16", "--fill-probes", "10",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr.count("data: 240 texts") == 1  # only the main process reports
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["perplexity_after"] < metrics["perplexity_before"]
    # 216 training texts / (16 per process x 2 processes), rounded up, twice
    assert json.loads((out / "trtune.json").read_text())["steps"] == 14
    assert load_filler(out).fill(["Bu [MASK] bugün geldi."])[0].masks[0]


def test_mask_group_lists_its_commands():
    result = run_cli("mask")
    assert "Traceback" not in result.stdout + result.stderr
    assert "train" in result.stdout and "predict" in result.stdout
    assert "mask" in run_cli("--help").stdout
