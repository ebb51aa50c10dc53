"""Every prediction and evaluation command of an encoder task has ``--dtype`` (default
``auto``), and ``auto`` resolves in one place: bfloat16 only on a GPU or a CPU that
multiplies bfloat16 matrices fast, so results stay float32 elsewhere."""

from __future__ import annotations

import pytest
import torch
import typer

from trtune.cli import app
from trtune.errors import UserError
from trtune.run import devices

COMMANDS = [
    ("classify", "predict"),
    ("classify", "eval"),
    ("ner", "predict"),
    ("ner", "eval"),
    ("qa", "predict"),
    ("qa", "eval"),
    ("mask", "predict"),
]


@pytest.mark.parametrize(("group", "name"), COMMANDS, ids=["-".join(c) for c in COMMANDS])
def test_prediction_commands_have_dtype_auto(group, name):
    command = typer.main.get_command(app).commands[group].commands[name]
    option = next(p for p in command.params if "--dtype" in p.opts)
    assert option.default == "auto"


def test_auto_on_a_cpu_follows_the_hardware_check(monkeypatch):
    cpu = torch.device("cpu")
    monkeypatch.setattr(devices, "cpu_has_bf16_matmul", lambda: False)
    assert devices.resolve_dtype("auto", cpu) is torch.float32
    monkeypatch.setattr(devices, "cpu_has_bf16_matmul", lambda: True)
    assert devices.resolve_dtype("auto", cpu) is torch.bfloat16
    assert devices.resolve_dtype("auto", cpu, batched=False) is torch.float32
    assert devices.resolve_dtype("float32", cpu) is torch.float32
    with pytest.raises(UserError, match="unknown type"):
        devices.resolve_dtype("half-ish", cpu)
