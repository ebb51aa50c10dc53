"""Causal LMs for `trtune lm`: tiny presets built offline, folders, Hub names, LoRA.

``tiny-gpt`` (GPT-2 shape) and ``tiny-llama`` (Llama shape) are built from a config with a
byte-level BPE tokenizer trained on the training texts, so tests and demos need no
download. Anything else is a folder or a Hub name read from the local cache only when
there is no Hub access, failing with one line that says how to pass a folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    GPT2Config,
    GPT2LMHeadModel,
    LlamaConfig,
    LlamaForCausalLM,
    PreTrainedModel,
    PreTrainedTokenizerBase,
    PreTrainedTokenizerFast,
)

from trtune.errors import UserError
from trtune.models import hub_reachable

EOS_TOKEN = "<|endoftext|>"
PAD_TOKEN = "<|pad|>"


@dataclass(frozen=True)
class TinyLMPreset:
    """Size of a small causal LM built from scratch."""

    family: str = "gpt2"
    layers: int = 2
    hidden: int = 128
    heads: int = 4
    vocab_size: int = 2000
    max_positions: int = 512


TINY_LM_PRESETS: dict[str, TinyLMPreset] = {
    "tiny-gpt": TinyLMPreset(),
    "tiny-gpt-4l": TinyLMPreset(layers=4, hidden=256, heads=4, vocab_size=4000),
    "tiny-llama": TinyLMPreset(family="llama", layers=2, hidden=128, heads=4),
}

# LoRA targets when the user names none, by config.model_type.
DEFAULT_TARGETS: dict[str, list[str]] = {
    "gpt2": ["c_attn"],
    "llama": ["q_proj", "k_proj", "v_proj", "o_proj"],
    "mistral": ["q_proj", "k_proj", "v_proj", "o_proj"],
    "qwen2": ["q_proj", "k_proj", "v_proj", "o_proj"],
    "gemma": ["q_proj", "k_proj", "v_proj", "o_proj"],
    "gpt_neox": ["query_key_value"],
    "bloom": ["query_key_value"],
    "falcon": ["query_key_value"],
    "opt": ["q_proj", "k_proj", "v_proj", "out_proj"],
    "gpt_bigcode": ["c_attn"],
}


def train_bpe_tokenizer(
    texts: Iterable[str], vocab_size: int, max_length: int
) -> PreTrainedTokenizerFast:
    """A byte-level BPE tokenizer trained on ``texts``, with EOS and PAD tokens."""
    from tokenizers import ByteLevelBPETokenizer

    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        texts,
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=[EOS_TOKEN, PAD_TOKEN],
        show_progress=False,  # its bars print blank lines when stdout is not a terminal
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=bpe._tokenizer,
        eos_token=EOS_TOKEN,
        bos_token=EOS_TOKEN,
        pad_token=PAD_TOKEN,
        # We cut sequences ourselves; a small limit here only adds warnings.
        model_max_length=max(max_length, 10**6),
    )


def build_tiny_model(
    preset: TinyLMPreset, tokenizer: PreTrainedTokenizerBase, seed: int
) -> PreTrainedModel:
    """A randomly initialised model of ``preset``'s size for ``tokenizer``'s vocabulary."""
    torch.manual_seed(seed)
    vocab = len(tokenizer)
    if preset.family == "llama":
        config = LlamaConfig(
            vocab_size=vocab,
            hidden_size=preset.hidden,
            intermediate_size=preset.hidden * 3,
            num_hidden_layers=preset.layers,
            num_attention_heads=preset.heads,
            num_key_value_heads=preset.heads,
            max_position_embeddings=preset.max_positions,
            bos_token_id=tokenizer.bos_token_id,
            eos_token_id=tokenizer.eos_token_id,
            pad_token_id=tokenizer.pad_token_id,
            tie_word_embeddings=True,
        )
        return LlamaForCausalLM(config)
    config = GPT2Config(
        vocab_size=vocab,
        n_positions=preset.max_positions,
        n_embd=preset.hidden,
        n_layer=preset.layers,
        n_head=preset.heads,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    return GPT2LMHeadModel(config)


def _offline_message(name: str) -> str:
    return (
        f"model '{name}' is not a folder, not a preset ({', '.join(TINY_LM_PRESETS)}) and "
        "could not be loaded from the Hub or the local cache; download it where you have "
        "access and pass its folder: --model path/to/folder"
    )


def _load_pair(
    name: str, kwargs: dict[str, object], model_kwargs: dict[str, object]
) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    tokenizer = AutoTokenizer.from_pretrained(name, **kwargs)
    model = AutoModelForCausalLM.from_pretrained(name, **kwargs, **model_kwargs)
    return model, tokenizer


def load_pretrained(
    name: str,
    trust_remote_code: bool = False,
    quantization_config: object | None = None,
    dtype: torch.dtype | str | None = None,
) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """Load a causal LM and its tokenizer from a folder or a Hub name.

    Raises:
        UserError: a folder without a model, or a Hub name that cannot be reached.
    """
    path = Path(name)
    is_folder = path.is_dir()
    if not is_folder and (name.startswith((".", "/", "~")) or name.count("/") > 1):
        raise UserError("model folder not found", file=name)
    if is_folder and not (path / "config.json").is_file():
        raise UserError("model folder has no config.json", file=name)
    kwargs: dict[str, object] = {"trust_remote_code": trust_remote_code}
    model_kwargs: dict[str, object] = {}
    if quantization_config is not None:
        model_kwargs["quantization_config"] = quantization_config
    if dtype is not None:
        model_kwargs["dtype"] = dtype
    try:
        if is_folder:
            model, tokenizer = _load_pair(name, kwargs, model_kwargs)
        else:
            # The local cache first; the Hub only when it answers.
            try:
                model, tokenizer = _load_pair(
                    name, {**kwargs, "local_files_only": True}, model_kwargs
                )
            except OSError:
                if not hub_reachable():
                    raise
                model, tokenizer = _load_pair(name, kwargs, model_kwargs)
    except (OSError, ValueError) as exc:
        if is_folder:
            raise UserError(f"cannot load model folder: {exc}", file=name) from exc
        raise UserError(_offline_message(name)) from exc
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


def default_target_modules(model: PreTrainedModel) -> list[str]:
    """LoRA targets for the model's architecture; every Linear-like layer as a fallback."""
    model_type = getattr(model.config, "model_type", "")
    if model_type in DEFAULT_TARGETS:
        return DEFAULT_TARGETS[model_type]
    return ["all-linear"]


def apply_lora(
    model: PreTrainedModel, r: int, alpha: int, dropout: float, targets: list[str] | None
) -> PreTrainedModel:
    """Wrap ``model`` with fresh LoRA adapters (only they are trained).

    Raises:
        UserError: a target module name matches no layer of the model.
    """
    from peft import LoraConfig, get_peft_model

    targets = targets or default_target_modules(model)
    names = {n.rsplit(".", 1)[-1] for n, _ in model.named_modules()}
    missing = [t for t in targets if t != "all-linear" and t not in names]
    if missing:
        raise UserError(
            f"--target-modules {','.join(missing)} not found in {model.config.model_type}; "
            f"layers include {', '.join(sorted(n for n in names if n)[:12])}"
        )
    config = LoraConfig(
        r=r,
        lora_alpha=alpha,
        lora_dropout=dropout,
        target_modules=targets if targets != ["all-linear"] else "all-linear",
        task_type="CAUSAL_LM",
        # GPT-2's Conv1D stores weights transposed.
        fan_in_fan_out=model.config.model_type in ("gpt2", "gpt_bigcode"),
    )
    return get_peft_model(model, config)


def qlora_config() -> object:
    """The 4-bit NF4 quantisation of QLoRA.

    Raises:
        UserError: no CUDA GPU or no bitsandbytes.
    """
    import importlib.util

    if not torch.cuda.is_available():
        raise UserError("--method qlora needs a CUDA GPU; use --method lora on this machine")
    if importlib.util.find_spec("bitsandbytes") is None:
        raise UserError("--method qlora needs bitsandbytes: pip install bitsandbytes")
    from transformers import BitsAndBytesConfig

    return BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_use_double_quant=True,
        bnb_4bit_compute_dtype=torch.bfloat16,
    )
