"""Settings: YAML config, flag overrides, validation, per-model defaults."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from trtune.errors import UserError
from trtune.run.lora import apply_lora, default_targets
from trtune.run.models import load_model, resolve_model
from trtune.tasks.lm.settings import LMSettings


def _lora(r: int, targets: list[str] | None):
    return SimpleNamespace(
        model="org/model", lora_r=r, lora_alpha=8, lora_dropout=0.0, lora_target_modules=targets
    )


def test_yaml_then_flags_override(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("data: a.csv\nout: o\nlora_r: 4\nmax_length: 64\nmethod: full\n", "utf-8")
    config = LMSettings.from_config(
        path, max_length=32, lora_r=None, lora_target_modules="c_attn,c_fc"
    )
    assert (config.lora_r, config.max_length, config.method) == (4, 32, "full")
    assert config.lora_target_modules == ["c_attn", "c_fc"]
    # Tiny presets default to one short pass.
    assert (config.epochs, config.lr) == (1.0, 1e-3)


def test_invalid_settings_are_user_errors(tmp_path):
    with pytest.raises(UserError, match="--method"):
        LMSettings(data="a", out="o", method="prefix")
    with pytest.raises(UserError, match="validation_size"):
        LMSettings(data="a", out="o", validation_size=0.0)
    bad = tmp_path / "c.yaml"
    bad.write_text("data: a\nout: o\nlearning_rat: 3\n", "utf-8")
    with pytest.raises(UserError, match="unknown settings: learning_rat"):
        LMSettings.from_config(bad)
    with pytest.raises(UserError, match="--data is required"):
        LMSettings.from_config(None, out="o")


def test_hub_model_defaults_and_lora_targets(tokenizer):
    config = LMSettings(data="a", out="o", model="org/model")
    assert (config.epochs, config.max_length, config.lr) == (3.0, 512, 2e-4)
    llama = load_model(resolve_model("tiny-llama"), "causal-lm", tokenizer, seed=0)
    assert default_targets(llama) == ["q_proj", "k_proj", "v_proj", "o_proj"]
    wrapped = apply_lora(llama, _lora(4, None), "lm")
    trained = [n for n, p in wrapped.named_parameters() if p.requires_grad]
    assert trained and all("lora_" in n for n in trained)
    with pytest.raises(UserError, match="c_attn not found"):
        llama = load_model(resolve_model("tiny-llama"), "causal-lm", tokenizer, seed=0)
        apply_lora(llama, _lora(4, ["c_attn"]), "lm")


def test_yaml_accepts_dash_style_keys(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("data: a.csv\nout: o\nmax-length: 48\nlora-r: 2\n", encoding="utf-8")
    config = LMSettings.from_config(path)
    assert (config.max_length, config.lora_r) == (48, 2)
