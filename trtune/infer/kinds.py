"""The kinds of folder trtune writes, known in one place: how each is saved, recognised and
loaded. ``predict``, ``eval``, the end-of-training test scoring, ``serve`` and ``export``
all load through here, so they cannot drift apart.

A training run saves its model as one of two kinds, whatever its task:

- **full model**: a plain Hugging Face folder (``config.json`` + ``model.safetensors`` +
  tokenizer) that ``transformers`` loads as it is (``finetune``/``full``, merged LoRA);
- **LoRA adapter**: ``adapter_config.json`` + ``adapter_model.safetensors`` + tokenizer; the
  adapter's ``base_model_name_or_path`` names its base: a Hub name, an absolute folder, or
  ``base_model``, the folder inside it where a preset's random base is kept.

``trtune.json`` (:mod:`trtune.run.record`) says which task the folder belongs to and what
prediction needs (labels, the trained length limit, the prompt template). Task-specific
kinds (the features head, TF-IDF) are recognised by :mod:`trtune.infer.classify`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from trtune.errors import UserError
from trtune.run.models import ModelSource, load_model, resolve_model
from trtune.run.outdir import atomic_write_json, check_model_folder, save_pretrained_atomic
from trtune.run.record import read_record

BASE_MODEL_DIR = "base_model"
_LEGACY_BASE_DIRS = ("base",)  # where lm kept a preset's base before the one folder name
ADAPTER_CONFIG = "adapter_config.json"
ONNX_KIND = "onnx"  # trtune.json "kind" of a `trtune export onnx` folder
ADAPTER_DIR = "adapter"  # a merged LoRA run keeps its adapter here too
# A classification adapter's label names, beside it: its head has one row per label, so its
# base must be built with them before the adapter loads (trtune.json, which records them
# too, is written only after the end-of-training scoring has loaded the folder).
ADAPTER_LABELS = "adapter_labels.json"
_LABELLED_PEFT_TASKS = ("SEQ_CLS", "TOKEN_CLS")

# Task -> the head its models carry (see trtune.run.models.HEADS).
TASK_HEADS = {
    "classify": "sequence-classification",
    "ner": "token-classification",
    "qa": "question-answering",
    "mask": "masked-lm",
    "lm": "causal-lm",
    "seq2seq": "seq2seq-lm",
}
# The last word of a transformers architecture name -> the task of its head.
_ARCHITECTURE_TASKS = (
    ("ForSequenceClassification", "classify"),
    ("ForTokenClassification", "ner"),
    ("ForQuestionAnswering", "qa"),
    ("ForMaskedLM", "mask"),
    ("ForCausalLM", "lm"),
    ("LMHeadModel", "lm"),
    ("ForConditionalGeneration", "seq2seq"),
)
# peft's task types -> trtune tasks.
_PEFT_TASKS = {
    "SEQ_CLS": "classify",
    "TOKEN_CLS": "ner",
    "QUESTION_ANS": "qa",
    "CAUSAL_LM": "lm",
    "SEQ_2_SEQ_LM": "seq2seq",
}


@dataclass(frozen=True)
class FolderInfo:
    """What a model folder is.

    Attributes:
        path: the folder.
        kind: ``full``, ``adapter`` or ``onnx`` (an export that only onnxruntime runs).
        task: the trtune task of its head (``classify``, ``lm``, ...), ``None`` if unknown.
        record: its ``trtune.json`` (``{}`` for folders trtune did not write).
    """

    path: Path
    kind: str
    task: str | None
    record: dict[str, Any]

    @property
    def model_info(self) -> dict[str, Any]:
        """The ``model`` block of ``trtune.json``."""
        return self.record.get("model", {})


def _read_json(path: Path) -> dict[str, Any]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"unreadable {path.name}: {exc}", file=path) from None
    return value if isinstance(value, dict) else {}


def architecture_task(config: dict[str, Any]) -> str | None:
    """The task of a ``config.json``'s head, from its ``architectures``."""
    for architecture in config.get("architectures") or []:
        for suffix, task in _ARCHITECTURE_TASKS:
            if architecture.endswith(suffix):
                return task
    return None


def inspect_folder(folder: str | Path) -> FolderInfo:
    """Recognise a full model, LoRA adapter or ONNX export folder.

    Raises:
        UserError: ``folder`` is missing or holds neither.
    """
    folder = check_model_folder(folder)
    record = read_record(folder)
    if record.get("kind") == ONNX_KIND:
        return FolderInfo(folder, ONNX_KIND, record.get("task"), record)
    if (folder / "config.json").is_file():
        task = record.get("task") or architecture_task(_read_json(folder / "config.json"))
        return FolderInfo(folder, "full", task, record)
    if (folder / ADAPTER_CONFIG).is_file():
        peft_task = _read_json(folder / ADAPTER_CONFIG).get("task_type")
        task = record.get("task") or _PEFT_TASKS.get(str(peft_task))
        return FolderInfo(folder, "adapter", task, record)
    raise UserError("not a model folder (no config.json or adapter_config.json)", file=folder)


def adapter_base(folder: Path) -> ModelSource:
    """Where an adapter folder's base model is: inside it (a preset's), a folder or a Hub name.

    Raises:
        UserError: the adapter names no base.
    """
    base = _read_json(folder / ADAPTER_CONFIG).get("base_model_name_or_path") or ""
    for name in (BASE_MODEL_DIR, *_LEGACY_BASE_DIRS, base):
        if name and not Path(name).is_absolute() and (folder / name / "config.json").is_file():
            return resolve_model(str((folder / name).resolve()))
    if not base:
        raise UserError("adapter folder does not record its base model", file=folder)
    return resolve_model(base)


def load_model_folder(
    info: FolderInfo,
    *,
    device: torch.device,
    dtype: torch.dtype = torch.float32,
    attention: str | None = None,
    trust_remote_code: bool = False,
):
    """The model and tokenizer of a full or adapter folder, on ``device`` in ``dtype``.

    An adapter is loaded on its base with the labels its run recorded (a classification
    head needs them to have the right size) and stays a ``PeftModel``.
    """
    from peft import PeftModel
    from transformers import AutoTokenizer

    if info.kind == ONNX_KIND:
        raise UserError(
            "this folder is an ONNX export: run it with --backend onnx (or auto)", file=info.path
        )
    head = TASK_HEADS.get(info.task or "", "encoder")
    labels = adapter_labels(info)
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(info.path))
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot load the tokenizer: {exc}", file=info.path) from None
    source = resolve_model(str(info.path)) if info.kind == "full" else adapter_base(info.path)
    model = load_model(
        source,
        head,
        tokenizer,
        labels=labels if info.kind == "adapter" else None,
        attention=attention,
        trust_remote_code=trust_remote_code,
    )
    if info.kind == "adapter":
        model = PeftModel.from_pretrained(model, str(info.path))
    return model.to(device=device, dtype=dtype).eval(), tokenizer


def save_trained(
    model,
    tokenizer,
    out_dir: Path,
    merge: bool,
    base: ModelSource,
) -> None:
    """Save a trained model as its folder kind: a full model; a LoRA adapter naming its
    base (``base_model`` for a preset, whose random base :func:`save_preset_base` kept
    before training); or, with ``merge``, the merged full model with the adapter kept in
    ``adapter/``."""
    adapter = hasattr(model, "peft_config")
    if adapter and merge:
        save_pretrained_atomic(model, out_dir / ADAPTER_DIR)
        save_pretrained_atomic(tokenizer, out_dir / ADAPTER_DIR)
        _point_adapter_at_base(out_dir / ADAPTER_DIR, base, inside=out_dir)
        _save_adapter_labels(model, out_dir / ADAPTER_DIR)
        model = model.merge_and_unload()
    save_pretrained_atomic(model, out_dir)
    save_pretrained_atomic(tokenizer, out_dir)
    portable_tokenizer_config(out_dir)
    if adapter and not merge:
        _point_adapter_at_base(out_dir, base, inside=out_dir)
        _save_adapter_labels(model, out_dir)


def _save_adapter_labels(model, folder: Path) -> None:
    """The label names of a classification adapter, in :data:`ADAPTER_LABELS`."""
    config = next(iter(model.peft_config.values()))
    if str(getattr(config.task_type, "value", config.task_type)) not in _LABELLED_PEFT_TASKS:
        return
    id2label = model.config.id2label
    labels = [str(id2label[i]) for i in range(len(id2label))]
    atomic_write_json(folder / ADAPTER_LABELS, {"labels": labels})


def adapter_labels(info: FolderInfo) -> list[str] | None:
    """The labels an adapter's head was trained with: its run's record, else the file
    saved beside it."""
    labels = info.model_info.get("labels")
    if labels or info.kind != "adapter" or not (info.path / ADAPTER_LABELS).is_file():
        return labels
    return list(_read_json(info.path / ADAPTER_LABELS).get("labels") or []) or None


# transformers 5 names its generic fast tokenizer ``TokenizersBackend`` in
# tokenizer_config.json; transformers 4 knows it as ``PreTrainedTokenizerFast`` (an alias
# that 5 still loads), so a folder written under 5 loads under 4 as well.
_PORTABLE_TOKENIZER_CLASSES = {"TokenizersBackend": "PreTrainedTokenizerFast"}


def portable_tokenizer_config(folder: Path) -> None:
    """Name the tokenizer class in ``tokenizer_config.json`` so that transformers 4 and 5
    both load the folder (nothing changes for a named class such as ``BertTokenizer``)."""
    path = folder / "tokenizer_config.json"
    if not path.is_file():
        return
    values = _read_json(path)
    portable = _PORTABLE_TOKENIZER_CLASSES.get(str(values.get("tokenizer_class")))
    if portable is not None:
        values["tokenizer_class"] = portable
        atomic_write_json(path, values)


def base_reference(source: ModelSource, adapter: bool) -> str:
    """What ``trtune.json`` names as a run's base model: ``base_model`` for an adapter on a
    preset (the folder inside the output), else the preset name, folder or Hub name."""
    return BASE_MODEL_DIR if adapter and source.kind == "preset" else source.location


def save_preset_base(model, tokenizer, out_dir: Path) -> None:
    """Keep a preset's freshly built random base in ``out_dir/base_model`` (before LoRA wraps
    it): it exists nowhere else, and the adapter is nothing without it."""
    if not (out_dir / BASE_MODEL_DIR / "config.json").is_file():
        save_pretrained_atomic(model, out_dir / BASE_MODEL_DIR)
        save_pretrained_atomic(tokenizer, out_dir / BASE_MODEL_DIR)


def _point_adapter_at_base(folder: Path, base: ModelSource, inside: Path) -> None:
    """Write the base's location into ``adapter_config.json``: a Hub name or an absolute
    folder as it is; a preset's base as the ``base_model`` folder beside the adapter."""
    if base.kind == "preset":
        location = os.path.relpath(inside / BASE_MODEL_DIR, folder)
    else:
        location = base.location
    path = folder / ADAPTER_CONFIG
    values = _read_json(path)
    values["base_model_name_or_path"] = location
    atomic_write_json(path, values)


def merge_adapter(folder: str | Path, out: str | Path) -> Path:
    """Fold a LoRA adapter into its base and save a plain Hugging Face folder.

    Raises:
        UserError: ``folder`` holds no adapter, or ``out`` is not empty.
    """
    info, out = inspect_folder(folder), Path(out)
    if info.kind != "adapter":
        raise UserError("not a LoRA adapter folder (no adapter_config.json)", file=folder)
    if out.exists() and any(out.iterdir()):
        raise UserError("output folder exists and is not empty", file=out)
    model, tokenizer = load_model_folder(info, device=torch.device("cpu"))
    out.mkdir(parents=True, exist_ok=True)
    save_pretrained_atomic(model.merge_and_unload(), out)
    save_pretrained_atomic(tokenizer, out)
    if info.record:
        record = dict(info.record, method="full", merged_from=str(Path(folder).resolve()))
        record["model"] = dict(info.model_info, base=None)
        atomic_write_json(out / "trtune.json", record)
    return out


def trained_max_length(record: dict, default: int | None = 128) -> int | None:
    """The length limit a folder's network was trained with (``trtune.json``), else
    ``default``."""
    value = record.get("model", {}).get("max_length") or record.get("settings", {}).get(
        "max_length"
    )
    return int(value) if value else default
