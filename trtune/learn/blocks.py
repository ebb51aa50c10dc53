"""The building blocks of a transformer, written out by hand.

Token + position embedding, LayerNorm, attention (one head and many, self and cross, with
causal and padding masks), an MLP with GELU and the pre-norm residual block. Attention is
the explicit ``softmax(Q·Kᵀ/√d)·V`` of Vaswani et al. (2017), "Attention Is All You Need";
the tests check it against PyTorch's fused kernels.

Shape letters: B batch, T query positions, S key/value positions (T for self-attention),
C channels (``n_embd``), nh heads, hs head size (C // nh), V vocabulary.
"""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F


def causal_mask(length: int, device: torch.device | None = None) -> torch.Tensor:
    """Which keys each query may see when it must not look ahead.

    Args:
        length: the number of positions T.
        device: where to put the mask.

    Returns:
        (T, T) bool, True where position i may attend to position j (j <= i).
    """
    return torch.ones(length, length, dtype=torch.bool, device=device).tril()


def attention_mask(
    batch: int,
    queries: int,
    keys: int,
    *,
    causal: bool = False,
    key_padding_mask: torch.Tensor | None = None,
    device: torch.device | None = None,
) -> torch.Tensor | None:
    """Combine the causal and padding masks into one "may attend" mask.

    Args:
        batch: B. queries: T. keys: S.
        causal: forbid attending to later positions (needs T == S).
        key_padding_mask: (B, S) bool, True at padding keys (as in ``nn.MultiheadAttention``).
        device: where to put the mask.

    Returns:
        (B, 1, T, S) bool, True where attention is allowed, or None when nothing is masked.
    """
    if not causal and key_padding_mask is None:
        return None
    allowed = torch.ones(batch, 1, queries, keys, dtype=torch.bool, device=device)
    if causal:
        allowed = allowed & causal_mask(queries, device)[None, None]
    if key_padding_mask is not None:
        allowed = allowed & ~key_padding_mask[:, None, None, :]
    return allowed


def attend(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, allowed: torch.Tensor | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Scaled dot-product attention, ``softmax(Q·Kᵀ/√d)·V``.

    Args:
        q: (..., T, hs). k: (..., S, hs). v: (..., S, hs).
        allowed: bool, broadcastable to (..., T, S); False entries get no weight.

    Returns:
        The outputs (..., T, hs) and the attention weights (..., T, S).
    """
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])  # (..., T, S)
    if allowed is not None:
        scores = scores.masked_fill(~allowed, float("-inf"))
    weights = torch.softmax(scores, dim=-1)  # each row sums to 1
    return weights @ v, weights


class TokenPositionEmbedding(nn.Module):
    """A learned vector per token plus a learned vector per position (as in GPT-2).

    Args:
        vocab_size: V. block_size: the number of positions. n_embd: C.
    """

    def __init__(self, vocab_size: int, block_size: int, n_embd: int):
        super().__init__()
        self.token = nn.Embedding(vocab_size, n_embd)
        self.position = nn.Embedding(block_size, n_embd)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        """(B, T) token ids -> (B, T, C)."""
        positions = torch.arange(idx.shape[1], device=idx.device)  # (T,)
        return self.token(idx) + self.position(positions)[None]


class LayerNorm(nn.Module):
    """Normalise each vector to mean 0 and variance 1, then scale and shift (Ba et al., 2016).

    Args:
        n_embd: C. eps: added to the variance so that we never divide by zero.
    """

    def __init__(self, n_embd: int, eps: float = 1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n_embd))
        self.bias = nn.Parameter(torch.zeros(n_embd))
        self.eps = eps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """(..., C) -> (..., C)."""
        mean = x.mean(dim=-1, keepdim=True)
        variance = ((x - mean) ** 2).mean(dim=-1, keepdim=True)  # the biased variance
        return (x - mean) / torch.sqrt(variance + self.eps) * self.weight + self.bias


class AttentionHead(nn.Module):
    """One head of self-attention: its own key, query and value projections.

    Args:
        n_embd: C. head_size: hs, the size of a key, query and value.
    """

    def __init__(self, n_embd: int, head_size: int):
        super().__init__()
        self.key = nn.Linear(n_embd, head_size, bias=False)
        self.query = nn.Linear(n_embd, head_size, bias=False)
        self.value = nn.Linear(n_embd, head_size, bias=False)

    def forward(self, x: torch.Tensor, *, causal: bool = False) -> torch.Tensor:
        """(B, T, C) -> (B, T, hs)."""
        allowed = causal_mask(x.shape[1], x.device) if causal else None
        out, _ = attend(self.query(x), self.key(x), self.value(x), allowed)
        return out


class MultiHeadAttention(nn.Module):
    """nh heads side by side, concatenated and projected back to C channels.

    Self-attention when ``context`` is None; cross-attention (queries from ``x``, keys and
    values from ``context``, e.g. the encoder's output) otherwise.

    Args:
        n_embd: C. n_head: nh, must divide C.
    """

    def __init__(self, n_embd: int, n_head: int):
        super().__init__()
        if n_embd % n_head != 0:
            raise ValueError(f"n_embd ({n_embd}) must be divisible by n_head ({n_head})")
        self.n_head = n_head
        self.query = nn.Linear(n_embd, n_embd)
        self.key = nn.Linear(n_embd, n_embd)
        self.value = nn.Linear(n_embd, n_embd)
        self.proj = nn.Linear(n_embd, n_embd)

    def _split_heads(self, x: torch.Tensor) -> torch.Tensor:
        batch, length, channels = x.shape
        # (B, T, C) -> (B, nh, T, hs)
        return x.view(batch, length, self.n_head, channels // self.n_head).transpose(1, 2)

    def forward(
        self,
        x: torch.Tensor,
        context: torch.Tensor | None = None,
        *,
        causal: bool = False,
        key_padding_mask: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """Attend from ``x`` to ``context`` (or to ``x`` itself).

        Args:
            x: (B, T, C), where the queries come from.
            context: (B, S, C), where keys and values come from; ``x`` when None.
            causal: forbid attending to later positions (self-attention only).
            key_padding_mask: (B, S) bool, True at padding keys. A query whose keys are all
                masked has no defined output (NaN), so keep at least one real key per row.

        Returns:
            (B, T, C).
        """
        source = x if context is None else context
        batch, length, channels = x.shape
        q = self._split_heads(self.query(x))  # (B, nh, T, hs)
        k = self._split_heads(self.key(source))  # (B, nh, S, hs)
        v = self._split_heads(self.value(source))  # (B, nh, S, hs)
        allowed = attention_mask(
            batch,
            length,
            source.shape[1],
            causal=causal,
            key_padding_mask=key_padding_mask,
            device=x.device,
        )
        out, _ = attend(q, k, v, allowed)  # (B, nh, T, hs)
        out = out.transpose(1, 2).reshape(batch, length, channels)  # heads side by side
        return self.proj(out)


class MLP(nn.Module):
    """Two linear layers with a GELU between them, applied to each position on its own.

    Args:
        n_embd: C. ratio: the hidden width is ``ratio · C``.
    """

    def __init__(self, n_embd: int, ratio: int = 4):
        super().__init__()
        self.fc = nn.Linear(n_embd, ratio * n_embd)
        self.proj = nn.Linear(ratio * n_embd, n_embd)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """(..., C) -> (..., C)."""
        return self.proj(F.gelu(self.fc(x)))


class Block(nn.Module):
    """A pre-norm residual block: ``x + attention(norm(x))``, then ``x + mlp(norm(x))``.

    With ``cross=True`` it is a decoder block of an encoder-decoder: between the two it
    adds ``x + cross_attention(norm(x), memory)``, looking at the encoder's output.

    Args:
        n_embd: C. n_head: nh. cross: add a cross-attention sub-layer.
    """

    def __init__(self, n_embd: int, n_head: int, cross: bool = False):
        super().__init__()
        self.norm_attn = LayerNorm(n_embd)
        self.attn = MultiHeadAttention(n_embd, n_head)
        self.norm_cross = LayerNorm(n_embd) if cross else None
        self.cross = MultiHeadAttention(n_embd, n_head) if cross else None
        self.norm_mlp = LayerNorm(n_embd)
        self.mlp = MLP(n_embd)

    def forward(
        self,
        x: torch.Tensor,
        *,
        causal: bool = False,
        padding_mask: torch.Tensor | None = None,
        memory: torch.Tensor | None = None,
        memory_padding_mask: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """(B, T, C) -> (B, T, C).

        Args:
            x: the residual stream.
            causal: mask later positions in self-attention (decoders).
            padding_mask: (B, T) bool, True at padding tokens of ``x``.
            memory: (B, S, C), the encoder's output (cross-attention blocks only).
            memory_padding_mask: (B, S) bool, True at padding tokens of ``memory``.
        """
        x = x + self.attn(self.norm_attn(x), causal=causal, key_padding_mask=padding_mask)
        if self.cross is not None and self.norm_cross is not None:
            if memory is None:
                raise ValueError("a cross-attention block needs the encoder's memory")
            x = x + self.cross(self.norm_cross(x), memory, key_padding_mask=memory_padding_mask)
        return x + self.mlp(self.norm_mlp(x))
