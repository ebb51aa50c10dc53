"""Record every intermediate of one forward pass, for the visualisation page.

:func:`trace_forward` repeats :class:`~trtune.nanogpt.model.GPT`'s forward pass step by
step with the model's own weights, for one sequence, and keeps each tensor: embeddings,
LayerNorm statistics, q/k/v per head, raw/scaled/masked scores, softmax, head outputs,
projection, MLP, final LayerNorm, logits and probabilities. A test checks that its logits
equal the model's. :func:`trace_generation` records the greedy generation, token by token.
"""

from __future__ import annotations

import math
from typing import Any

import torch
from torch.nn import functional as F

from trtune.nanogpt.model import GPT


def _layer_norm(x: torch.Tensor, ln: torch.nn.LayerNorm) -> dict[str, torch.Tensor]:
    """LayerNorm written out: per-row mean and std, normalise, scale by γ, shift by β."""
    mean = x.mean(dim=-1, keepdim=True)  # (T, 1)
    var = x.var(dim=-1, unbiased=False, keepdim=True)  # (T, 1)
    std = torch.sqrt(var + ln.eps)  # (T, 1)
    out = (x - mean) / std * ln.weight + ln.bias  # (T, C)
    return {"mean": mean[:, 0], "std": std[:, 0], "gamma": ln.weight, "beta": ln.bias, "out": out}


@torch.no_grad()
def trace_forward(model: GPT, idx: list[int]) -> dict[str, Any]:
    """Every intermediate of the forward pass on one sequence.

    Args:
        model: the GPT (used in eval mode, no dropout).
        idx: token indices, length T <= block_size.

    Returns:
        A dict of tensors (and per-layer dicts under ``"layers"``); shapes are noted below.
    """
    model.eval()
    cfg = model.config
    T, C, nh = len(idx), cfg.n_embd, cfg.n_head
    hs = C // nh
    tokens = torch.tensor(idx, dtype=torch.long)
    tr = model.transformer
    rec: dict[str, Any] = {"idx": list(idx)}
    rec["tok_emb"] = tr.wte.weight[tokens]  # (T, C): one row of wte per token
    rec["pos_emb"] = tr.wpe.weight[:T]  # (T, C): one row of wpe per position
    x = rec["tok_emb"] + rec["pos_emb"]  # (T, C)
    rec["x0"] = x
    layers = []
    for block in tr.h:
        L: dict[str, Any] = {"x_in": x}
        L["ln1"] = _layer_norm(x, block.ln_1)
        qkv = L["ln1"]["out"] @ block.attn.c_attn.weight.T + block.attn.c_attn.bias  # (T, 3C)
        q, k, v = qkv.split(C, dim=1)  # (T, C) each
        L["q"] = q.view(T, nh, hs).transpose(0, 1)  # (nh, T, hs)
        L["k"] = k.view(T, nh, hs).transpose(0, 1)  # (nh, T, hs)
        L["v"] = v.view(T, nh, hs).transpose(0, 1)  # (nh, T, hs)
        L["scores"] = L["q"] @ L["k"].transpose(1, 2)  # (nh, T, T)
        L["scaled"] = L["scores"] / math.sqrt(hs)  # (nh, T, T)
        causal = torch.tril(torch.ones(T, T, dtype=torch.bool))
        L["masked"] = L["scaled"].masked_fill(~causal, float("-inf"))  # (nh, T, T)
        L["att"] = F.softmax(L["masked"], dim=-1)  # (nh, T, T), rows sum to 1
        L["head_out"] = L["att"] @ L["v"]  # (nh, T, hs)
        L["concat"] = L["head_out"].transpose(0, 1).reshape(T, C)  # (T, C)
        L["proj"] = L["concat"] @ block.attn.c_proj.weight.T + block.attn.c_proj.bias  # (T, C)
        x = x + L["proj"]
        L["x_mid"] = x  # (T, C): residual after attention
        L["ln2"] = _layer_norm(x, block.ln_2)
        L["fc"] = L["ln2"]["out"] @ block.mlp.c_fc.weight.T + block.mlp.c_fc.bias  # (T, 4C)
        L["gelu"] = F.gelu(L["fc"])  # (T, 4C), exact erf GELU
        L["mlp_out"] = L["gelu"] @ block.mlp.c_proj.weight.T + block.mlp.c_proj.bias  # (T, C)
        x = x + L["mlp_out"]
        L["x_out"] = x  # (T, C): residual after the MLP
        layers.append(L)
    rec["layers"] = layers
    rec["ln_f"] = _layer_norm(x, tr.ln_f)
    rec["logits"] = rec["ln_f"]["out"] @ model.lm_head.weight.T  # (T, V)
    rec["probs"] = F.softmax(rec["logits"], dim=-1)  # (T, V)
    return rec


@torch.no_grad()
def trace_generation(model: GPT, idx: list[int], steps: int) -> list[dict[str, Any]]:
    """Greedy generation, one record per new token: the context and next-token probabilities."""
    model.eval()
    context, out = list(idx), []
    for _ in range(steps):
        logits, _ = model(torch.tensor([context[-model.config.block_size :]]))
        last = logits[0, -1]  # (V,)
        probs = F.softmax(last, dim=-1)
        chosen = int(last.argmax())
        out.append({"context": list(context), "logits": last, "probs": probs, "chosen": chosen})
        context.append(chosen)
    return out


def to_jsonable(value: Any, digits: int = 5) -> Any:
    """Tensors -> nested lists of rounded floats (``-inf`` -> None) for the page's JSON."""
    if isinstance(value, torch.Tensor):
        value = value.tolist()
    if isinstance(value, dict):
        return {k: to_jsonable(v, digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v, digits) for v in value]
    if isinstance(value, float):
        return round(value, digits) if math.isfinite(value) else None
    return value
