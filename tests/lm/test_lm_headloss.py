"""The fused output-layer loss equals the plain one (value and gradients), micro-batches
add up to the whole batch, and packed rows give each example the loss it has alone."""

from __future__ import annotations

import pytest
import torch
from lm_testdata import TEXTS

from trtune.run.models import load_model, resolve_model
from trtune.tasks.lm import headloss
from trtune.tasks.lm.encode import IGNORE_INDEX, Encoded, make_batches, packed_batch, pad_batch
from trtune.tasks.lm.headloss import linear_cross_entropy, plain_loss_sum
from trtune.tasks.lm.loss import micro_batches, token_loss_sum


@pytest.fixture(scope="module")
def model(tokenizer):
    lm = load_model(resolve_model("tiny-gpt"), "causal-lm", tokenizer, seed=0)
    lm.config.attn_pdrop = lm.config.resid_pdrop = lm.config.embd_pdrop = 0.0
    return lm.eval()  # no dropout: the two losses see the same network


@pytest.fixture(scope="module")
def examples(tokenizer) -> list[Encoded]:
    out = []
    for i, text in enumerate(TEXTS[:6]):
        ids = tokenizer(text, add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
        cut = len(ids) // 3 if i % 2 else 0  # every other one trains on a "response" only
        out.append(Encoded(ids, [IGNORE_INDEX] * cut + ids[cut:], i))
    return out


def _grads(model) -> dict[str, torch.Tensor]:
    grads = {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}
    model.zero_grad(set_to_none=True)
    return grads


def test_linear_cross_entropy_equals_plain_with_gradients():
    torch.manual_seed(0)
    hidden = torch.randn(37, 8, requires_grad=True)
    weight = torch.randn(11, 8, requires_grad=True)
    targets = torch.randint(0, 11, (37,))
    headloss_chunk = headloss.CHUNK_ELEMENTS
    try:
        headloss.CHUNK_ELEMENTS = 11 * 5  # chunks of 5 rows, the last one short
        fused = linear_cross_entropy(hidden, weight, targets)
        (2.0 * fused).backward()
    finally:
        headloss.CHUNK_ELEMENTS = headloss_chunk
    fused_grads = hidden.grad.clone(), weight.grad.clone()
    hidden.grad = weight.grad = None
    plain = torch.nn.functional.cross_entropy(hidden @ weight.t(), targets, reduction="sum")
    (2.0 * plain).backward()
    assert torch.allclose(fused, plain, rtol=1e-5)
    assert torch.allclose(fused_grads[0], hidden.grad, atol=1e-5)
    assert torch.allclose(fused_grads[1], weight.grad, atol=1e-5)
    with torch.no_grad():
        assert torch.allclose(linear_cross_entropy(hidden, weight, targets), plain, rtol=1e-5)


def test_token_loss_equals_plain_loss_and_gradients(model, examples, tokenizer):
    batch = pad_batch(examples, tokenizer.pad_token_id)
    fused, n = token_loss_sum(model, batch)
    fused.backward()
    fused_grads = _grads(model)
    logits = model(**batch.model_inputs(), use_cache=False).logits
    plain = plain_loss_sum(logits, batch.labels, IGNORE_INDEX)
    plain.backward()
    plain_grads = _grads(model)
    assert n == batch.trained_tokens
    assert torch.allclose(fused, plain, rtol=1e-5)
    assert fused_grads.keys() == plain_grads.keys()
    for name, grad in plain_grads.items():
        assert torch.allclose(fused_grads[name], grad, atol=1e-5), name


def test_micro_batches_add_up_to_the_batch(model, examples, tokenizer):
    batch = pad_batch(examples, tokenizer.pad_token_id)
    width = batch.input_ids.size(1)
    budget = 2 * width
    parts = micro_batches(batch, budget)
    assert sum(p.input_ids.size(0) for p in parts) == 6
    assert micro_batches(batch, 0) == [batch] and len(micro_batches(batch, 1)) == 6
    for p in parts:  # within the budget, and cut to the part's own longest row
        assert p.input_ids.numel() <= budget
        assert p.attention_mask[:, -1].any() and p.tokens == int(p.attention_mask.sum())
    cells = sum(p.input_ids.numel() for p in parts)
    assert cells < batch.input_ids.numel()  # the padding of the longest row is not computed
    whole, n = token_loss_sum(model, batch)
    whole.backward()
    whole_grads = _grads(model)
    summed = [token_loss_sum(model, p) for p in parts]
    sum(v for v, _ in summed).backward()
    part_grads = _grads(model)
    assert sum(k for _, k in summed) == n
    assert torch.allclose(sum(v for v, _ in summed), whole, rtol=1e-5)
    for name, grad in whole_grads.items():
        assert torch.allclose(part_grads[name], grad, atol=1e-5), name


def test_packed_rows_give_each_example_its_own_loss(model, examples, tokenizer):
    """Positions restarting per example keep examples apart (SDPA, no dense mask given)."""
    packed = packed_batch([examples[:3]], 256, tokenizer.pad_token_id)
    assert packed.attention_mask is None and packed.position_ids is not None
    with torch.no_grad():
        together, n = token_loss_sum(model, packed)
        alone = []
        for e in examples[:3]:
            labels = [IGNORE_INDEX] + e.labels[1:]  # packing never predicts an example's 1st token
            single = pad_batch([Encoded(e.input_ids, labels, e.row)], tokenizer.pad_token_id)
            alone.append(token_loss_sum(model, single))
    assert n == sum(k for _, k in alone)
    assert torch.allclose(together, sum(v for v, _ in alone), rtol=1e-5)
    # and make_batches' packing feeds the same path
    assert make_batches(examples, 2, 256, tokenizer.pad_token_id, True)[0].position_ids is not None


def test_a_ddp_wrapped_model_keeps_the_fused_loss(model, examples, tokenizer, monkeypatch):
    """``accelerate launch`` wraps the model in DistributedDataParallel: the fused loss must
    still serve it (it fell back to the plain loss), with the wrapper's gradients the same."""
    import socket

    import torch.distributed as dist

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=0, world_size=1)
    try:
        wrapped = torch.nn.parallel.DistributedDataParallel(model)
        assert headloss.output_layer(wrapped) is model.get_output_embeddings()
        plain_calls = []
        monkeypatch.setattr(
            "trtune.tasks.lm.loss.plain_loss_sum", lambda *a: plain_calls.append(a) or 0
        )
        batch = pad_batch(examples, tokenizer.pad_token_id)
        loss, _ = token_loss_sum(wrapped, batch)
        loss.backward()
        through_ddp = _grads(model)
        alone, _ = token_loss_sum(model, batch)
        alone.backward()
        assert not plain_calls and torch.allclose(loss, alone, rtol=1e-6)
        for name, grad in _grads(model).items():
            assert torch.allclose(through_ddp[name], grad, atol=1e-6), name
    finally:
        dist.destroy_process_group()
