"""What ``lm train`` changes in a model before training: GPT-2's GELU as one kernel (the
same outputs, fewer saved tensors) and ``--attention-dropout`` (``auto``: none for a loaded
model on a CPU, the model's own for the presets)."""

from __future__ import annotations

import pytest
import torch
from transformers import GPT2Config, GPT2LMHeadModel
from transformers.activations import GELUTanh, NewGELUActivation

from trtune.run.activations import use_fused_gelu
from trtune.tasks.lm.settings import LMSettings
from trtune.tasks.lm.train import _training_kernels


def _gpt2() -> GPT2LMHeadModel:
    torch.manual_seed(0)
    config = GPT2Config(
        vocab_size=64,
        n_positions=32,
        n_embd=32,
        n_layer=2,
        n_head=2,
        bos_token_id=0,
        eos_token_id=0,
    )
    return GPT2LMHeadModel(config)  # gelu_new, attention dropout 0.1


def _saved_bytes(model, ids) -> int:
    sizes = {}

    def pack(t):
        sizes[t.untyped_storage().data_ptr()] = t.untyped_storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        model(input_ids=ids, labels=ids)
    return sum(sizes.values())


def test_fused_gelu_same_outputs_and_gradients_fewer_saved_tensors():
    model, ids = _gpt2().eval(), torch.randint(0, 64, (2, 32))
    before = _saved_bytes(model, ids)
    reference = model(input_ids=ids, labels=ids)
    reference.loss.backward()
    grad = model.transformer.h[0].mlp.c_fc.weight.grad.clone()
    model.zero_grad()
    assert use_fused_gelu(model) == 2
    assert not any(isinstance(m, NewGELUActivation) for m in model.modules())
    assert sum(isinstance(m, GELUTanh) for m in model.modules()) == 2
    fused = model(input_ids=ids, labels=ids)
    fused.loss.backward()
    torch.testing.assert_close(fused.logits, reference.logits, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(model.transformer.h[0].mlp.c_fc.weight.grad, grad)
    assert _saved_bytes(model, ids) < 0.8 * before
    assert model.config.activation_function == "gelu_new"  # what is saved stays GPT-2's


def test_fused_gelu_reaches_into_a_lora_model():
    from peft import LoraConfig, get_peft_model

    model = get_peft_model(_gpt2(), LoraConfig(r=2, target_modules=["c_attn"]))
    assert use_fused_gelu(model) == 2
    assert use_fused_gelu(model) == 0  # nothing left to swap


@pytest.mark.parametrize(
    ("model_name", "expected"), [("some/loaded-model", 0.0), ("tiny-gpt", 0.1)]
)
def test_training_kernels_follow_attention_dropout_auto_on_a_cpu(model_name, expected, tmp_path):
    model = _gpt2()
    settings = LMSettings(data=["x.jsonl"], model=model_name, out=str(tmp_path / "out"))
    _training_kernels(model, settings, torch.device("cpu"))
    assert {b.attn.attn_dropout.p for b in model.transformer.h} == {expected}
    assert {b.attn.resid_dropout.p for b in model.transformer.h} == {0.1}  # hidden dropout kept
    assert not any(isinstance(m, NewGELUActivation) for m in model.modules())


def test_lm_train_swaps_before_training_and_a_dry_run_does_not(tmp_path, monkeypatch):
    """The loop itself calls the swap once, on the model it trains; ``--dry-run`` trains
    nothing and leaves the model alone."""
    from lm_testdata import write_alpaca

    import trtune.tasks.lm.train as train_module
    from trtune.cli import main

    swapped: list[int] = []
    real = train_module.use_fused_gelu
    monkeypatch.setattr(train_module, "use_fused_gelu", lambda m: swapped.append(real(m)))
    data = write_alpaca(tmp_path / "a.jsonl")
    base = ["lm", "train", "--data", str(data), "--method", "full", "--max-length", "64"]
    main([*base, "--out", str(tmp_path / "dry"), "--dry-run"])
    assert swapped == []
    main([*base, "--out", str(tmp_path / "run"), "--max-steps", "1", "--batch-size", "8"])
    assert swapped == [2]  # tiny-gpt: two GPT-2 blocks, one GELU each
