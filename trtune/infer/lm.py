"""Load a causal LM for generation: a ``trtune lm train`` folder (full or LoRA adapter), any
causal-LM folder, or a Hub name; with the prompt template its run recorded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from trtune.errors import UserError
from trtune.infer.kinds import inspect_folder, load_model_folder
from trtune.run.devices import resolve_device, resolve_dtype
from trtune.run.models import load_model, load_tokenizer, resolve_model


@dataclass
class LoadedLM:
    """A model ready to generate, with what its folder says about it.

    Attributes:
        model: the causal LM (a ``PeftModel`` for an adapter folder), in eval mode.
        tokenizer: its tokenizer (with a pad token).
        template: the training template of an instruction-tuned model (``turkish`` or
            ``chat``); ``None``: the model continues raw text.
        record: the folder's ``trtune.json`` (``{}`` otherwise).
    """

    model: PreTrainedModel
    tokenizer: PreTrainedTokenizerBase
    template: str | None
    record: dict[str, Any]

    @property
    def position_limit(self) -> int:
        """The longest sequence the model takes (prompt and new tokens together)."""
        config = self.model.config
        return int(
            getattr(config, "n_positions", None)
            or getattr(config, "max_position_embeddings", None)
            or 4096
        )


def ensure_pad_token(tokenizer: PreTrainedTokenizerBase) -> PreTrainedTokenizerBase:
    """Causal-LM tokenizers often have no pad token; batches and ``generate`` need one."""
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def load_lm(
    model: str | Path,
    device: torch.device | str = "cpu",
    dtype: torch.dtype | str = torch.float32,
    trust_remote_code: bool = False,
) -> LoadedLM:
    """Load a causal LM folder (full or adapter) or Hub name onto ``device`` in ``dtype`` (a
    ``--dtype`` name is resolved for one sequence at a time:
    :func:`~trtune.run.devices.resolve_dtype`).

    Raises:
        UserError: nothing loadable there, or a folder of another task.
    """
    device = resolve_device(device) if isinstance(device, str) else device
    dtype = resolve_dtype(dtype, device, batched=False) if isinstance(dtype, str) else dtype
    path = Path(model)
    if path.is_dir():
        info = inspect_folder(path)
        if info.task not in (None, "lm"):
            raise UserError(f"this folder holds a {info.task} model, not a causal LM", file=path)
        info = info if info.task else type(info)(info.path, info.kind, "lm", info.record)
        network, tokenizer = load_model_folder(
            info, device=device, dtype=dtype, trust_remote_code=trust_remote_code
        )
        model_info = info.model_info
        template = model_info.get("template") if model_info.get("instruction_tuned") else None
        return LoadedLM(network, ensure_pad_token(tokenizer), template, info.record)
    source = resolve_model(str(model))
    tokenizer = ensure_pad_token(load_tokenizer(source, trust_remote_code=trust_remote_code))
    network = load_model(source, "causal-lm", tokenizer, trust_remote_code=trust_remote_code)
    return LoadedLM(network.to(device=device, dtype=dtype).eval(), tokenizer, None, {})
