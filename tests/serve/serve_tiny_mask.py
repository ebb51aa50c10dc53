"""A tiny random masked LM for the serve tests (a 2-layer BERT with the WordPiece tokenizer of
``serve_tiny_models``' sentences), built once per test session."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

import torch
from serve_tiny_models import SENTENCES


@functools.lru_cache(maxsize=1)
def tiny_mask_model() -> Path:
    """The folder of a random tiny ``BertForMaskedLM`` (bold head weights: the candidates'
    probabilities differ visibly)."""
    from trtune.run.models import load_model, resolve_model
    from trtune.run.presets import train_wordpiece_tokenizer

    root = Path(tempfile.mkdtemp(prefix="trtune-serve-mask-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    tokenizer = train_wordpiece_tokenizer(SENTENCES * 2, vocab_size=300, max_length=128)
    model = load_model(resolve_model("tiny"), "masked-lm", tokenizer, seed=0)
    with torch.no_grad():
        model.cls.predictions.transform.dense.weight.normal_(0.0, 0.6)
    model.save_pretrained(root / "mask")
    tokenizer.save_pretrained(root / "mask")
    return root / "mask"
