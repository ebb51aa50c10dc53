"""The sort task and the training loop: splits, checkpoints, resume, NaN guard, CLI errors."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
import torch

from trtune.errors import NumericalFault, UserError
from trtune.nanogpt import checkpoint as checkpoint_module
from trtune.nanogpt import sort
from trtune.nanogpt import train as train_module
from trtune.nanogpt.checkpoint import checkpoint_path
from trtune.nanogpt.hf import load_pretrained
from trtune.nanogpt.train import TrainConfig, train


def test_sort_examples_and_split():
    x, y = sort.make_example(torch.tensor([[2, 1, 0, 1, 1, 2]]))
    assert x.tolist() == [[2, 1, 0, 1, 1, 2, 0, 1, 1, 1, 2]]
    assert y.tolist() == [[-1, -1, -1, -1, -1, 0, 1, 1, 1, 2, 2]]
    test, train_split = sort.all_inputs("test"), sort.all_inputs("train")
    assert len(test) + len(train_split) == 729
    assert len(test) == 179  # golden: the SHA-256 split puts 179 of 729 in test
    assert not set(map(tuple, test.tolist())) & set(map(tuple, train_split.tolist()))


@pytest.mark.parametrize(
    "text, digits, alphabet",
    [("CBABBC", [2, 1, 0, 1, 1, 2], "ABC"), ("cbabbc", [2, 1, 0, 1, 1, 2], "ABC"),
     ("210112", [2, 1, 0, 1, 1, 2], "012")],
)  # fmt: skip
def test_parse_sequence(text, digits, alphabet):
    assert sort.parse_sequence(text) == (digits, alphabet)


@pytest.mark.parametrize("text", ["CBABDC", "CBABB", "CBABBCA", "CB1BBC", "", "CBA BC"])
def test_parse_sequence_rejects(text):
    with pytest.raises(UserError):
        sort.parse_sequence(text)


def _config(out, **kw):
    base = dict(out_dir=out, steps=40, batch_size=32, eval_every=10, checkpoint_every=20)
    return TrainConfig(**{**base, **kw})


def test_train_writes_folder_and_refuses_to_mix_runs(tmp_path):
    out = tmp_path / "run"
    metrics = train(_config(out))
    for name in ("model.safetensors", "config.json", "metrics.json", "trtune.json"):
        assert (out / name).is_file()
    assert checkpoint_path(out).is_file()
    saved = json.loads((out / "metrics.json").read_text())
    assert saved["steps"] == 40 == metrics["steps"]
    assert saved["params_without_lm_head"] == 85_584 and saved["params"] == 85_728
    assert saved["total_all"] == 729 and 0 <= saved["exact_all"] <= 729
    assert not list(out.rglob("*.tmp"))
    with pytest.raises(UserError, match="--resume or --overwrite"):
        train(_config(out))
    with pytest.raises(UserError, match="nothing to resume"):
        train(_config(tmp_path / "other", resume=True))
    assert train(_config(out, overwrite=True))["history"] == metrics["history"]  # seeded


def test_interrupted_run_resumes_to_the_same_result(tmp_path, monkeypatch):
    reference = train(_config(tmp_path / "a"))
    real_save = checkpoint_module.save_checkpoint

    def save_then_crash(*args, **kwargs):
        real_save(*args, **kwargs)
        raise KeyboardInterrupt  # as if killed right after the first checkpoint

    monkeypatch.setattr(train_module, "save_checkpoint", save_then_crash)
    with pytest.raises(KeyboardInterrupt):
        train(_config(tmp_path / "b"))
    monkeypatch.setattr(train_module, "save_checkpoint", real_save)
    assert torch.load(checkpoint_path(tmp_path / "b"), weights_only=False)["step"] == 20
    resumed = train(_config(tmp_path / "b", resume=True))
    assert resumed["history"] == reference["history"]
    assert resumed["exact_all"] == reference["exact_all"]


def test_nan_loss_raises_and_keeps_last_good_checkpoint(tmp_path, monkeypatch):
    class NaNAfter15(train_module.GPT):
        calls = 0

        def forward(self, idx, targets=None):
            logits, loss = super().forward(idx, targets)
            NaNAfter15.calls += targets is not None
            if targets is not None and NaNAfter15.calls == 15:
                loss = loss * float("nan")
            return logits, loss

    monkeypatch.setattr(train_module, "GPT", NaNAfter15)
    out = tmp_path / "run"
    with pytest.raises(NumericalFault, match="step 15"):
        train(_config(out, checkpoint_every=10))
    assert torch.load(checkpoint_path(out), weights_only=False)["step"] == 10


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "trtune", "nanogpt", *args], capture_output=True, text=True
    )


@pytest.mark.parametrize("seq", ["CBABDC", "CBAB", "CBABBCC"])
def test_cli_sort_bad_input_is_one_line_error(tmp_path, seq):
    train(_config(tmp_path / "m", steps=1))
    result = _cli("sort", seq, "--model", str(tmp_path / "m"))
    assert result.returncode == 2
    assert result.stderr.startswith("error:") and len(result.stderr.strip().splitlines()) == 1


def test_cli_sort_missing_model_folder(tmp_path):
    result = _cli("sort", "CBABBC", "--model", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert result.stderr.startswith("error:") and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_kill_9_then_resume_matches_uninterrupted_run(tmp_path):
    args = ["train", "--max-steps", "80", "--batch-size", "32", "--seed", "3"]
    ref = _cli(*args, "--out", str(tmp_path / "ref"))
    assert ref.returncode == 0, ref.stderr
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "trtune", "nanogpt", *args, "--out", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while not checkpoint_path(out).exists() and time.time() < deadline:
        time.sleep(0.02)
    proc.kill()  # SIGKILL: no cleanup runs
    proc.wait()
    assert not (out / "metrics.json").exists(), "run finished before it could be killed"
    resumed = _cli(*args, "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    a = json.loads((tmp_path / "ref" / "metrics.json").read_text())
    b = json.loads((out / "metrics.json").read_text())
    for key in ("steps", "steps_to_100", "exact_all", "exact_test", "history"):
        assert a[key] == b[key], key


@pytest.mark.slow
def test_defaults_sort_all_729_and_cli_sorts(tmp_path):
    out = tmp_path / "run"
    result = _cli("train", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "729/729 exact (100.00%)" in result.stdout
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["exact_all"] == 729 and metrics["steps_to_100"] <= 1000  # minGPT: 2,000
    assert sort.sort_text(load_pretrained(out), "CBABBC") == "ABBBCC"
    assert _cli("sort", "CBABBC", "--model", str(out)).stdout.strip() == "ABBBCC"
    assert _cli("sort", "210112", "--model", str(out)).stdout.strip() == "011122"


def test_lr_schedules(tmp_path):
    cosine = TrainConfig(out_dir=tmp_path, steps=100, lr=1e-3, warmup=10)
    assert train_module.lr_at(0, cosine) == pytest.approx(1e-4)
    assert train_module.lr_at(9, cosine) == pytest.approx(1e-3)
    assert train_module.lr_at(100, cosine) == pytest.approx(1e-4)
    constant = TrainConfig(out_dir=tmp_path, steps=100, lr=1e-3, warmup=10, schedule="constant")
    assert {train_module.lr_at(step, constant) for step in (0, 9, 50, 100)} == {1e-3}
    with pytest.raises(UserError, match="schedule"):
        TrainConfig(out_dir=tmp_path, schedule="linear")


def test_dropout_setting_reaches_the_model(tmp_path):
    with pytest.raises(UserError, match="dropout"):
        TrainConfig(out_dir=tmp_path, dropout=1.5)
    train(TrainConfig(out_dir=tmp_path / "run", steps=2, dropout=0.1, stop_at_100=False))
    saved = json.loads((tmp_path / "run" / "config.json").read_text())
    assert saved.get("dropout", saved.get("resid_pdrop")) == 0.1


def test_train_lines_in_turkish(tmp_path):
    import io

    from rich.console import Console

    printed = io.StringIO()
    train(_config(tmp_path / "m", steps=1), Console(file=printed, width=200), "tr")
    text = printed.getvalue()
    assert "lm_head olmadan" in text and "tüm girdiler:" in text and "tam eşleşme (%" in text
    assert "adım; model yazıldı:" in text and "exact (" not in text, text
