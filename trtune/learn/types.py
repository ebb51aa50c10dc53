"""The three LLM types of report §1.4, each built from :mod:`trtune.learn.blocks`.

- :class:`EncoderOnly` (BERT-like): every token sees every other token; the mean of the
  final vectors is classified.
- :class:`DecoderOnly` (GPT-like): each token sees only earlier tokens (causal mask) and
  predicts the next one.
- :class:`EncoderDecoder` (T5-like): an encoder reads the source; a causal decoder writes
  the target while looking at the encoder's output through cross-attention.

Shape letters: B batch, T target/sequence length, S source length, C channels, V vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from trtune.learn.blocks import Block, LayerNorm, TokenPositionEmbedding


@dataclass
class TinyConfig:
    """The size of a tiny model.

    Attributes:
        vocab_size: V. block_size: the longest sequence. n_embd: C. n_head: heads per
        attention. n_layer: blocks (per stack for the encoder-decoder).
    """

    vocab_size: int
    block_size: int
    n_embd: int = 32
    n_head: int = 2
    n_layer: int = 2

    def __post_init__(self) -> None:
        for name in ("vocab_size", "block_size", "n_embd", "n_head", "n_layer"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.n_embd % self.n_head != 0:
            raise ValueError(f"n_embd ({self.n_embd}) must be divisible by n_head ({self.n_head})")


class Stack(nn.Module):
    """Embedding, ``n_layer`` blocks and a final LayerNorm: the body every type shares."""

    def __init__(self, config: TinyConfig, *, causal: bool, cross: bool = False):
        super().__init__()
        self.causal = causal
        self.embed = TokenPositionEmbedding(config.vocab_size, config.block_size, config.n_embd)
        self.blocks = nn.ModuleList(
            Block(config.n_embd, config.n_head, cross=cross) for _ in range(config.n_layer)
        )
        self.norm = LayerNorm(config.n_embd)

    def forward(
        self,
        idx: torch.Tensor,
        padding_mask: torch.Tensor | None = None,
        memory: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """(B, T) ids -> (B, T, C)."""
        x = self.embed(idx)
        for block in self.blocks:
            x = block(x, causal=self.causal, padding_mask=padding_mask, memory=memory)
        return self.norm(x)


class EncoderOnly(nn.Module):
    """Bidirectional encoder + mean pooling + linear classifier."""

    def __init__(self, config: TinyConfig, n_classes: int):
        super().__init__()
        self.encoder = Stack(config, causal=False)
        self.classifier = nn.Linear(config.n_embd, n_classes)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        """(B, T) ids -> (B, n_classes) logits."""
        return self.classifier(self.encoder(idx).mean(dim=1))


class DecoderOnly(nn.Module):
    """Causal decoder + language-model head: logits for the next token at every position."""

    def __init__(self, config: TinyConfig):
        super().__init__()
        self.decoder = Stack(config, causal=True)
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        """(B, T) ids -> (B, T, V) logits; position t predicts token t + 1."""
        return self.lm_head(self.decoder(idx))


class EncoderDecoder(nn.Module):
    """Encoder over the source, causal decoder with cross-attention over the encoder's output.

    Source and target share one vocabulary (the decoder's BOS token included).
    """

    def __init__(self, config: TinyConfig):
        super().__init__()
        self.encoder = Stack(config, causal=False)
        self.decoder = Stack(config, causal=True, cross=True)
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)

    def forward(self, source: torch.Tensor, target_in: torch.Tensor) -> torch.Tensor:
        """Source (B, S) and decoder input (B, T) -> (B, T, V) logits for the next target."""
        memory = self.encoder(source)  # (B, S, C)
        return self.lm_head(self.decoder(target_in, memory=memory))

    @torch.no_grad()
    def generate(self, source: torch.Tensor, bos: int, length: int) -> torch.Tensor:
        """Greedy decoding: (B, S) source -> (B, length) target, one token at a time."""
        memory = self.encoder(source)
        out = torch.full((source.shape[0], 1), bos, dtype=torch.long, device=source.device)
        for _ in range(length):
            logits = self.lm_head(self.decoder(out, memory=memory))[:, -1]  # (B, V)
            out = torch.cat([out, logits.argmax(dim=-1, keepdim=True)], dim=1)
        return out[:, 1:]
