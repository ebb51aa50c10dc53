"""The attention weights of any encoder for one text, and loading a model to read them from.

:func:`attention_forward` runs one text through a model loaded with eager attention
(``attention="eager"``: the fused kernels compute the same outputs without ever forming the
weights) and asks for ``output_attentions``; every head of the encoders trtune trains
(classification, token classification, QA, masked LM) returns them, as do the bare encoder
and a causal LM; an encoder-decoder model answers with its encoder. ``serve``'s heat map
(:meth:`trtune.infer.classify.TransformersClassifier.attention`) and ``learn attention
--model`` (:mod:`trtune.learn.attention_page`) both read them here.

:func:`load_attention_model` opens whatever ``--model`` names: a folder trtune wrote (full
model, LoRA adapter on its base, a ``features`` head's encoder), a plain Hugging Face folder
or a Hub name, always through :mod:`trtune.infer.kinds` and :mod:`trtune.run.models`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from trtune.errors import UserError
from trtune.infer.kinds import ADAPTER_CONFIG, inspect_folder, load_model_folder
from trtune.run.models import load_model, load_tokenizer, resolve_model
from trtune.run.record import is_random_init, read_record


@dataclass(frozen=True)
class AttentionMap:
    """The attention weights of one text: ``weights`` is ``(L, H, T, T)``, rows sum to 1.

    Attributes:
        tokens: the ``T`` tokens the model saw (special tokens included).
        weights: ``weights[layer, head, query, key]``, float32 on the CPU.
        probabilities: a classifier's prediction from the same forward pass (else empty).
        truncated: whether the text had more tokens than were kept.
    """

    tokens: list[str]
    weights: torch.Tensor  # (layers, heads, T, T)
    probabilities: list[float] = field(default_factory=list)  # (C,)
    truncated: bool = False


@dataclass(frozen=True)
class AttentionModel:
    """A model loaded to show its attention.

    Attributes:
        model: the network, in eval mode on the CPU, with eager attention.
        tokenizer: its tokenizer.
        name: what ``--model`` named.
        random_init: the folder's model grew from a tiny preset's random weights.
        max_length: the length limit it was trained with (``None``: the tokenizer's).
    """

    model: Any
    tokenizer: Any
    name: str
    random_init: bool
    max_length: int | None = None


def _has_eager_attention(model) -> bool:
    return getattr(model.config, "_attn_implementation", None) == "eager"


def attention_forward(model, tokenizer, text: str, max_tokens: int) -> tuple[AttentionMap, Any]:
    """One forward pass of ``text`` (at most ``max_tokens`` tokens) with attention weights.

    Returns:
        The :class:`AttentionMap` and the model's output of the same pass (a classifier's
        ``logits``, ...).

    Raises:
        ValueError: the model was not loaded with ``attention="eager"``.
        UserError: the model returns no attention weights, or the text has no tokens.
    """
    if not _has_eager_attention(model):
        raise ValueError("load the model with attention='eager' to see its attention")
    enc = tokenizer(text, truncation=True, max_length=max_tokens, return_tensors="pt")
    if enc["input_ids"].shape[1] == 0:
        raise UserError("the text has no tokens")
    full_length = len(tokenizer(text, truncation=False, verbose=False)["input_ids"])
    enc = enc.to(next(model.parameters()).device)
    # An encoder-decoder model would want decoder inputs: its encoder alone answers.
    network = model.get_encoder() if getattr(model.config, "is_encoder_decoder", False) else model
    with torch.inference_mode():
        out = network(**enc, output_attentions=True)
    attentions = getattr(out, "attentions", None)
    if not attentions or any(a is None for a in attentions):
        raise UserError(f"{type(model).__name__} returns no attention weights")
    weights = torch.stack([a[0] for a in attentions]).float().cpu()  # (L, H, T, T)
    tokens = tokenizer.convert_ids_to_tokens(enc["input_ids"][0].tolist())
    found = AttentionMap(tokens=tokens, weights=weights, truncated=full_length > len(tokens))
    return found, out


def attention_map(model, tokenizer, text: str, max_tokens: int) -> AttentionMap:
    """Tokens and the attention weights of every layer and head for one text (see
    :func:`attention_forward`)."""
    return attention_forward(model, tokenizer, text, max_tokens)[0]


def _features_encoder(folder: Path) -> tuple[Any, Any, int]:
    """The frozen encoder (eager attention), tokenizer and length of a ``features`` run."""
    from trtune.infer.classify import load_classifier

    classifier = load_classifier(folder, torch.device("cpu"), attention="eager")
    return classifier.encoder.eval(), classifier.tokenizer, classifier.max_length


def _trtune_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a run of trtune (``trtune.json``) or an adapter."""
    return bool(read_record(folder)) or (folder / ADAPTER_CONFIG).is_file()


def load_attention_model(name: str) -> AttentionModel:
    """Load ``name`` on the CPU with eager attention: a folder written by a ``train`` command
    (``classify``, ``ner``, ``qa``, ``mask``, ...; adapters on their base), a plain Hugging
    Face folder or a Hub name (its bare encoder).

    Raises:
        UserError: no model there, a TF-IDF baseline, a preset name, or it fails to load.
    """
    from trtune.infer.kinds import trained_max_length
    from trtune.tasks.classify.baseline import TFIDF_JSON
    from trtune.tasks.classify.head import HEAD_JSON

    folder = Path(name).expanduser()
    if folder.is_dir() and (folder / HEAD_JSON).is_file():
        model, tokenizer, max_length = _features_encoder(folder)
        random_init = is_random_init(read_record(folder))
        return AttentionModel(model, tokenizer, name, random_init, max_length)
    if (
        folder.is_dir()
        and (folder / TFIDF_JSON).is_file()
        and not (folder / "config.json").is_file()
    ):
        raise UserError("a TF-IDF baseline has no attention to show", file=folder)
    if folder.is_dir() and _trtune_folder(folder):
        info = inspect_folder(folder)
        model, tokenizer = load_model_folder(info, device=torch.device("cpu"), attention="eager")
        return AttentionModel(
            model, tokenizer, name, is_random_init(info.record), trained_max_length(info.record)
        )
    source = resolve_model(name)
    if source.kind == "preset":
        raise UserError(
            f"{name} is a preset (random weights, no tokenizer yet): train a model on it and "
            "pass the folder, or pass a model folder or Hub name"
        )
    tokenizer = load_tokenizer(source)
    model = load_model(source, "encoder", tokenizer, attention="eager").eval()
    return AttentionModel(model, tokenizer, name, random_init=False)
