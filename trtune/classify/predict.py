"""Load any folder ``classify train`` wrote and predict labels with probabilities.

:func:`load_classifier` recognises the folder by its files:

- ``config.json`` + weights: a Hugging Face sequence classifier (``finetune``, merged
  ``lora``); ``transformers.pipeline("text-classification", model=DIR)`` loads it too;
- ``adapter_config.json`` without ``config.json``: a LoRA adapter on its base model
  (``classifier.json`` names the base, the labels and the length limit);
- ``head.json`` + ``head.safetensors``: the ``features`` head on a frozen encoder (the
  encoder is ``DIR/encoder`` when saved there, else the reference in ``head.json``);
- ``tfidf.json`` + ``tfidf.safetensors``: the TF-IDF baseline.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from trtune.classify.baseline import TFIDF_JSON, TfidfClassifier
from trtune.classify.features import extract_features
from trtune.classify.head import FeatureHead
from trtune.devices import resolve_device
from trtune.errors import UserError
from trtune.models import load_encoder, load_tokenizer, resolve_model
from trtune.train.split import plan_split

# One more forward call costs about this many padded tokens at inference (MiniLM, 2 cores).
INFERENCE_CALL_COST = 64

HEAD_JSON = "head.json"
HEAD_WEIGHTS = "head.safetensors"
ENCODER_DIR = "encoder"
BASE_MODEL_DIR = "base_model"
ADAPTER_JSON = "classifier.json"


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


def inference_parts(lengths: list[int], device: torch.device) -> list[list[int]]:
    """How one inference batch of texts with these token counts runs: on the CPU as a few
    length-sorted parts (:func:`~trtune.train.split.plan_split`); on a GPU whole, since there
    a small batch costs its kernel launches whatever its padding (MiniLM on an H200: 6.5 ms
    for one text; 16 texts cut into parts took 16 ms)."""
    if device.type == "cpu":
        return plan_split(lengths, INFERENCE_CALL_COST)
    return [sorted(range(len(lengths)), key=lambda i: -lengths[i])]


class TransformersClassifier(_Predictor):
    """A sequence-classification model with its tokenizer."""

    kind = "transformers"

    def __init__(self, model, tokenizer, max_length: int = 128, batch_size: int = 64):
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.max_length = max_length
        self.batch_size = batch_size
        id2label = model.config.id2label
        self.labels = [str(id2label[i]) for i in range(len(id2label))]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Texts sorted by token count, ``batch_size`` at a time; on the CPU a batch of mixed
        lengths runs as a few parts (:func:`~trtune.train.split.plan_split`), each padded
        only to its own longest text (16 short reviews in `serve`: 58 ms instead of 70 ms);
        on a GPU each batch runs whole."""
        enc = self.tokenizer(list(texts), truncation=True, max_length=self.max_length)
        lengths = [len(ids) for ids in enc["input_ids"]]
        order = sorted(range(len(texts)), key=lambda i: -lengths[i])
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float64)
        device = next(self.model.parameters()).device
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                chunk = order[start : start + self.batch_size]
                for part in inference_parts([lengths[i] for i in chunk], device):
                    rows = [chunk[j] for j in part]
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


def _max_length(folder: Path, default: int = 128) -> int:
    meta = folder / "trtune.json"
    if meta.is_file():
        return int(json.loads(meta.read_text(encoding="utf-8"))["settings"]["max_length"])
    return default


def _load_features(folder: Path, device: torch.device, dtype: torch.dtype) -> FeatureClassifier:
    meta = json.loads((folder / HEAD_JSON).read_text(encoding="utf-8"))
    encoder_dir = folder / ENCODER_DIR
    source = resolve_model(str(encoder_dir) if encoder_dir.is_dir() else meta["encoder"])
    # Fold as in training; a head saved before folding existed has no key: no fold.
    tokenizer = load_tokenizer(source, fold=bool(meta.get("tokenizer_folds_dotless_i", False)))
    encoder = load_encoder(source, tokenizer)
    head = FeatureHead(int(meta["in_features"]), len(meta["labels"]))
    head.load_state_dict(load_file(str(folder / HEAD_WEIGHTS)))
    return FeatureClassifier(encoder.to(device=device, dtype=dtype), tokenizer, head, meta, device)


def _load_adapter(folder: Path, device: torch.device, dtype: torch.dtype) -> TransformersClassifier:
    from peft import PeftModel

    meta = json.loads((folder / ADAPTER_JSON).read_text(encoding="utf-8"))
    labels = meta["labels"]
    base_dir = folder / BASE_MODEL_DIR
    base = str(base_dir) if base_dir.is_dir() else meta["base_model"]
    model = AutoModelForSequenceClassification.from_pretrained(
        base,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={name: i for i, name in enumerate(labels)},
    )
    model = PeftModel.from_pretrained(model, str(folder))
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    model = model.to(device=device, dtype=dtype)
    return TransformersClassifier(model, tokenizer, int(meta["max_length"]))


def load_classifier(
    folder: str | Path, device: torch.device | str = "auto", dtype: torch.dtype = torch.float32
) -> _Predictor:
    """Load the classifier saved in ``folder`` (any method); see the module docstring. Its
    network runs on ``device`` (``auto``: a CUDA GPU when there is one, as in training) in
    ``dtype``; TF-IDF always on the CPU in float64.

    Raises:
        UserError: ``folder`` is not a folder written by ``classify train``.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError("model folder not found", file=folder)
    device = resolve_device(device) if isinstance(device, str) else device
    if (folder / HEAD_JSON).is_file():
        return _load_features(folder, device, dtype)
    if (folder / "config.json").is_file():
        try:
            model = AutoModelForSequenceClassification.from_pretrained(str(folder))
            tokenizer = AutoTokenizer.from_pretrained(str(folder))
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot load the classifier: {exc}", file=folder) from exc
        model = model.to(device=device, dtype=dtype)
        return TransformersClassifier(model, tokenizer, _max_length(folder))
    if (folder / "adapter_config.json").is_file():
        return _load_adapter(folder, device, dtype)
    if (folder / TFIDF_JSON).is_file():
        return TfidfPredictor(TfidfClassifier.load(folder))
    raise UserError(
        "not a classifier folder (no config.json, head.json, adapter_config.json or tfidf.json)",
        file=folder,
    )
