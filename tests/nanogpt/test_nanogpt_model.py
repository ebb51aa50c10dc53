"""The GPT itself: parameter counts, causality, and parity with Hugging Face GPT-2."""

from __future__ import annotations

import json

import pytest
import torch

from trtune.nanogpt.hf import from_hf, load_pretrained, save_pretrained, to_hf
from trtune.nanogpt.model import GPT, GPTConfig, preset


def test_gpt_nano_parameter_counts():
    model = GPT(preset("gpt-nano", vocab_size=3, block_size=11))
    assert model.config == GPTConfig(vocab_size=3, block_size=11, n_layer=3, n_head=3, n_embd=48)
    assert model.num_params(include_lm_head=False) == 85_584  # minGPT's printed count
    assert model.num_params() == 85_728


def test_config_is_validated():
    with pytest.raises(ValueError, match="divisible"):
        GPTConfig(n_embd=10, n_head=3)
    with pytest.raises(KeyError):
        preset("gpt-huge")


def test_attention_is_causal():
    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=5, block_size=8, n_layer=2, n_head=2, n_embd=16)).eval()
    a = torch.tensor([[1, 2, 3, 4, 0, 0]])
    b = torch.tensor([[1, 2, 3, 4, 4, 1]])
    la, _ = model(a)
    lb, _ = model(b)
    assert torch.allclose(la[:, :4], lb[:, :4])  # earlier positions ignore the future
    assert not torch.allclose(la[:, 5], lb[:, 5])


def _random_batch(vocab: int, block: int) -> torch.Tensor:
    return torch.randint(vocab, (2, block), generator=torch.Generator().manual_seed(1))


def test_to_hf_matches_logits():
    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=7, block_size=9, n_layer=2, n_head=2, n_embd=16)).eval()
    idx = _random_batch(7, 9)
    hf = to_hf(model)
    assert hf.config.activation_function == "gelu"
    ours, _ = model(idx)
    theirs = hf(idx).logits
    assert (ours - theirs).abs().max().item() < 1e-5


def test_from_hf_random_gpt2_matches_logits():
    from transformers import GPT2Config, GPT2LMHeadModel

    torch.manual_seed(0)
    cfg = GPT2Config(
        vocab_size=11, n_positions=10, n_embd=24, n_layer=2, n_head=3,
        activation_function="gelu", tie_word_embeddings=False,
        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0,
    )  # fmt: skip
    hf = GPT2LMHeadModel(cfg).eval()
    with torch.no_grad():  # make LayerNorms and biases non-trivial
        for p in hf.parameters():
            p.add_(0.05 * torch.randn_like(p))
    ours = from_hf(hf)
    idx = _random_batch(11, 10)
    diff = (ours(idx)[0] - hf(idx).logits).abs().max().item()
    assert diff < 1e-5
    back = to_hf(ours)
    assert (back(idx).logits - hf(idx).logits).abs().max().item() < 1e-5


def test_saved_folder_loads_with_plain_transformers(tmp_path):
    from transformers import GPT2LMHeadModel

    torch.manual_seed(0)
    model = GPT(preset("gpt-nano")).eval()
    save_pretrained(model, tmp_path)
    assert json.loads((tmp_path / "config.json").read_text())["tie_word_embeddings"] is False
    hf = GPT2LMHeadModel.from_pretrained(tmp_path).eval()
    idx = _random_batch(3, 11)
    assert (model(idx)[0] - hf(idx).logits).abs().max().item() < 1e-5
    again = load_pretrained(tmp_path)
    assert torch.equal(again(idx)[0], model(idx)[0])
    assert not list(tmp_path.glob("*.tmp"))


def test_teacher_forced_exact_match_is_greedy_decoding():
    """``exactly_sorted`` (one forward pass) decides the same inputs as greedy decoding
    (six passes), on models that sort some inputs right and some wrong."""
    from trtune.nanogpt import sort

    torch.manual_seed(0)
    model = GPT(preset("gpt-nano", vocab_size=3, block_size=11))
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-3)
    inputs = sort.all_inputs("all")
    want = torch.sort(inputs, dim=1).values
    batches = torch.Generator().manual_seed(0)
    mixed = 0
    for step in range(1, 61):
        model.train()
        x, y = sort.make_example(inputs[torch.randint(len(inputs), (64,), generator=batches)])
        _, loss = model(x, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 20 == 0:
            fast = sort.exactly_sorted(model, inputs)
            greedy = (sort.greedy_sort(model, inputs) == want).all(dim=1)
            assert torch.equal(fast, greedy), step
            mixed += 0 < int(greedy.sum()) < len(inputs)
            assert sort.exact_match(model).correct == int(greedy.sum())
    assert mixed >= 2  # the comparison saw right and wrong answers
