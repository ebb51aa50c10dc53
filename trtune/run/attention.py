"""Dropout on the attention weights during training: ``--attention-dropout``.

PyTorch's fused attention kernel on a CPU (``_scaled_dot_product_flash_attention_for_cpu``)
takes no dropout. With the 0.1 of BERT-style configs, each layer falls back to the plain
path: it builds the (batch, heads, T, T) weights, draws a random mask over all of them and
multiplies twice. For MiniLM on 384-token TQuAD windows that path spent 14% of a training
step drawing masks alone, and a forward and backward pass of 4 windows took 13.6 s without
attention dropout against 19.5 s with it (fastest of 4 alternating rounds on a loaded 2-core
Zen 4, 2026-12-02). So ``auto`` trains a pretrained model without it on a CPU and keeps the
model's own value on a GPU, whose fused kernels take dropout, and for the tiny presets. The
hidden-state dropout stays as it is. The quality effect (QA F1, classification accuracy) is
measured in docs/qa.md.
"""

from __future__ import annotations

import torch


def attention_dropout_for(value: str, device: torch.device, preset: bool = False) -> float | None:
    """The attention dropout a run trains with: a number as given; for ``auto``, 0 for a
    pretrained model on a CPU and ``None`` (the model's own) elsewhere: on a GPU, and for
    the tiny presets, whose short windows gain little and whose figures stay as they were."""
    if value != "auto":
        return float(value)
    return 0.0 if device.type == "cpu" and not preset else None


def _attention_dropouts(model: torch.nn.Module) -> list[torch.nn.Dropout]:
    """The dropout on the attention weights of every attention layer of ``model``: a module
    whose class name ends in ``Attention`` with a ``torch.nn.Dropout`` child ``dropout`` or
    ``attn_dropout`` (BERT, DistilBERT, GPT-2, RoBERTa, ELECTRA; a LoRA-wrapped model too);
    their output dropout lives in other modules."""
    found = []
    for module in model.modules():
        if not type(module).__name__.endswith("Attention"):
            continue
        for name in ("dropout", "attn_dropout"):
            child = getattr(module, name, None)
            if isinstance(child, torch.nn.Dropout):
                found.append(child)
    return found


def set_attention_dropout(model: torch.nn.Module, p: float) -> int:
    """Set the dropout on the attention weights of every attention layer of ``model`` to
    ``p``, the output dropout left alone; returns how many layers changed."""
    layers = _attention_dropouts(model)
    for layer in layers:
        layer.p = p
    return len(layers)


def apply_attention_dropout(model: torch.nn.Module, settings, device: torch.device) -> None:
    """Train ``model`` with ``settings.attention_dropout`` (:func:`attention_dropout_for`)
    and write the value it trains with back into the settings, in place of ``auto``, so that
    ``trtune.json`` records what was used (``0`` on a CPU, the model's own ``0.1``, ...)."""
    p = attention_dropout_for(settings.attention_dropout, device, settings.is_preset)
    if p is not None:
        set_attention_dropout(model, p)
    used = {layer.p for layer in _attention_dropouts(model)}
    if len(used) == 1:  # a model without such layers (or with mixed values) keeps the setting
        settings.attention_dropout = f"{used.pop():g}"
