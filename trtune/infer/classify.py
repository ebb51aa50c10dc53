"""Load any folder ``classify train`` wrote and predict labels with probabilities.

:func:`load_classifier` recognises the folder by its files:

- a full model (``config.json`` + weights): a Hugging Face sequence classifier
  (``finetune``, merged ``lora``); ``transformers.pipeline("text-classification",
  model=DIR)`` loads it too;
- a LoRA adapter (``adapter_config.json``) on its base model, with the labels its run
  recorded in ``trtune.json`` (see :mod:`trtune.infer.kinds`);
- ``head.json`` + ``head.safetensors``: the ``features`` head on a frozen encoder (the
  encoder is ``DIR/encoder`` when saved there, else the reference in ``head.json``);
- ``tfidf.json`` + ``tfidf.safetensors``: the TF-IDF baseline.

Every network predicts with the length limit it was trained with (``trtune.json``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file

from trtune.errors import UserError
from trtune.infer.attention import AttentionMap, attention_forward
from trtune.infer.kinds import inspect_folder, load_model_folder, trained_max_length
from trtune.infer.onnx_backend import choose_backend, load_onnx_folder
from trtune.run.devices import resolve_device, resolve_dtype
from trtune.run.microbatch import inference_rows
from trtune.run.models import load_model, load_tokenizer, resolve_model
from trtune.run.outdir import check_model_folder
from trtune.tasks.classify.baseline import TFIDF_JSON, TfidfClassifier
from trtune.tasks.classify.features import extract_features
from trtune.tasks.classify.head import ENCODER_DIR, HEAD_JSON, HEAD_WEIGHTS, FeatureHead

DEFAULT_MAX_LENGTH = 128


@dataclass(frozen=True)
class Prediction:
    """The label of one text and the probability of every label."""

    text: str
    label: str
    probabilities: dict[str, float]

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {"text": self.text, "label": self.label, "probabilities": self.probabilities}


class _Predictor:
    """Shared :meth:`predict` on top of a ``predict_proba`` returning ``(N, C)``."""

    labels: list[str]
    kind: str
    has_attention = False

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """Label and probabilities for each text, in input order."""
        if not texts:
            return []
        probs = self.predict_proba(list(texts))
        return [
            Prediction(
                text=text,
                label=self.labels[int(row.argmax())],
                probabilities={label: float(p) for label, p in zip(self.labels, row, strict=True)},
            )
            for text, row in zip(texts, probs, strict=True)
        ]


class TransformersClassifier(_Predictor):
    """A sequence-classification model with its tokenizer."""

    kind = "transformers"

    def __init__(
        self, model, tokenizer, max_length: int = DEFAULT_MAX_LENGTH, batch_size: int = 64
    ):
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.max_length = max_length
        self.batch_size = batch_size
        id2label = model.config.id2label
        self.labels = [str(id2label[i]) for i in range(len(id2label))]

    @property
    def has_attention(self) -> bool:
        """Whether :meth:`attention` can answer (the model was loaded with eager attention)."""
        return getattr(self.model.config, "_attn_implementation", None) == "eager"

    def attention(self, text: str, max_tokens: int) -> AttentionMap:
        """Tokens and attention weights of every layer and head for one text, with the
        prediction of the same forward pass (:func:`trtune.infer.attention.attention_forward`)."""
        found, out = attention_forward(
            self.model, self.tokenizer, text, min(max_tokens, self.max_length)
        )
        probs = torch.softmax(out.logits[0].float(), dim=-1).tolist()  # (C,)
        return replace(found, probabilities=probs)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Texts sorted by token count, ``batch_size`` at a time; on the CPU a batch of mixed
        lengths runs as a few parts (:func:`~trtune.run.microbatch.plan_split`), each padded
        only to its own longest text (16 short reviews in `serve`: 58 ms instead of 70 ms);
        on a GPU each batch runs whole."""
        enc = self.tokenizer(list(texts), truncation=True, max_length=self.max_length)
        lengths = [len(ids) for ids in enc["input_ids"]]
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float64)
        device = next(self.model.parameters()).device
        with torch.inference_mode():
            for rows in inference_rows(lengths, self.batch_size, device):
                batch = self.tokenizer.pad(
                    {key: [values[i] for i in rows] for key, values in enc.items()},
                    return_tensors="pt",
                ).to(device)
                logits = self.model(**batch).logits.float()  # (B, C)
                out[rows] = torch.softmax(logits, dim=-1).cpu().numpy()
        return out


class FeatureClassifier(_Predictor):
    """A frozen encoder plus the report's head."""

    kind = "features"

    def __init__(self, encoder, tokenizer, head: FeatureHead, meta: dict, device=None):
        self.encoder, self.tokenizer, self.head = encoder, tokenizer, head.eval()
        self.labels = list(meta["labels"])
        self.pooling = meta["pooling"]
        self.max_length = int(meta["max_length"])
        self.device = torch.device("cpu") if device is None else torch.device(device)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """The encoder runs on ``device``; the small head on the CPU."""
        features = extract_features(
            self.encoder, self.tokenizer, texts, self.pooling, self.max_length, device=self.device
        )  # (N, H)
        with torch.inference_mode():
            return torch.softmax(self.head(features), dim=-1).numpy()


class TfidfPredictor(_Predictor):
    """The TF-IDF baseline."""

    kind = "tfidf"

    def __init__(self, model: TfidfClassifier):
        self.model = model
        self.labels = model.labels

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.predict_proba(texts)


def _load_features(
    folder: Path, device: torch.device, dtype: torch.dtype, attention: str | None = None
) -> FeatureClassifier:
    meta = json.loads((folder / HEAD_JSON).read_text(encoding="utf-8"))
    encoder_dir = folder / ENCODER_DIR
    source = resolve_model(str(encoder_dir) if encoder_dir.is_dir() else meta["encoder"])
    # Fold as in training; a head saved before folding existed has no key: no fold.
    tokenizer = load_tokenizer(source, fold=bool(meta.get("tokenizer_folds_dotless_i", False)))
    encoder = load_model(source, "encoder", tokenizer, attention=attention)
    head = FeatureHead(int(meta["in_features"]), len(meta["labels"]))
    head.load_state_dict(load_file(str(folder / HEAD_WEIGHTS)))
    return FeatureClassifier(encoder.to(device=device, dtype=dtype), tokenizer, head, meta, device)


def load_classifier(
    folder: str | Path,
    device: torch.device | str = "auto",
    dtype: torch.dtype | str = torch.float32,
    attention: str | None = None,
    backend: str = "auto",
) -> _Predictor:
    """Load the classifier saved in ``folder`` (any method); see the module docstring. Its
    network runs on ``device`` (``auto``: a CUDA GPU when there is one, as in training) in
    ``dtype`` (a ``--dtype`` name such as ``auto`` is resolved for batched prediction on
    that device: :func:`~trtune.run.devices.resolve_dtype`); TF-IDF always on the CPU in
    float64. ``attention="eager"`` lets a transformers classifier (or a ``features`` head's
    encoder) return its attention weights. An ONNX export runs with onnxruntime on the CPU
    (``backend``: see :mod:`trtune.infer.onnx_backend`).

    Raises:
        UserError: ``folder`` is not a folder written by ``classify train``.
    """
    folder = check_model_folder(folder)
    if choose_backend(folder, backend) == "onnx":
        model, tokenizer, record = load_onnx_folder(folder, "classify")
        return TransformersClassifier(model, tokenizer, trained_max_length(record))
    device = resolve_device(device) if isinstance(device, str) else device
    dtype = resolve_dtype(dtype, device) if isinstance(dtype, str) else dtype
    if (folder / HEAD_JSON).is_file():
        return _load_features(folder, device, dtype, attention)
    if (folder / TFIDF_JSON).is_file() and not (folder / "config.json").is_file():
        return TfidfPredictor(TfidfClassifier.load(folder))
    try:
        info = inspect_folder(folder)
    except UserError:
        raise UserError(
            "not a classifier folder (no config.json, head.json, adapter_config.json or "
            "tfidf.json)",
            file=folder,
        ) from None
    if info.task not in (None, "classify"):
        raise UserError(f"this folder holds a {info.task} model, not a classifier", file=folder)
    model, tokenizer = load_model_folder(info, device=device, dtype=dtype, attention=attention)
    return TransformersClassifier(model, tokenizer, trained_max_length(info.record))
