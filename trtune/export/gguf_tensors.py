"""A causal LM's weights and shape as llama.cpp reads them from a GGUF file.

Names come from the ``gguf`` package's own map (:func:`gguf.get_tensor_name_map`), so they
are the names llama.cpp looks up. Two layouts differ from Hugging Face's:

- GPT-2 keeps its linear layers as ``Conv1D`` with weights ``(in, out)``; GGUF wants
  ``(out, in)`` like every other linear layer, so they are transposed.
- Llama and Mistral rotate query and key with the two halves of each head apart
  (``rotate_half``); llama.cpp rotates neighbouring pairs. The rows of ``q``/``k`` are
  reordered per head so that the same pairs meet (the reverse of what
  ``transformers`` undoes when it loads a GGUF). Qwen2 uses llama.cpp's half-apart
  (NEOX) rotation and needs no reordering.

Vectors (norms, biases) stay float32, as llama.cpp's own converter keeps them; matrices
become float16, or Q8_0 (blocks of 32 weights with one scale) where the row length allows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import torch

# Hugging Face model_type -> the GGUF architecture that llama.cpp runs it as.
GGUF_ARCHITECTURES = {"llama": "llama", "mistral": "llama", "qwen2": "qwen2", "gpt2": "gpt2"}
SUPPORTED_NAMES = "Llama, Qwen2, Mistral, GPT-2"
_GPT2_CONV1D = ("attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj")
_PERMUTED = ("llama", "mistral")


@dataclass(frozen=True)
class GgufTensor:
    """One tensor ready for the writer: its GGUF name and float32 values."""

    name: str
    values: np.ndarray


def _rope_theta(config) -> float:
    theta = getattr(config, "rope_theta", None)
    if theta is None:
        theta = (getattr(config, "rope_parameters", None) or {}).get("rope_theta", 10000.0)
    return float(theta)


def rope_scaling_type(config) -> str | None:
    """The rope scaling a Llama-family config asks for (``None`` or ``default``: none)."""
    scaling = getattr(config, "rope_scaling", None) or getattr(config, "rope_parameters", None)
    if not isinstance(scaling, dict):
        return None
    kind = scaling.get("rope_type") or scaling.get("type")
    return None if kind in (None, "default") else str(kind)


def write_hyperparameters(writer, config) -> None:
    """The model's shape under the architecture's keys (``llama.block_count`` ...)."""
    if config.model_type == "gpt2":
        writer.add_context_length(config.n_positions)
        writer.add_embedding_length(config.n_embd)
        writer.add_feed_forward_length(config.n_inner or 4 * config.n_embd)
        writer.add_block_count(config.n_layer)
        writer.add_head_count(config.n_head)
        writer.add_layer_norm_eps(config.layer_norm_epsilon)
        return
    heads = config.num_attention_heads
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // heads
    writer.add_context_length(config.max_position_embeddings)
    writer.add_embedding_length(config.hidden_size)
    writer.add_feed_forward_length(config.intermediate_size)
    writer.add_block_count(config.num_hidden_layers)
    writer.add_head_count(heads)
    writer.add_head_count_kv(getattr(config, "num_key_value_heads", None) or heads)
    writer.add_rope_dimension_count(head_dim)
    writer.add_rope_freq_base(_rope_theta(config))
    writer.add_layer_norm_rms_eps(config.rms_norm_eps)
    writer.add_vocab_size(config.vocab_size)


def _permute_rotary(weight: torch.Tensor, heads: int) -> torch.Tensor:
    """Reorder each head's rows from halves-apart to neighbouring pairs (q or k, weight or
    bias): ``(heads * 2 * half, ...)`` -> rows ``[h, 0, i], [h, 1, i]`` interleaved."""
    shape = weight.shape
    return (
        weight.reshape(heads, 2, shape[0] // heads // 2, *shape[1:]).swapaxes(1, 2).reshape(shape)
    )


def _prepared(name: str, weight: torch.Tensor, config) -> torch.Tensor:
    """``weight`` in llama.cpp's layout (see the module docstring)."""
    kind = config.model_type
    if kind == "gpt2" and name.endswith(".weight") and any(p in name for p in _GPT2_CONV1D):
        return weight.T
    if kind in _PERMUTED and ("self_attn.q_proj." in name or "self_attn.k_proj." in name):
        heads = config.num_attention_heads
        if "k_proj" in name:
            heads = getattr(config, "num_key_value_heads", None) or heads
        return _permute_rotary(weight, heads)
    return weight


def gguf_tensors(model) -> Iterator[GgufTensor]:
    """Every tensor of ``model`` (a Hugging Face causal LM) under its GGUF name, in
    llama.cpp's layout, as float32.

    Raises:
        ValueError: a tensor the name map does not know (an unsupported variant).
    """
    import gguf

    config = model.config
    arch = getattr(gguf.MODEL_ARCH, GGUF_ARCHITECTURES[config.model_type].upper())
    layers = config.n_layer if config.model_type == "gpt2" else config.num_hidden_layers
    names = gguf.get_tensor_name_map(arch, layers)
    state = model.state_dict()
    tied = bool(getattr(config, "tie_word_embeddings", False))
    for name, weight in state.items():
        if name.endswith(".attn.bias") or name.endswith(".attn.masked_bias"):
            continue  # GPT-2's causal-mask buffers of old checkpoints, not weights
        if name == "lm_head.weight" and tied and config.model_type != "gpt2":
            continue  # llama.cpp uses token_embd when there is no output tensor
        target = names.get_name(name, try_suffixes=(".weight", ".bias"))
        if target is None:
            raise ValueError(f"no GGUF name for tensor {name}")
        values = _prepared(name, weight.detach().float(), config)
        yield GgufTensor(target, values.contiguous().numpy())
    if config.model_type == "gpt2" and "lm_head.weight" not in state:
        # llama.cpp's GPT-2 reads its output projection from its own tensor.
        embedding = state["transformer.wte.weight"].detach().float().numpy()
        yield GgufTensor("output.weight", embedding)


def stored(tensor: GgufTensor, file_type: str) -> tuple[np.ndarray, object]:
    """``(data, ggml type)`` of one tensor for ``file_type`` (``f16`` or ``q8_0``)."""
    import gguf

    q8 = gguf.GGMLQuantizationType.Q8_0
    values = tensor.values
    if values.ndim == 1:
        return values.astype(np.float32), gguf.GGMLQuantizationType.F32
    if file_type == "q8_0" and values.shape[-1] % gguf.GGML_QUANT_SIZES[q8][0] == 0:
        return gguf.quants.quantize(values, q8), q8
    return values.astype(np.float16), gguf.GGMLQuantizationType.F16
