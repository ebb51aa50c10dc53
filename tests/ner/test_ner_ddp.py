"""`accelerate launch` of `ner train` on two CPU processes, as classify runs it."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_two_processes
from trtune.infer.ner import load_tagger


@pytest.mark.slow
def test_accelerate_two_cpu_processes(conll_file, tmp_path):
    out = tmp_path / "ddp"
    done = run_two_processes(
        "ner", "train", "--data", str(conll_file), "--model", "tiny", "--out", str(out),
        "--epochs", "2", "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr.count("data: 124 sentences") == 1  # only the main process reports
    record = json.loads((out / "trtune.json").read_text())
    assert record["steps"] == 8  # 99 sentences / (16 per process x 2 processes) x 2 epochs
    assert load_tagger(out).labels[0] == "O"
