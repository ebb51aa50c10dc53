"""The report's method end to end: frozen-encoder features, the dense head, saved files.

:mod:`trtune.classify.features` extracts and caches the features, :mod:`trtune.classify.head`
trains the head; this module runs both for ``classify train --method features`` and writes
the head (safetensors), its JSON description and, for a preset encoder, the encoder itself.
"""

from __future__ import annotations

import time
from pathlib import Path

import torch
from rich.progress import Progress
from safetensors.torch import save

from trtune.classify.features import cached_features
from trtune.classify.head import train_head
from trtune.classify.predict import ENCODER_DIR, HEAD_JSON, HEAD_WEIGHTS
from trtune.classify.settings import ClassifySettings, class_weights
from trtune.cli.console import err_console
from trtune.data import Split
from trtune.devices import resolve_device
from trtune.models import FOLD_NOTE, folds_dotless_i, load_encoder, load_tokenizer, resolve_model
from trtune.train.outdir import atomic_write_bytes, atomic_write_json, save_pretrained_atomic


def _say(line: str) -> None:
    """One progress line on stderr, as it is (paths hold brackets; no wrapping)."""
    err_console.print(line, markup=False, soft_wrap=True)


def train_features_method(
    settings: ClassifySettings, split: Split, labels: list[str], out_dir: Path
) -> tuple[dict, float, dict]:
    """Extract (or load cached) features, train the head, save head and encoder reference.

    Returns:
        The head's curves per epoch, the seconds spent (extraction included) and extra
        figures for ``metrics.json`` (cache path and hit, extraction seconds, best epoch).
    """
    source = resolve_model(settings.model)
    train_texts = [e.text for e in split.train]
    tokenizer = load_tokenizer(source, train_texts)
    encoder = load_encoder(source, tokenizer, settings.seed)
    folded = folds_dotless_i(tokenizer)
    if folded:
        _say(FOLD_NOTE)
    parts = [split.train, split.validation, split.test]
    texts = [e.text for part in parts for e in part]
    start = time.perf_counter()
    # Off when stderr is not a terminal: there it draws nothing but a blank line.
    with Progress(console=err_console, transient=True, disable=not err_console.is_terminal) as bar:
        task = bar.add_task("extracting features", total=len(texts))
        features, cache_path, hit = cached_features(
            encoder,
            tokenizer,
            texts,
            settings.pooling,
            settings.max_length,
            settings.feature_batch_size,
            settings.cache_dir,
            device=resolve_device("auto"),  # a CUDA GPU when there is one; the head: CPU
            progress=lambda done, total: bar.update(task, completed=done),
        )  # (N, H)
    extract_seconds = time.perf_counter() - start
    _say(
        f"features: {tuple(features.shape)} {'from cache' if hit else 'extracted'} "
        f"in {extract_seconds:.1f} s ({cache_path})"
    )
    n_train, n_val = len(split.train), len(split.validation)
    ids = torch.tensor([labels.index(e.label) for part in parts for e in part])
    head, history = train_head(
        features[:n_train],
        ids[:n_train],
        features[n_train : n_train + n_val],
        ids[n_train : n_train + n_val],
        len(labels),
        settings.epochs,
        settings.lr,
        settings.batch_size,
        settings.patience,
        settings.seed,
        class_weights=class_weights(settings.class_weight, ids[:n_train].tolist(), len(labels)),
    )
    train_seconds = time.perf_counter() - start
    _say(
        f"head: stopped at epoch {history.stopped_epoch}, best validation accuracy at epoch "
        f"{history.best_epoch} ({max(history.val_accuracy):.4f})"
    )
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
            "in_features": int(features.shape[1]),
            "tokenizer_folds_dotless_i": folded,
            "loader": "trtune.classify.predict.load_classifier",
        },
    )
    curves = {
        "train_loss": history.train_loss,
        "train_accuracy": history.train_accuracy,
        "val_loss": history.val_loss,
        "val_accuracy": history.val_accuracy,
    }
    extra = {
        "feature_cache": str(cache_path),
        "feature_cache_hit": hit,
        "feature_extract_seconds": extract_seconds,
        "best_epoch": history.best_epoch,
        "stopped_epoch": history.stopped_epoch,
    }
    return curves, train_seconds, extra
