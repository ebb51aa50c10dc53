"""Run an exported ONNX folder with ``onnxruntime`` behind the torch predictors' interface.

``trtune export onnx`` writes ``model.onnx`` beside ``config.json``, the tokenizer and a
``trtune.json`` of kind ``onnx``. :class:`OnnxModel` is called like a transformers model:
``model(**batch)`` with the tokenizer's tensors returns an output whose ``logits`` (or
``start_logits`` / ``end_logits``) are torch tensors, and ``model.config.id2label`` names
the labels. The predictors of :mod:`trtune.infer.classify`, :mod:`trtune.infer.ner` and
:mod:`trtune.infer.qa` take it in place of the torch model, so batching, length sorting,
NER aggregation and the QA span search are the same code for both backends.

``backend`` (``--backend``): ``auto`` runs an ONNX folder with onnxruntime and any other
folder with torch; ``onnx`` insists on an ONNX folder; ``torch`` refuses one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import torch

from trtune.errors import UserError

ONNX_FILE = "model.onnx"
BACKENDS = ("auto", "torch", "onnx")
INSTALL_HINT = "onnxruntime is not installed: pip install 'trtune[export]' (or onnxruntime)"


def require_onnxruntime():
    """The ``onnxruntime`` module.

    Raises:
        UserError: it is not installed (one line with the install command).
    """
    try:
        import onnxruntime
    except ImportError:
        raise UserError(INSTALL_HINT) from None
    return onnxruntime


def is_onnx_folder(folder: str | Path) -> bool:
    """Whether ``folder`` holds an ONNX export (``model.onnx``)."""
    return (Path(folder) / ONNX_FILE).is_file()


def choose_backend(folder: str | Path, backend: str = "auto") -> str:
    """``torch`` or ``onnx`` for ``folder`` as ``backend`` asks.

    Raises:
        UserError: an unknown backend, ``onnx`` for a folder without ``model.onnx``, or
            ``torch`` for an ONNX export.
    """
    if backend not in BACKENDS:
        raise UserError(f"--backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
    onnx = is_onnx_folder(folder)
    if backend == "onnx" and not onnx:
        raise UserError(
            "--backend onnx: no model.onnx here; export the folder with `trtune export onnx`",
            file=folder,
        )
    if backend == "torch" and onnx:
        raise UserError(
            "--backend torch: this folder is an ONNX export; use --backend onnx (or auto)",
            file=folder,
        )
    return "onnx" if onnx else "torch"


class _Config:
    """The parts of a transformers config the predictors read."""

    def __init__(self, values: dict[str, Any], labels: list[str] | None):
        id2label = values.get("id2label") or {}
        names = labels or [str(id2label[k]) for k in sorted(id2label, key=int)]
        self.id2label = dict(enumerate(names))
        self.label2id = {name: i for i, name in enumerate(names)}
        self.model_type = values.get("model_type")
        self._attn_implementation = None  # no attention weights from a graph


class OnnxOutput(dict):
    """A model output: ``out.logits`` and ``out["logits"]`` alike."""

    def __getattr__(self, name: str) -> torch.Tensor:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class OnnxModel:
    """An ``onnxruntime`` session that answers like a transformers model on the CPU.

    Args:
        folder: an ONNX export folder.
        threads: intra-op threads (``None``: onnxruntime's default, all cores).
    """

    def __init__(self, folder: str | Path, threads: int | None = None):
        ort = require_onnxruntime()
        self.folder = Path(folder)
        options = ort.SessionOptions()
        # Workers that sleep instead of spinning between ops: on 2 cores shared with other
        # work, MiniLM float32 ran at 31.5 texts/s instead of 20.4 (batch 16, best of 3).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if threads:
            options.intra_op_num_threads = threads
        try:
            self.session = ort.InferenceSession(
                str(self.folder / ONNX_FILE), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own exception types
            raise UserError(f"onnxruntime cannot load model.onnx: {exc}", file=folder) from None
        self.input_names = [i.name for i in self.session.get_inputs()]
        self.output_names = [o.name for o in self.session.get_outputs()]
        record = _read(self.folder / "trtune.json")
        labels = record.get("model", {}).get("labels")
        self.config = _Config(_read(self.folder / "config.json"), labels)
        self.record = record
        self.device = torch.device("cpu")
        self.dtype = torch.float32  # what the graph takes in and gives out
        quantize = (record.get("onnx") or {}).get("quantize")
        self.weights = "int8" if quantize == "int8" else "float32"  # what /health reports

    def eval(self) -> OnnxModel:
        """Nothing to switch: a graph has no training mode."""
        return self

    def parameters(self):
        """One empty float32 CPU tensor, for code that asks a model where it runs."""
        yield torch.empty(0)

    def __call__(self, **inputs: torch.Tensor) -> OnnxOutput:
        """The graph's outputs for tokenizer tensors; a missing ``attention_mask`` is all
        ones, a missing ``token_type_ids`` all zeros."""
        ids = inputs["input_ids"]  # (B, T)
        feed = {}
        for name in self.input_names:
            value = inputs.get(name)
            if value is None:
                value = torch.ones_like(ids) if name == "attention_mask" else torch.zeros_like(ids)
            feed[name] = value.detach().cpu().numpy().astype(np.int64)
        outputs = self.session.run(self.output_names, feed)
        return OnnxOutput(
            {n: torch.from_numpy(v) for n, v in zip(self.output_names, outputs, strict=True)}
        )


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"unreadable {path.name}: {exc}", file=path) from None
    return value if isinstance(value, dict) else {}


def load_onnx_folder(folder: str | Path, task: str) -> tuple[OnnxModel, Any, dict[str, Any]]:
    """The model, tokenizer and ``trtune.json`` of an ONNX export of ``task``.

    Raises:
        UserError: onnxruntime is missing, the export holds another task, or it is unreadable.
    """
    from transformers import AutoTokenizer

    model = OnnxModel(folder, threads=_threads())
    found = model.record.get("task")
    if found and found != task:
        raise UserError(f"this ONNX export holds a {found} model, not {task}", file=folder)
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(folder))
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot load the tokenizer: {exc}", file=folder) from None
    return model, tokenizer, model.record


def _threads() -> int | None:
    """onnxruntime threads: ``TRTUNE_ONNX_THREADS`` when set (benchmarks), else its default."""
    value = os.environ.get("TRTUNE_ONNX_THREADS")
    return int(value) if value else None
