"""``classify predict`` / ``classify eval`` ``--dtype``: ``auto`` is bfloat16 only where the
hardware multiplies bfloat16 fast, float32 elsewhere (unchanged results), and the option is
resolved in one place (``trtune.run.devices.resolve_dtype``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import torch
from typer.testing import CliRunner

from trtune.cli import app
from trtune.errors import UserError
from trtune.infer.classify import load_classifier
from trtune.run import devices
from trtune.run.models import load_model, load_tokenizer, resolve_model

TEXTS = ["ürün çok güzel", "kargo geç geldi ve kutu ezikti", "idare eder", "bayıldım"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A tiny random BERT classifier saved as a folder (3 labels)."""
    out = tmp_path_factory.mktemp("tiny-classifier")
    source = resolve_model("tiny")
    tokenizer = load_tokenizer(source, TEXTS * 4)
    model = load_model(source, "sequence-classification", tokenizer, seed=0, labels=["a", "b", "c"])
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def _dtype(classifier) -> torch.dtype:
    return next(classifier.model.parameters()).dtype


@pytest.mark.parametrize("fast", [False, True])
def test_auto_is_bfloat16_only_where_the_cpu_multiplies_it_fast(folder, monkeypatch, fast):
    monkeypatch.setattr(devices, "cpu_has_bf16_matmul", lambda: fast)
    classifier = load_classifier(folder, device="cpu", dtype="auto")
    assert _dtype(classifier) == (torch.bfloat16 if fast else torch.float32)


def test_named_dtypes_and_the_float32_default(folder):
    assert _dtype(load_classifier(folder, device="cpu")) == torch.float32
    assert _dtype(load_classifier(folder, device="cpu", dtype="float32")) == torch.float32
    bf16 = load_classifier(folder, device="cpu", dtype="bfloat16")
    assert _dtype(bf16) == torch.bfloat16
    probabilities = bf16.predict_proba(TEXTS)  # float64 rows that sum to 1 either way
    assert probabilities.shape == (4, 3)
    assert abs(probabilities.sum(axis=1) - 1).max() < 1e-6


def test_label_agreement_counts_the_same_labels():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from bench_predict_dtype import same_labels

    fp32 = load_classifier_stub(["a", "b", "c", "a"])
    bf16 = load_classifier_stub(["a", "c", "c", "a"])
    assert same_labels(fp32, bf16) == 3
    with pytest.raises(ValueError):
        same_labels(fp32, bf16[:3])  # not the same texts: refused, not miscounted


def load_classifier_stub(labels: list[str]):
    from trtune.infer.classify import Prediction

    return [
        Prediction(text=str(i), label=label, probabilities={}) for i, label in enumerate(labels)
    ]


def test_the_cli_passes_dtype_and_refuses_float16_on_a_cpu(folder, monkeypatch):
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "")
    runner = CliRunner()
    ok = runner.invoke(
        app, ["classify", "predict", "--model", str(folder), "--dtype", "bfloat16", "--json", "iyi"]
    )
    assert ok.exit_code == 0, ok.output
    if torch.cuda.is_available():
        return
    refused = runner.invoke(
        app, ["classify", "predict", "--model", str(folder), "--dtype", "float16", "iyi"]
    )
    # trtune.cli.main turns the UserError into one line and exit code 2
    assert isinstance(refused.exception, UserError)
    assert "float16 needs a CUDA GPU" in str(refused.exception)
