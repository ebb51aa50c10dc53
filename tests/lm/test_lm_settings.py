"""Settings: YAML config, flag overrides, validation, per-model defaults."""

from __future__ import annotations

import pytest

from trtune.errors import UserError
from trtune.lm.models import TINY_LM_PRESETS, apply_lora, build_tiny_model, default_target_modules
from trtune.lm.settings import LMTrainConfig, load_config


def test_yaml_then_flags_override(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("data: a.csv\nout: o\nlora_r: 4\nmax_length: 64\nmethod: full\n", "utf-8")
    config = load_config(path, {"max_length": 32, "lora_r": None, "target_modules": "c_attn,c_fc"})
    assert (config.lora_r, config.max_length, config.method) == (4, 32, "full")
    assert config.target_modules == ["c_attn", "c_fc"]
    # Tiny presets default to one short pass.
    assert (config.epochs, config.learning_rate) == (1.0, 1e-3)


def test_invalid_settings_are_user_errors(tmp_path):
    with pytest.raises(UserError, match="--method"):
        LMTrainConfig(data="a", out="o", method="prefix")
    with pytest.raises(UserError, match="--val-fraction"):
        LMTrainConfig(data="a", out="o", val_fraction=0.0)
    bad = tmp_path / "c.yaml"
    bad.write_text("data: a\nout: o\nlearning_rat: 3\n", "utf-8")
    with pytest.raises(UserError, match="unknown settings: learning_rat"):
        load_config(bad, {})
    with pytest.raises(UserError, match="--data is required"):
        load_config(None, {"out": "o"})


def test_hub_model_defaults_and_lora_targets(tokenizer):
    config = LMTrainConfig(data="a", out="o", model="org/model")
    assert (config.epochs, config.max_length, config.learning_rate) == (3.0, 512, 2e-4)
    llama = build_tiny_model(TINY_LM_PRESETS["tiny-llama"], tokenizer, seed=0)
    assert default_target_modules(llama) == ["q_proj", "k_proj", "v_proj", "o_proj"]
    wrapped = apply_lora(llama, r=4, alpha=8, dropout=0.0, targets=None)
    trained = [n for n, p in wrapped.named_parameters() if p.requires_grad]
    assert trained and all("lora_" in n for n in trained)
    with pytest.raises(UserError, match="c_attn not found"):
        apply_lora(
            build_tiny_model(TINY_LM_PRESETS["tiny-llama"], tokenizer, 0), 4, 8, 0.0, ["c_attn"]
        )


def test_yaml_accepts_dash_style_keys(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("data: a.csv\nout: o\nmax-length: 48\nlora-r: 2\n", encoding="utf-8")
    config = load_config(path, {})
    assert (config.max_length, config.lora_r) == (48, 2)
