"""How every training command trains on a CPU: ``--precision auto|float32|bfloat16`` (the
Trainer's mixed-precision flags; bfloat16 only when asked for on a CPU, since autocast did
not pay on the Zen 4 measured) and ``--attention-dropout auto|P`` (none for a pretrained
model on a CPU, so that PyTorch's fused attention kernel runs; the model's own elsewhere)."""

from __future__ import annotations

import pytest
import torch
from transformers import BertConfig, BertForQuestionAnswering, GPT2Config, GPT2LMHeadModel

from trtune.errors import UserError
from trtune.run import devices
from trtune.run.attention import (
    apply_attention_dropout,
    attention_dropout_for,
    set_attention_dropout,
)
from trtune.run.fit import FitJob, precision_flags, training_arguments
from trtune.tasks.classify.settings import ClassifySettings


@pytest.fixture
def cpu_only(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)


@pytest.mark.parametrize(
    ("precision", "bf16"), [("auto", False), ("float32", False), ("bfloat16", True)]
)
def test_precision_flags_on_a_cpu(cpu_only, monkeypatch, precision, bf16):
    monkeypatch.setattr(devices, "cpu_has_bf16_matmul", lambda: True)  # even where native
    assert precision_flags(precision) == {"bf16": bf16, "fp16": False}


def test_precision_reaches_the_training_arguments(cpu_only, tmp_path):
    job = FitJob(model=None, tokenizer=None, train_dataset=[], eval_dataset=[], collator=None)
    for precision, bf16 in (("auto", False), ("float32", False), ("bfloat16", True)):
        settings = ClassifySettings(
            data=["x.csv"], out=str(tmp_path), model="some/model", precision=precision
        )
        assert training_arguments(settings, tmp_path, 10, job).bf16 is bf16


def test_an_unknown_precision_is_one_line(tmp_path):
    with pytest.raises(UserError, match="--precision must be auto, float32 or bfloat16"):
        ClassifySettings(data=["x.csv"], out=str(tmp_path), model="tiny", precision="fp16")


def test_attention_dropout_auto_is_none_on_a_cpu_only():
    assert attention_dropout_for("auto", torch.device("cpu")) == 0.0
    assert attention_dropout_for("auto", torch.device("cuda")) is None  # the model's own
    assert attention_dropout_for("auto", torch.device("cpu"), preset=True) is None
    assert attention_dropout_for("0.05", torch.device("cpu"), preset=True) == 0.05


def _dropouts(model) -> dict[str, float]:
    return {n: m.p for n, m in model.named_modules() if isinstance(m, torch.nn.Dropout)}


@pytest.mark.parametrize("family", ["bert", "gpt2"])
def test_only_the_attention_weights_dropout_changes(family):
    if family == "bert":
        config = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=2,
                            num_attention_heads=2, intermediate_size=20)  # fmt: skip
        model, attention = BertForQuestionAnswering(config), "attention.self.dropout"
    else:
        config = GPT2Config(vocab_size=50, n_embd=16, n_layer=2, n_head=2)
        model, attention = GPT2LMHeadModel(config), "attn.attn_dropout"
    before = _dropouts(model)
    assert set_attention_dropout(model, 0.0) == 2  # one per layer
    after = _dropouts(model)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {name for name in before if name.endswith(attention)}
    assert all(after[name] == 0.0 for name in changed)


def test_fit_trains_a_cpu_run_without_attention_dropout(cpu_only, monkeypatch, tmp_path):
    from trtune.run import fit as fit_module

    seen = {}

    class Stop(Exception):
        pass

    def fake_train(self, resume_from_checkpoint=None):
        seen["dropouts"] = _dropouts(self.model)
        raise Stop

    monkeypatch.setattr(fit_module.TrtuneTrainer, "train", fake_train)
    config = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=20)  # fmt: skip
    job = FitJob(model=BertForQuestionAnswering(config), tokenizer=None, train_dataset=[1],
                 eval_dataset=[1], collator=None)  # fmt: skip
    settings = ClassifySettings(data=["x.csv"], out=str(tmp_path), model="some/model")
    with pytest.raises(Stop):
        fit_module.fit(settings, job, tmp_path)
    assert {n: p for n, p in seen["dropouts"].items() if "attention.self" in n} == {
        "bert.encoder.layer.0.attention.self.dropout": 0.0,
        "bert.encoder.layer.1.attention.self.dropout": 0.0,
    }
    assert seen["dropouts"]["bert.embeddings.dropout"] == 0.1  # hidden dropout stays
    assert settings.attention_dropout == "0"  # what trtune.json records: the value used


def _bert():
    config = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=20)  # fmt: skip
    return BertForQuestionAnswering(config)  # attention dropout 0.1


@pytest.mark.parametrize(
    ("value", "device", "preset", "recorded", "trained"),
    [
        ("auto", "cpu", False, "0", 0.0),
        ("auto", "cuda", False, "0.1", 0.1),  # the model's own
        ("auto", "cpu", True, "0.1", 0.1),
        ("0.05", "cpu", False, "0.05", 0.05),
    ],
)
def test_the_settings_record_the_attention_dropout_used(value, device, preset, recorded, trained):
    from types import SimpleNamespace

    model = _bert()
    settings = SimpleNamespace(attention_dropout=value, is_preset=preset)
    apply_attention_dropout(model, settings, torch.device(device))
    assert settings.attention_dropout == recorded
    assert {m.p for n, m in model.named_modules() if n.endswith("self.dropout")} == {trained}


@pytest.mark.parametrize("value", ["x", "1.5", "-0.1"])
def test_a_bad_attention_dropout_is_one_line(tmp_path, value):
    with pytest.raises(UserError, match="--attention-dropout must be auto or a number"):
        ClassifySettings(data=["x.csv"], out=str(tmp_path), model="tiny", attention_dropout=value)
