"""The hand-written blocks agree with PyTorch's own implementations."""

from __future__ import annotations

import pytest
import torch
from torch import nn
from torch.nn import functional as F

from trtune.learn.blocks import (
    MLP,
    AttentionHead,
    Block,
    LayerNorm,
    MultiHeadAttention,
    TokenPositionEmbedding,
    attention_mask,
    causal_mask,
)

B, T, S, C, NH = 3, 5, 7, 16, 4


def _generator() -> torch.Generator:
    return torch.Generator().manual_seed(0)


def _mha(seed: int = 0) -> MultiHeadAttention:
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return MultiHeadAttention(C, NH)


def _padding(lengths: list[int], size: int) -> torch.Tensor:
    """(B, size) bool, True at padding (positions at or after each length)."""
    return torch.arange(size)[None, :] >= torch.tensor(lengths)[:, None]


def _torch_mha(ours: MultiHeadAttention) -> nn.MultiheadAttention:
    """nn.MultiheadAttention with our weights copied in."""
    theirs = nn.MultiheadAttention(C, NH, batch_first=True)
    with torch.no_grad():
        theirs.in_proj_weight.copy_(
            torch.cat([ours.query.weight, ours.key.weight, ours.value.weight])
        )
        theirs.in_proj_bias.copy_(torch.cat([ours.query.bias, ours.key.bias, ours.value.bias]))
        theirs.out_proj.weight.copy_(ours.proj.weight)
        theirs.out_proj.bias.copy_(ours.proj.bias)
    return theirs.eval()


def _sdpa(ours: MultiHeadAttention, x: torch.Tensor, context: torch.Tensor, allowed):
    """Our projections around PyTorch's fused scaled_dot_product_attention."""

    def heads(t: torch.Tensor) -> torch.Tensor:
        return t.view(t.shape[0], t.shape[1], NH, C // NH).transpose(1, 2)

    q, k, v = heads(ours.query(x)), heads(ours.key(context)), heads(ours.value(context))
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=allowed)
    return ours.proj(out.transpose(1, 2).reshape(x.shape))


@pytest.mark.parametrize("causal", [False, True])
@pytest.mark.parametrize("padded", [False, True])
def test_self_attention_matches_pytorch(causal: bool, padded: bool) -> None:
    x = torch.randn(B, T, C, generator=_generator())
    ours = _mha()
    padding = _padding([T, 3, 1], T) if padded else None
    with torch.no_grad():
        mine = ours(x, causal=causal, key_padding_mask=padding)
        allowed = attention_mask(B, T, T, causal=causal, key_padding_mask=padding)
        fused = _sdpa(ours, x, x, allowed)
        reference, _ = _torch_mha(ours)(
            x,
            x,
            x,
            key_padding_mask=padding,
            attn_mask=~causal_mask(T) if causal else None,  # PyTorch: True = masked out
            need_weights=False,
        )
    if padded and not causal:
        # With padding and no causal mask every query still sees its row's first key.
        assert torch.isfinite(mine).all()
    torch.testing.assert_close(mine, fused, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(mine, reference, atol=1e-5, rtol=1e-5)
    assert mine.shape == (B, T, C)


@pytest.mark.parametrize("padded", [False, True])
def test_cross_attention_matches_pytorch(padded: bool) -> None:
    x = torch.randn(B, T, C, generator=_generator())
    memory = torch.randn(B, S, C, generator=_generator())
    ours = _mha(1)
    padding = _padding([S, 4, 2], S) if padded else None
    with torch.no_grad():
        mine = ours(x, memory, key_padding_mask=padding)
        allowed = attention_mask(B, T, S, key_padding_mask=padding)
        reference, _ = _torch_mha(ours)(x, memory, memory, key_padding_mask=padding)
        fused = _sdpa(ours, x, memory, allowed)
    torch.testing.assert_close(mine, reference, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(mine, fused, atol=1e-5, rtol=1e-5)


def test_padding_keys_get_no_weight() -> None:
    """Changing a padded token changes nothing for the real ones."""
    x = torch.randn(B, T, C, generator=_generator())
    padding = _padding([T, 3, 2], T)
    changed = x.clone()
    changed[1, 3:] += 5.0
    changed[2, 2:] -= 3.0
    ours = _mha()
    with torch.no_grad():
        before, after = ours(x, key_padding_mask=padding), ours(changed, key_padding_mask=padding)
    torch.testing.assert_close(before[1, :3], after[1, :3])
    torch.testing.assert_close(before[2, :2], after[2, :2])
    assert not torch.allclose(before[1, 3:], after[1, 3:])


def test_layernorm_matches_pytorch() -> None:
    x = torch.randn(B, T, C, generator=_generator()) * 3 + 1
    ours, theirs = LayerNorm(C), nn.LayerNorm(C)
    with torch.no_grad():
        ours.weight.copy_(torch.randn(C, generator=_generator()))
        ours.bias.copy_(torch.randn(C, generator=_generator()))
        theirs.weight.copy_(ours.weight)
        theirs.bias.copy_(ours.bias)
    torch.testing.assert_close(ours(x), theirs(x), atol=1e-5, rtol=1e-5)


def test_single_head_is_softmax_qk_v() -> None:
    x = torch.randn(B, T, C, generator=_generator())
    head = AttentionHead(C, 8)
    with torch.no_grad():
        q, k, v = head.query(x), head.key(x), head.value(x)
        expected = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        torch.testing.assert_close(head(x, causal=True), expected, atol=1e-5, rtol=1e-5)


def test_causal_block_never_looks_ahead() -> None:
    """Changing token t changes no output before t (two stacked causal blocks)."""
    embed = TokenPositionEmbedding(11, T, C)
    blocks = [Block(C, NH), Block(C, NH)]
    idx = torch.randint(0, 11, (B, T), generator=_generator())

    def run(tokens: torch.Tensor) -> torch.Tensor:
        x = embed(tokens)
        for block in blocks:
            x = block(x, causal=True)
        return x

    with torch.no_grad():
        before = run(idx)
        for t in range(1, T):
            changed = idx.clone()
            changed[:, t] = (changed[:, t] + 1) % 11
            after = run(changed)
            torch.testing.assert_close(before[:, :t], after[:, :t], atol=0, rtol=0)
            assert not torch.allclose(before[:, t], after[:, t])


def test_bidirectional_block_does_look_ahead() -> None:
    """Without the causal mask the first output does depend on the last token (sanity)."""
    embed, block = TokenPositionEmbedding(11, T, C), Block(C, NH)
    idx = torch.randint(0, 11, (1, T), generator=_generator())
    changed = idx.clone()
    changed[0, -1] = (changed[0, -1] + 1) % 11
    with torch.no_grad():
        assert not torch.allclose(block(embed(idx))[0, 0], block(embed(changed))[0, 0])


def test_cross_block_needs_memory_and_shapes() -> None:
    block = Block(C, NH, cross=True)
    x, memory = torch.randn(B, T, C), torch.randn(B, S, C)
    assert block(x, causal=True, memory=memory).shape == (B, T, C)
    with pytest.raises(ValueError, match="memory"):
        block(x)
    assert MLP(C)(x).shape == (B, T, C)
    with pytest.raises(ValueError, match="divisible"):
        MultiHeadAttention(10, 4)
