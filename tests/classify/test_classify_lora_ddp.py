"""LoRA (adapter and merged) and a 2-process CPU run through `accelerate launch`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trtune.infer.classify import load_classifier
from trtune.tasks.classify.settings import ClassifySettings
from trtune.tasks.classify.train import train_classifier

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("merge", [False, True])
def test_lora_adapter_and_merge(reviews_csv, tmp_path, merge):
    out = tmp_path / "lora"
    settings = ClassifySettings(
        data=str(reviews_csv),
        out=str(out),
        model="tiny",
        method="lora",
        epochs=1,
        batch_size=16,
        lr=1e-3,
        lora_r=4,
        merge=merge,
    )
    result = train_classifier(settings)
    assert result.metrics["accuracy"] > 0
    if merge:
        from transformers import pipeline

        assert (out / "adapter" / "adapter_config.json").is_file()
        assert json.loads((out / "config.json").read_text())["id2label"]["2"] == "positive"
        answer = pipeline("text-classification", model=str(out))("Harika ürün")[0]
        assert answer["label"] in {"negative", "neutral", "positive"}
    else:
        assert (out / "adapter_config.json").is_file() and not (out / "config.json").exists()
        config = json.loads((out / "adapter_config.json").read_text())
        assert config["r"] == 4 and sorted(config["target_modules"]) == ["query", "value"]
    assert load_classifier(out).labels == ["negative", "neutral", "positive"]


@pytest.mark.slow
def test_accelerate_two_cpu_processes(reviews_csv, tmp_path):
    accelerate = shutil.which("accelerate") or str(Path(sys.executable).parent / "accelerate")
    out = tmp_path / "ddp"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(REPO)}
    # --multi_gpu makes accelerate start torchrun; on a machine without CUDA each process
    # runs on the CPU with the gloo backend (`--cpu` alone would start one process).
    command = [
        accelerate,
        "launch",
        "--multi_gpu",
        "--num_processes",
        "2",
        "--num_machines",
        "1",
        "--mixed_precision",
        "no",
        "--dynamo_backend",
        "no",
        "-m",
        "trtune",
        "classify",
        "train",
        "--data",
        str(reviews_csv),
        "--model",
        "tiny",
        "--method",
        "finetune",
        "--out",
        str(out),
        "--epochs",
        "1",
        "--batch-size",
        "16",
        "--lr",
        "1e-3",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr.count("data: 150 texts") == 1  # only the main process reports
    # Losses stay per-example means (ln 3 = 1.0986 is chance), not summed over processes.
    line = next(x for x in done.stderr.splitlines() if x.startswith("epoch 1.00/1"))
    train_loss = float(line.split("train loss ")[1].split()[0])
    val_loss = float(line.split("val loss ")[1].split()[0])
    assert train_loss < 1.6 and val_loss < 1.6, line
    config = json.loads((out / "trtune.json").read_text())
    assert config["steps"] == 4  # 102 texts / (16 per process x 2 processes), rounded up
    assert load_classifier(out).labels == ["negative", "neutral", "positive"]
