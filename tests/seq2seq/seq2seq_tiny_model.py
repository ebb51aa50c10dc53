"""A tiny random tiny-t5 folder for the serve tests, with the trtune.json a run writes
(built in about a second, no training)."""

from __future__ import annotations

import json
from pathlib import Path

SENTENCES = [
    "I love reading books in the evening.",
    "Akşamları kitap okumayı seviyorum.",
    "Türkiye Cumhuriyeti 1923 yılında kuruldu.",
    "çevir en-tr: Hello, how are you?",
    "Merhaba, nasılsın? Işık, ılık, güzel.",
]


def build_tiny_seq2seq(out: Path) -> Path:
    """Save a random tiny-t5 (en->tr translation record, 2 beams, 8 new tokens) in ``out``."""
    import torch

    from trtune.run.models import load_model, load_tokenizer, resolve_model

    source = resolve_model("tiny-t5")
    tokenizer = load_tokenizer(source, SENTENCES * 3)
    model = load_model(source, "seq2seq-lm", tokenizer, seed=1)
    with torch.no_grad():  # <pad>, </s>, <unk> never win: the random model writes words
        model.shared.weight[:3] = 0.0
    model.config.prefix = "çevir en-tr: "
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    record = {
        "task": "seq2seq",
        "method": "finetune",
        "model": {
            "task_kind": "translate",
            "prefix": "çevir en-tr: ",
            "direction": "en-tr",
            "max_source_length": 64,
            "generation": {"num_beams": 2, "max_new_tokens": 8},
        },
    }
    (out / "trtune.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return out
