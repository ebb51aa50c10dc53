"""Loading never runs code from a file: checkpoints load with ``weights_only=True``, a
model's own Python code runs only with ``--trust-remote-code``, the server listens on
loopback unless told otherwise."""

from __future__ import annotations

import json
import pickle

import pytest
import torch

from trtune.errors import UserError

MARKER = "trtune_pwned.txt"


class Payload:
    """Unpickling this would create the marker file: what a hostile checkpoint does."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_nanogpt_checkpoint_with_code_is_refused(tmp_path):
    from trtune.nanogpt.checkpoint import checkpoint_path, load_checkpoint
    from trtune.nanogpt.model import GPT, preset

    path = checkpoint_path(tmp_path)
    path.parent.mkdir(parents=True)
    torch.save({"model": Payload(tmp_path / MARKER)}, path)
    model = GPT(preset("gpt-nano"))
    with pytest.raises(pickle.UnpicklingError):
        load_checkpoint(tmp_path, model, torch.optim.AdamW(model.parameters()))
    assert not (tmp_path / MARKER).exists()


def test_lm_checkpoint_with_code_is_refused(tmp_path):
    from trtune.tasks.lm.checkpoint import load_checkpoint

    folder = tmp_path / "checkpoint-1"
    folder.mkdir()
    torch.save({"weights": Payload(tmp_path / MARKER)}, folder / "state.pt")
    model = torch.nn.Linear(2, 2)
    with pytest.raises(pickle.UnpicklingError):
        load_checkpoint(folder, model, torch.optim.AdamW(model.parameters()))
    assert not (tmp_path / MARKER).exists()


def test_model_code_runs_only_with_trust_remote_code(tmp_path):
    from transformers import GPT2Config

    from trtune.infer.lm import load_lm

    folder = tmp_path / "model"
    folder.mkdir()
    config = GPT2Config(n_layer=1, n_embd=16, n_head=2, vocab_size=50).to_dict()
    config["auto_map"] = {"AutoModelForCausalLM": "modeling_evil.Evil"}
    (folder / "config.json").write_text(json.dumps(config))
    (folder / "modeling_evil.py").write_text(
        f"open({str(tmp_path / MARKER)!r}, 'w').write('ran')\nclass Evil: pass\n"
    )
    try:
        load_lm(str(folder))
    except (UserError, ValueError, OSError):
        pass  # refusing is fine too; running the file is not
    assert not (tmp_path / MARKER).exists()


def test_lm_settings_and_server_defaults_are_safe():
    from dataclasses import fields

    from trtune.serve.settings import ServeSettings
    from trtune.tasks.lm.settings import LMSettings

    trust = {f.name: f.default for f in fields(LMSettings)}["trust_remote_code"]
    assert trust is False
    host = {f.name: f.default for f in fields(ServeSettings)}["host"]
    assert host == "127.0.0.1"
