"""The report's method end to end: frozen-encoder features, the dense head, saved files.

:mod:`~trtune.tasks.classify.features` extracts and caches the features,
:mod:`~trtune.tasks.classify.head` trains the head; this module runs both for ``classify train
--method features`` and writes the head (safetensors), its JSON description and, for a preset
encoder, the encoder itself.
"""

from __future__ import annotations

import time
from pathlib import Path

import torch
from safetensors.torch import save

from trtune.data import Split
from trtune.i18n import say
from trtune.run.devices import resolve_device
from trtune.run.messages import MESSAGES as RUN_MESSAGES
from trtune.run.models import load_model, load_tokenizer, resolve_model
from trtune.run.outdir import atomic_write_bytes, atomic_write_json, save_pretrained_atomic
from trtune.run.progress import Reporter, silent_if_none
from trtune.run.tokenizer_fold import FOLD_NOTE, folds_dotless_i
from trtune.tasks.classify.features import cached_features
from trtune.tasks.classify.head import (
    ENCODER_DIR,
    HEAD_JSON,
    HEAD_WEIGHTS,
    HeadHistory,
    train_head,
)
from trtune.tasks.classify.settings import ClassifySettings, class_weights


def extract_all(
    settings: ClassifySettings, split: Split, reporter: Reporter
) -> tuple[torch.Tensor, dict, object, object]:
    """Load the frozen encoder and turn every text of the three parts into one vector.

    Returns:
        ``(features (N, H) in train/validation/test order, details, encoder, tokenizer)``.
    """
    source = resolve_model(settings.model)
    train_texts = [e.text for e in split.train]
    tokenizer = load_tokenizer(
        source, train_texts, trust_remote_code=settings.trust_remote_code, reporter=reporter
    )
    encoder = load_model(
        source,
        "encoder",
        tokenizer,
        seed=settings.seed,
        trust_remote_code=settings.trust_remote_code,
        reporter=reporter,
    )
    if folds_dotless_i(tokenizer):
        reporter.line(FOLD_NOTE)
    texts = [e.text for part in (split.train, split.validation, split.test) for e in part]
    start = time.perf_counter()
    title = say(RUN_MESSAGES, "progress.features", reporter.lang)
    with reporter.progress(title, len(texts)) as task:
        features, cache_path, hit = cached_features(
            encoder,
            tokenizer,
            texts,
            settings.pooling,
            settings.max_length,
            settings.feature_batch_size,
            settings.cache_dir,
            device=resolve_device("auto"),  # a CUDA GPU when there is one; the head: CPU
            progress=lambda done, total: task.update(done),
        )  # (N, H)
    seconds = time.perf_counter() - start
    reporter.line(
        f"features: {tuple(features.shape)} {'from cache' if hit else 'extracted'} "
        f"in {seconds:.1f} s ({cache_path})"
    )
    details = {
        "feature_cache": str(cache_path),
        "feature_cache_hit": hit,
        "feature_extract_seconds": seconds,
    }
    return features, details, encoder, tokenizer


def fit_head(
    settings: ClassifySettings, split: Split, labels: list[str], features: torch.Tensor
) -> tuple[torch.nn.Module, HeadHistory]:
    """Train the report's head on the training features, choosing on validation."""
    n_train, n_val = len(split.train), len(split.validation)
    parts = (split.train, split.validation)
    ids = torch.tensor([labels.index(e.label) for part in parts for e in part])
    weights = class_weights(settings.class_weight, ids[:n_train].tolist(), len(labels))
    return train_head(
        features[:n_train],
        ids[:n_train],
        features[n_train : n_train + n_val],
        ids[n_train : n_train + n_val],
        len(labels),
        int(settings.epochs),
        settings.lr,
        settings.batch_size,
        settings.patience,
        settings.seed,
        class_weights=weights,
    )


def save_head(
    settings: ClassifySettings, head, encoder, tokenizer, labels: list[str], out_dir: Path
) -> None:
    """``head.safetensors`` and ``head.json`` (and a preset's random encoder beside them)."""
    source = resolve_model(settings.model)
    encoder_ref = source.location
    if source.kind == "preset":  # a preset's random encoder exists only here: save it
        save_pretrained_atomic(encoder, out_dir / ENCODER_DIR)
        save_pretrained_atomic(tokenizer, out_dir / ENCODER_DIR)
        encoder_ref = ENCODER_DIR
    weights = {k: v.contiguous() for k, v in head.state_dict().items()}
    atomic_write_bytes(out_dir / HEAD_WEIGHTS, save(weights))
    atomic_write_json(
        out_dir / HEAD_JSON,
        {
            "type": "trtune-feature-head",
            "encoder": encoder_ref,
            "pooling": settings.pooling,
            "max_length": settings.max_length,
            "labels": labels,
            "in_features": int(head[0].in_features),
            "tokenizer_folds_dotless_i": folds_dotless_i(tokenizer),
            "loader": "trtune.infer.classify.load_classifier",
        },
    )


def train_features_method(
    settings: ClassifySettings,
    split: Split,
    labels: list[str],
    out_dir: Path,
    reporter: Reporter | None = None,
) -> tuple[dict, float, dict]:
    """Extract (or load cached) features, train the head, save head and encoder reference.

    Returns:
        The head's curves per epoch, the seconds spent (extraction included) and extra
        figures for ``trtune.json`` (cache path and hit, extraction seconds, best epoch).
    """
    reporter = silent_if_none(reporter)
    start = time.perf_counter()
    features, details, encoder, tokenizer = extract_all(settings, split, reporter)
    head, history = fit_head(settings, split, labels, features)
    train_seconds = time.perf_counter() - start
    reporter.line(
        f"head: stopped at epoch {history.stopped_epoch}, best validation accuracy at epoch "
        f"{history.best_epoch} ({max(history.val_accuracy):.4f})"
    )
    save_head(settings, head, encoder, tokenizer, labels, out_dir)
    curves = {
        "train_loss": history.train_loss,
        "train_accuracy": history.train_accuracy,
        "val_loss": history.val_loss,
        "val_accuracy": history.val_accuracy,
    }
    details.update(best_epoch=history.best_epoch, stopped_epoch=history.stopped_epoch)
    return curves, train_seconds, details
