"""Every prediction, evaluation and generation command has ``--dtype`` (default
``auto``), and ``auto`` resolves in one place: bfloat16 only on a GPU or a CPU that
multiplies bfloat16 matrices fast, so results stay float32 elsewhere."""

from __future__ import annotations

import pytest
import torch
import typer

from trtune.cli import app
from trtune.run import devices

REAL_CHECK = devices.cpu_has_bf16_matmul  # tests/conftest.py patches it during each test

COMMANDS = [
    ("classify", "predict"),
    ("classify", "eval"),
    ("ner", "predict"),
    ("ner", "eval"),
    ("qa", "predict"),
    ("qa", "eval"),
    ("mask", "predict"),
    ("seq2seq", "generate"),
    ("seq2seq", "eval"),
    ("lm", "generate"),
    ("lm", "chat"),
]


@pytest.mark.parametrize(("group", "name"), COMMANDS, ids=["-".join(c) for c in COMMANDS])
def test_prediction_commands_have_dtype_auto(group, name):
    command = typer.main.get_command(app).commands[group].commands[name]
    option = next(p for p in command.params if "--dtype" in p.opts)
    assert option.default == "auto"


@pytest.mark.parametrize(
    ("amx", "avx512_bf16", "fast"),
    [(False, False, False), (True, False, True), (False, True, True), (True, True, True)],
)
def test_bf16_matmul_check_covers_amx_and_avx512_bf16(monkeypatch, amx, avx512_bf16, fast):
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: amx, raising=False)
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: avx512_bf16, raising=False)
    assert REAL_CHECK() is fast


def test_a_missing_or_failing_probe_means_no(monkeypatch):
    def fails():
        raise RuntimeError("no cpuinfo")

    monkeypatch.delattr(torch.cpu, "_is_amx_tile_supported", raising=False)
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", fails, raising=False)
    assert REAL_CHECK() is False
