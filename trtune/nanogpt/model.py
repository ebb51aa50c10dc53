"""A GPT in one file, written to be read top to bottom (after karpathy/nanoGPT's model.py).

Token + position embedding, ``n_layer`` pre-norm blocks (causal multi-head attention,
then an MLP of width 4·C with GELU), a final LayerNorm and an ``lm_head`` without bias.
Attention is written out by hand (no fused kernel) so that every intermediate can be
looked at; :mod:`trtune.nanogpt.trace` records them. Shape letters: B batch, T time
(sequence position), C channels (``n_embd``), nh heads, hs head size (C // nh), V vocab.

The weights map one to one onto Hugging Face's GPT-2 (``GPT2LMHeadModel``); see
:mod:`trtune.nanogpt.hf` for the conversion and :mod:`trtune.nanogpt.checkpoint` for
saving in that format.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
from torch import nn
from torch.nn import functional as F


@dataclass
class GPTConfig:
    """The size of a GPT.

    Attributes:
        vocab_size: number of tokens (V).
        block_size: the longest sequence the model can see (number of positions).
        n_layer: number of transformer blocks.
        n_head: attention heads per block; must divide ``n_embd``.
        n_embd: channels (C), the width of the residual stream.
        dropout: dropout probability during training (0 for the small presets).
    """

    vocab_size: int = 3
    block_size: int = 11
    n_layer: int = 3
    n_head: int = 3
    n_embd: int = 48
    dropout: float = 0.0

    def __post_init__(self) -> None:
        for name in ("vocab_size", "block_size", "n_layer", "n_head", "n_embd"):
            if int(getattr(self, name)) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.n_embd % self.n_head != 0:
            raise ValueError(f"n_embd ({self.n_embd}) must be divisible by n_head ({self.n_head})")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {self.dropout}")

    def to_dict(self) -> dict:
        """The settings as a plain dict (for JSON)."""
        return asdict(self)


# Named sizes, as in minGPT. vocab_size and block_size are set by the task.
PRESETS: dict[str, dict[str, int]] = {
    "gpt-nano": {"n_layer": 3, "n_head": 3, "n_embd": 48},
    "gpt-micro": {"n_layer": 4, "n_head": 4, "n_embd": 128},
    "gpt-char-mini": {"n_layer": 4, "n_head": 4, "n_embd": 128},
    "gpt-mini": {"n_layer": 6, "n_head": 6, "n_embd": 192},
}


def preset(name: str, vocab_size: int = 3, block_size: int = 11, dropout: float = 0.0) -> GPTConfig:
    """A :class:`GPTConfig` from a named size.

    Args:
        name: one of :data:`PRESETS` (``"gpt-nano"`` is minGPT's sort-task model).
        vocab_size: number of tokens.
        block_size: longest sequence.
        dropout: dropout probability.

    Raises:
        KeyError: for an unknown name.
    """
    if name not in PRESETS:
        raise KeyError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    return GPTConfig(vocab_size=vocab_size, block_size=block_size, dropout=dropout, **PRESETS[name])


class CausalSelfAttention(nn.Module):
    """Multi-head attention where position t only sees positions <= t."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.n_head = config.n_head
        self.n_embd = config.n_embd
        # q, k and v for all heads in one matrix, like GPT-2's c_attn.
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd)
        self.c_proj = nn.Linear(config.n_embd, config.n_embd)
        self.attn_dropout = nn.Dropout(config.dropout)
        self.resid_dropout = nn.Dropout(config.dropout)
        mask = torch.tril(torch.ones(config.block_size, config.block_size, dtype=torch.bool))
        self.register_buffer("mask", mask.view(1, 1, config.block_size, config.block_size), False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        B, T, C = x.size()
        hs = C // self.n_head
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)  # each (B, T, C)
        q = q.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        k = k.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        v = v.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        # Scores: how much each query position looks at each key position.
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(hs))  # (B, nh, T, T)
        att = att.masked_fill(~self.mask[:, :, :T, :T], float("-inf"))
        att = F.softmax(att, dim=-1)  # each row sums to 1
        att = self.attn_dropout(att)
        y = att @ v  # (B, nh, T, hs)
        y = y.transpose(1, 2).contiguous().view(B, T, C)  # heads side by side: (B, T, C)
        return self.resid_dropout(self.c_proj(y))  # (B, T, C)


class MLP(nn.Module):
    """Widen to 4·C, GELU (exact, erf form), back to C."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.c_fc = nn.Linear(config.n_embd, 4 * config.n_embd)
        self.gelu = nn.GELU()
        self.c_proj = nn.Linear(4 * config.n_embd, config.n_embd)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.dropout(self.c_proj(self.gelu(self.c_fc(x))))  # (B, T, C)


class Block(nn.Module):
    """Pre-norm transformer block: x + attn(ln(x)), then x + mlp(ln(x))."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.ln_1 = nn.LayerNorm(config.n_embd)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = nn.LayerNorm(config.n_embd)
        self.mlp = MLP(config)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.ln_1(x))  # (B, T, C)
        x = x + self.mlp(self.ln_2(x))  # (B, T, C)
        return x


class GPT(nn.Module):
    """The language model: token indices in, next-token logits out."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.config = config
        self.transformer = nn.ModuleDict(
            {
                "wte": nn.Embedding(config.vocab_size, config.n_embd),
                "wpe": nn.Embedding(config.block_size, config.n_embd),
                "drop": nn.Dropout(config.dropout),
                "h": nn.ModuleList([Block(config) for _ in range(config.n_layer)]),
                "ln_f": nn.LayerNorm(config.n_embd),
            }
        )
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
        self.apply(self._init_weights)
        # GPT-2's scaled init of the projections that write into the residual stream.
        for name, param in self.named_parameters():
            if name.endswith("c_proj.weight"):
                nn.init.normal_(param, mean=0.0, std=0.02 / math.sqrt(2 * config.n_layer))

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def num_params(self, include_lm_head: bool = True) -> int:
        """Number of parameters; minGPT's count leaves out ``lm_head``."""
        total = sum(p.numel() for p in self.parameters())
        return total if include_lm_head else total - self.lm_head.weight.numel()

    def forward(
        self, idx: torch.Tensor, targets: torch.Tensor | None = None
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Logits for every position, and the loss when targets are given.

        Args:
            idx: token indices, shape (B, T) with T <= block_size.
            targets: next-token indices (B, T); -1 marks positions to ignore.

        Returns:
            ``(logits, loss)``: logits (B, T, V); loss is None without targets.
        """
        B, T = idx.size()
        if T > self.config.block_size:
            raise ValueError(f"sequence of length {T} > block_size {self.config.block_size}")
        pos = torch.arange(T, device=idx.device)  # (T,)
        tok_emb = self.transformer.wte(idx)  # (B, T, C)
        pos_emb = self.transformer.wpe(pos)  # (T, C)
        x = self.transformer.drop(tok_emb + pos_emb)  # (B, T, C)
        for block in self.transformer.h:
            x = block(x)  # (B, T, C)
        x = self.transformer.ln_f(x)  # (B, T, C)
        logits = self.lm_head(x)  # (B, T, V)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(
                logits.view(-1, logits.size(-1)), targets.view(-1), ignore_index=-1
            )
        return logits, loss

    @torch.no_grad()
    def generate(
        self,
        idx: torch.Tensor,
        max_new_tokens: int,
        temperature: float = 1.0,
        do_sample: bool = False,
        generator: torch.Generator | None = None,
    ) -> torch.Tensor:
        """Append ``max_new_tokens`` tokens, one at a time (greedy unless ``do_sample``).

        Args:
            idx: the prompt, (B, T).
            max_new_tokens: how many tokens to add.
            temperature: divides the logits before sampling.
            do_sample: sample from the softmax instead of taking the arg-max.
            generator: random generator for sampling.

        Returns:
            (B, T + max_new_tokens) indices.
        """
        for _ in range(max_new_tokens):
            idx_cond = idx[:, -self.config.block_size :]  # crop to the context window
            logits, _ = self(idx_cond)
            logits = logits[:, -1, :] / max(temperature, 1e-6)  # (B, V)
            if do_sample:
                probs = F.softmax(logits, dim=-1)
                idx_next = torch.multinomial(probs, num_samples=1, generator=generator)
            else:
                idx_next = logits.argmax(dim=-1, keepdim=True)  # (B, 1)
            idx = torch.cat((idx, idx_next), dim=1)
        return idx
