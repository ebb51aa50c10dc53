"""The first token's last hidden state without computing the last layer for the others.

``cls`` pooling keeps one vector per text: the first token's output of the last layer. The
last layer's other outputs are thrown away, yet a plain forward pass computes them all.
Every token still needs its keys and values in the last layer (the first token attends to
them), but its queries, attention output, feed-forward block and layer norms are needed
for the first token only. For a BERT-layout encoder that is 2 of the layer's 12
``hidden x hidden`` matrix products per token instead of 12: on MiniLM-L6 (6 layers) about
14% of the forward pass.

Only encoders whose last layer is known to be exactly BERT's (``attention.self.query/key/
value``, ``attention.output``, ``intermediate``, ``output``; no decoder, no cross-attention)
take this path: everything else runs the whole model (:func:`cls_hidden` returns
``None``). Everything but the attention call is the model's own modules, run on fewer
positions. The model's layer list is shortened for the duration of a call (under a lock, so
that calls from several threads take turns): other code must not run the same model object
at that moment.
"""

from __future__ import annotations

import threading

import torch
import torch.nn.functional as F
from torch import nn

# model types whose encoder layers are BERT's in transformers 5 (modules and arithmetic)
BERT_LAYOUT = frozenset({"bert", "roberta", "xlm-roberta", "camembert", "electra"})
# the layer list is shortened for the length of one call: calls from several threads (a
# server's workers) take turns
_SHORTENED = threading.Lock()


def last_layer_splits(model: nn.Module) -> bool:
    """Whether :func:`cls_hidden` can compute ``model``'s first-token output alone."""
    config = getattr(model, "config", None)
    encoder = getattr(model, "encoder", None)
    layers = getattr(encoder, "layer", None)
    return (
        config is not None
        and getattr(config, "model_type", None) in BERT_LAYOUT
        and not getattr(config, "is_decoder", False)
        and not getattr(config, "add_cross_attention", False)
        and isinstance(layers, nn.ModuleList)
        and len(layers) >= 2
        and hasattr(model, "embeddings")  # a base encoder (AutoModel), not a task head
        and all(hasattr(layers[-1], name) for name in ("attention", "intermediate", "output"))
    )


def cls_hidden(model: nn.Module, batch: dict[str, torch.Tensor]) -> torch.Tensor | None:
    """``(B, H)``: the first token's last hidden state, as ``model(**batch)`` gives it, or
    ``None`` where the model's layout is not known (:func:`last_layer_splits`)."""
    if not last_layer_splits(model):
        return None
    layers = model.encoder.layer
    last = layers[-1]
    with _SHORTENED:  # every layer but the last, through the model's own forward pass
        try:
            model.encoder.layer = layers[:-1]
            hidden = model(**batch).last_hidden_state  # (B, T, H)
        finally:
            model.encoder.layer = layers
    attention = last.attention.self
    B, T, H = hidden.shape
    heads, size = attention.num_attention_heads, attention.attention_head_size
    first = hidden[:, :1]  # (B, 1, H)
    query = attention.query(first).view(B, 1, heads, size).transpose(1, 2)  # (B, nh, 1, hs)
    key = attention.key(hidden).view(B, T, heads, size).transpose(1, 2)  # (B, nh, T, hs)
    value = attention.value(hidden).view(B, T, heads, size).transpose(1, 2)  # (B, nh, T, hs)
    mask = batch.get("attention_mask")
    keep = None if mask is None else mask[:, None, None, :].bool()  # (B, 1, 1, T)
    mixed = F.scaled_dot_product_attention(
        query, key, value, attn_mask=keep, scale=attention.scaling
    )
    mixed = mixed.transpose(1, 2).reshape(B, 1, heads * size)  # (B, 1, H)
    attended = last.attention.output(mixed, first)  # dense, dropout, LayerNorm(x + first)
    return last.output(last.intermediate(attended), attended)[:, 0]  # (B, H)
