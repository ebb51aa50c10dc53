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


def set_attention_dropout(model: torch.nn.Module, p: float) -> int:
    """Set the dropout on the attention weights of every attention layer of ``model`` to
    ``p`` (a LoRA-wrapped model too); returns how many layers changed.

    An attention layer is a module whose class name ends in ``Attention`` with a
    ``torch.nn.Dropout`` child ``dropout`` or ``attn_dropout`` (BERT, DistilBERT, GPT-2,
    RoBERTa, ELECTRA); their output dropout lives in other modules and is left alone.
    """
    changed = 0
    for module in model.modules():
        if not type(module).__name__.endswith("Attention"):
            continue
        for name in ("dropout", "attn_dropout"):
            child = getattr(module, name, None)
            if isinstance(child, torch.nn.Dropout):
                child.p = p
                changed += 1
    return changed
