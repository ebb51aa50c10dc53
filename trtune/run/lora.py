"""LoRA for every task: one way to choose the adapted layers, one way to wrap a model.

LoRA (Hu et al. 2021, https://arxiv.org/abs/2106.09685) freezes the model and trains a
low-rank update ``B·A`` beside chosen weight matrices. Which matrices is a per-architecture
choice: :data:`DEFAULT_TARGETS` holds it by ``config.model_type``; a preset names its own
(a random model learns only when LoRA reaches enough of it); ``--lora-target-modules``
overrides both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from transformers import PreTrainedModel

from trtune.errors import UserError
from trtune.run.presets import PRESETS

_ATTENTION = ["q_proj", "k_proj", "v_proj", "o_proj"]
DEFAULT_TARGETS: dict[str, list[str]] = {
    # encoders
    "bert": ["query", "value"],
    "roberta": ["query", "value"],
    "xlm-roberta": ["query", "value"],
    "electra": ["query", "value"],
    "convbert": ["query", "value"],
    "camembert": ["query", "value"],
    "distilbert": ["q_lin", "v_lin"],
    "deberta-v2": ["query_proj", "value_proj"],
    # encoder-decoders
    "t5": ["q", "v"],
    "mt5": ["q", "v"],
    "bart": ["q_proj", "v_proj"],
    "mbart": ["q_proj", "v_proj"],
    # decoders
    "gpt2": ["c_attn"],
    "gpt_bigcode": ["c_attn"],
    "llama": _ATTENTION,
    "mistral": _ATTENTION,
    "qwen2": _ATTENTION,
    "qwen3": _ATTENTION,
    "gemma": _ATTENTION,
    "gemma2": _ATTENTION,
    "gpt_neox": ["query_key_value"],
    "bloom": ["query_key_value"],
    "falcon": ["query_key_value"],
    "opt": ["q_proj", "k_proj", "v_proj", "out_proj"],
}
# Task -> peft's TaskType name; ``None``: no task-specific wrapper (masked LM, encoders).
TASK_TYPES = {
    "classify": "SEQ_CLS",
    "ner": "TOKEN_CLS",
    "qa": "QUESTION_ANS",
    "lm": "CAUSAL_LM",
    "seq2seq": "SEQ_2_SEQ_LM",
    "mask": None,
}
_CONV1D_TYPES = ("gpt2", "gpt_bigcode")  # their Conv1D layers store weights transposed


class LoraFields(Protocol):
    """The LoRA settings every training command has (``TrainSettings``)."""

    model: str
    lora_r: int
    lora_alpha: int
    lora_dropout: float
    lora_target_modules: list[str] | None


def default_targets(model: PreTrainedModel, preset: str | None = None) -> list[str]:
    """LoRA targets when the user names none: the preset's, the architecture's, or every
    linear layer (``all-linear``) for architectures the table does not know."""
    if preset in PRESETS and PRESETS[preset].lora_targets:
        return list(PRESETS[preset].lora_targets)
    return list(DEFAULT_TARGETS.get(getattr(model.config, "model_type", ""), ["all-linear"]))


def check_targets(model: PreTrainedModel, targets: Sequence[str]) -> None:
    """Raise a one-line error naming targets that match no layer of ``model``."""
    names = {n.rsplit(".", 1)[-1] for n, _ in model.named_modules()}
    missing = [t for t in targets if t != "all-linear" and t not in names]
    if missing:
        layers = ", ".join(sorted(n for n in names if n)[:12])
        raise UserError(
            f"--lora-target-modules {','.join(missing)} not found in "
            f"{model.config.model_type}; layers include {layers}"
        )


def apply_lora(
    model: PreTrainedModel,
    settings: LoraFields,
    task: str,
    modules_to_save: Sequence[str] | None = None,
) -> PreTrainedModel:
    """Wrap ``model`` with fresh LoRA adapters; only they (and a new task head) train.

    Args:
        model: the model with its task head.
        settings: ``lora_r``, ``lora_alpha``, ``lora_dropout``, ``lora_target_modules``.
        task: the trtune task (``classify``, ``ner``, ``qa``, ``lm``, ``seq2seq``, ``mask``).
        modules_to_save: layers trained in full and saved with the adapter (a new head
            that peft's task type does not already cover, e.g. a masked LM's new
            transform layer).

    Raises:
        UserError: a target module name matches no layer of the model.
    """
    from peft import LoraConfig, TaskType, get_peft_model

    targets = list(settings.lora_target_modules or default_targets(model, settings.model))
    check_targets(model, targets)
    task_type = TASK_TYPES[task]
    config = LoraConfig(
        r=settings.lora_r,
        lora_alpha=settings.lora_alpha,
        lora_dropout=settings.lora_dropout,
        target_modules="all-linear" if targets == ["all-linear"] else targets,
        task_type=TaskType[task_type] if task_type else None,
        fan_in_fan_out=getattr(model.config, "model_type", "") in _CONV1D_TYPES,
        modules_to_save=list(modules_to_save) if modules_to_save else None,
    )
    return get_peft_model(model, config)
