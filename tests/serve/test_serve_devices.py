"""`--device` and `--dtype` of `trtune serve`: what `auto` picks, the one-line errors at
start, and models moved where and in what format the settings say (tiny random models)."""

from __future__ import annotations

import pytest
import torch
from fastapi.testclient import TestClient
from serve_tiny_models import tiny_models

from trtune.errors import UserError
from trtune.infer.classify import load_classifier
from trtune.infer.lm import load_lm
from trtune.run import devices
from trtune.serve.app import create_app
from trtune.serve.settings import ServeSettings


@pytest.fixture(scope="module")
def models():
    return tiny_models()


def test_device_setting(models, monkeypatch):
    """--device auto takes a GPU only when there is one; a missing or unknown device fails
    at start with one line, and the models are put on the device it names."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert devices.resolve_device("auto") == torch.device("cpu")
    with pytest.raises(UserError, match="no CUDA GPU; use --device cpu"):
        ServeSettings(classifier=models.classifier, device="cuda")
    with pytest.raises(UserError, match="unknown device 'gpu'"):
        ServeSettings(classifier=models.classifier, device="gpu")
    with pytest.raises(UserError, match="unknown device 'mps'"):
        devices.resolve_device("mps")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    assert devices.resolve_device("auto") == torch.device("cuda")
    with pytest.raises(UserError, match="has 1 CUDA GPU"):
        devices.resolve_device("cuda:1")
    moved = []
    monkeypatch.setattr(torch.nn.Module, "to", lambda self, **where: moved.append(where) or self)
    load_classifier(models.classifier, device=torch.device("meta"), dtype=torch.bfloat16)
    load_lm(models.lm, device=torch.device("meta"))
    assert moved == [
        {"device": torch.device("meta"), "dtype": torch.bfloat16},
        {"device": torch.device("meta"), "dtype": torch.float32},
    ]


def test_dtype_setting(models, monkeypatch):
    """--dtype auto is bfloat16 on a GPU and, for the batched classifier, on an AMX CPU;
    float32 on other CPUs and for a CPU LM; float16 on a CPU or an unknown name fails at
    start; a bfloat16 server answers every endpoint and its probabilities stay close to
    float32's."""
    cpu, gpu = torch.device("cpu"), torch.device("cuda")
    monkeypatch.setattr(devices, "cpu_has_bf16_matmul", lambda: False)
    assert devices.resolve_dtype("auto", cpu) is torch.float32
    monkeypatch.setattr(devices, "cpu_has_bf16_matmul", lambda: True)
    assert devices.resolve_dtype("auto", cpu) is torch.bfloat16
    assert devices.resolve_dtype("auto", cpu, batched=False) is torch.float32  # a CPU LM
    assert devices.resolve_dtype("bfloat16", cpu, batched=False) is torch.bfloat16
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda: False)
    assert devices.resolve_dtype("auto", gpu) is torch.float16
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda: True)
    assert devices.resolve_dtype("auto", gpu) is torch.bfloat16
    assert devices.resolve_dtype("auto", gpu, batched=False) is torch.bfloat16
    assert devices.resolve_dtype("fp16", gpu) is torch.float16
    with pytest.raises(UserError, match="float16 needs a CUDA GPU"):
        ServeSettings(classifier=models.classifier, device="cpu", dtype="float16")
    with pytest.raises(UserError, match="unknown type 'int8'"):
        ServeSettings(classifier=models.classifier, dtype="int8")

    texts = ["Bu film harikaydı!", "Kargo çok gecikti."]
    answers = {}
    for dtype in ("float32", "bfloat16"):
        settings = ServeSettings(classifier=models.classifier, lm=models.lm, dtype=dtype)
        with TestClient(create_app(settings)) as client:
            health = client.get("/health").json()
            assert health["classifier"]["dtype"] == health["lm"]["dtype"] == dtype
            answers[dtype] = client.post("/v1/classify", json={"texts": texts}).json()["results"]
            attention = client.post("/v1/attention", json={"text": texts[0]}).json()
            rows = torch.tensor(attention["attentions"][0][0])  # (T, T): layer 0, head 0
            assert torch.allclose(rows.sum(-1), torch.ones(len(rows)), atol=2e-2)
            generated = client.post("/v1/generate", json={"prompt": "Bugün", "max_new_tokens": 4})
            assert generated.status_code == 200 and isinstance(generated.json()["text"], str)
    assert answers["bfloat16"] != answers["float32"]  # the dtype reached the network
    for low, full in zip(answers["bfloat16"], answers["float32"], strict=True):
        for label, p in full["probabilities"].items():
            assert low["probabilities"][label] == pytest.approx(p, abs=2e-2)
