"""Our GPT <-> Hugging Face GPT-2: the same weights under GPT-2's names.

GPT-2 stores its linear layers as ``Conv1D`` with the weight laid out (in, out), the
transpose of ``nn.Linear``'s (out, in); everything else is copied as is. Our MLP uses the
exact (erf) GELU, which is ``activation_function="gelu"`` in GPT-2's config (GPT-2's own
default, ``gelu_new``, is the tanh approximation). ``lm_head`` is kept separate from the
token embedding, so the config says ``tie_word_embeddings: false``.

:func:`save_pretrained` writes ``model.safetensors`` + ``config.json`` that plain
``transformers.GPT2LMHeadModel.from_pretrained(DIR)`` loads; :func:`load_pretrained` reads
them back without importing ``transformers``. Only :func:`to_hf` and :func:`from_hf` import
it, inside the function.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
from safetensors.torch import load_file, save_file

from trtune.errors import UserError
from trtune.nanogpt.model import GPT, GPTConfig
from trtune.run.outdir import atomic_write_json

if TYPE_CHECKING:
    from transformers import GPT2LMHeadModel

# Our Linear layers that GPT-2 stores transposed (Conv1D).
_CONV1D_SUFFIXES = (
    "attn.c_attn.weight",
    "attn.c_proj.weight",
    "mlp.c_fc.weight",
    "mlp.c_proj.weight",
)


def hf_config_dict(config: GPTConfig) -> dict[str, Any]:
    """GPT-2 ``config.json`` contents describing the same network as ``config``."""
    return {
        "architectures": ["GPT2LMHeadModel"],
        "model_type": "gpt2",
        "vocab_size": config.vocab_size,
        "n_positions": config.block_size,
        "n_embd": config.n_embd,
        "n_layer": config.n_layer,
        "n_head": config.n_head,
        "n_inner": 4 * config.n_embd,
        "activation_function": "gelu",  # exact erf GELU, like nn.GELU()
        "layer_norm_epsilon": 1e-5,  # nn.LayerNorm's default
        "resid_pdrop": config.dropout,
        "embd_pdrop": config.dropout,
        "attn_pdrop": config.dropout,
        "scale_attn_weights": True,  # divide scores by sqrt(head size)
        "scale_attn_by_inverse_layer_idx": False,
        "reorder_and_upcast_attn": False,
        "tie_word_embeddings": False,  # our lm_head has its own weight
        "bos_token_id": None,
        "eos_token_id": None,
        "torch_dtype": "float32",
    }


def config_from_hf_dict(d: dict[str, Any]) -> GPTConfig:
    """The :class:`GPTConfig` for a GPT-2 config dict (checks what we cannot represent)."""
    n_embd = int(d["n_embd"])
    if d.get("n_inner") not in (None, 4 * n_embd):
        raise ValueError(f"n_inner must be 4*n_embd, got {d.get('n_inner')}")
    if d.get("activation_function", "gelu_new") != "gelu":
        raise ValueError("only activation_function='gelu' (exact GELU) matches this GPT")
    return GPTConfig(
        vocab_size=int(d["vocab_size"]),
        block_size=int(d["n_positions"]),
        n_layer=int(d["n_layer"]),
        n_head=int(d["n_head"]),
        n_embd=n_embd,
        dropout=float(d.get("resid_pdrop", 0.0)),
    )


def hf_state_dict(model: GPT) -> dict[str, torch.Tensor]:
    """Our weights under GPT-2's names (Conv1D weights transposed)."""
    out = {}
    for name, tensor in model.state_dict().items():
        if name.endswith("attn.mask"):
            continue  # a constant buffer, rebuilt from block_size
        tensor = tensor.detach()
        if name.endswith(_CONV1D_SUFFIXES):
            tensor = tensor.t()  # (out, in) -> (in, out)
        out[name] = tensor.contiguous().clone()
    return out


def load_hf_state_dict(model: GPT, tensors: dict[str, torch.Tensor]) -> None:
    """Copy GPT-2-named weights into ``model`` (inverse of :func:`hf_state_dict`)."""
    own = {k for k in model.state_dict() if not k.endswith("attn.mask")}
    missing = sorted(own - set(tensors))
    if missing:
        raise ValueError(f"weights missing from the checkpoint: {', '.join(missing[:5])}")
    state = {}
    for name in own:
        tensor = tensors[name]
        state[name] = tensor.t() if name.endswith(_CONV1D_SUFFIXES) else tensor
    model.load_state_dict(state, strict=False)


def to_hf(model: GPT) -> GPT2LMHeadModel:
    """A ``transformers.GPT2LMHeadModel`` with the same weights (and the same logits)."""
    from transformers import GPT2Config, GPT2LMHeadModel

    hf_config = GPT2Config(**hf_config_dict(model.config))
    hf_model = GPT2LMHeadModel(hf_config)
    missing, unexpected = hf_model.load_state_dict(hf_state_dict(model), strict=False)
    real_missing = [k for k in missing if not k.endswith(("attn.bias", "attn.masked_bias"))]
    if real_missing or unexpected:
        raise RuntimeError(f"conversion mismatch: missing {real_missing}, unexpected {unexpected}")
    return hf_model.eval()


def from_hf(hf_model: GPT2LMHeadModel) -> GPT:
    """Our :class:`GPT` from a ``transformers.GPT2LMHeadModel`` (exact-GELU configs only)."""
    config = config_from_hf_dict(hf_model.config.to_dict())
    model = GPT(config)
    tensors = dict(hf_model.state_dict())
    if "lm_head.weight" not in tensors:  # tied: the head is the token embedding
        tensors["lm_head.weight"] = tensors["transformer.wte.weight"]
    load_hf_state_dict(model, tensors)
    return model.eval()


def save_pretrained(model: GPT, out_dir: Path) -> None:
    """Write ``model.safetensors`` + ``config.json`` (GPT-2 format) into ``out_dir``, atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / "model.safetensors.tmp"
    save_file(hf_state_dict(model), str(tmp), metadata={"format": "pt"})
    os.replace(tmp, out_dir / "model.safetensors")
    atomic_write_json(out_dir / "config.json", hf_config_dict(model.config))


def load_pretrained(model_dir: str | Path) -> GPT:
    """Read a folder written by :func:`save_pretrained`; a missing folder is a UserError."""
    model_dir = Path(model_dir)
    weights, config_path = model_dir / "model.safetensors", model_dir / "config.json"
    if not model_dir.is_dir():
        raise UserError("model folder not found; train one with `trtune nanogpt train`", model_dir)
    if not weights.is_file() or not config_path.is_file():
        raise UserError("no model.safetensors + config.json in this folder", model_dir)
    config = config_from_hf_dict(json.loads(config_path.read_text(encoding="utf-8")))
    model = GPT(config)
    load_hf_state_dict(model, load_file(str(weights)))
    return model.eval()
