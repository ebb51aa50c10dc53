"""Quality of ``trtune seq2seq train`` on real Turkish data (issue 23, item 7): not part of
``make test``; run it in the background and read its JSON.

    python bench/seq2seq_quality.py tatoeba --out /tmp/s2sq/tatoeba --steps 200 --batch-size 32
    python bench/seq2seq_quality.py tquad --out /tmp/s2sq/tquad --steps 200

- ``tatoeba``: ``tiny-t5`` from scratch on ``../shared/data/seq2seq/tatoeba_en_tr.tsv``
  (en -> tr); 5 % of the pairs held out by English sentence (no sentence on both sides), chrF
  and BLEU against the copy baseline (the English source as the "translation").
- ``tquad``: the same model on TQuAD question generation (``tquad_train.json``; the test part
  is ``tquad_dev.json``, TQuAD's own split), ROUGE-L against the copy baseline (the paragraph
  window as the "question").

The budget is a number of optimiser steps; the script records the wall time and the process
CPU time it took (on a shared machine the wall time depends on the load; the CPU time
divided by the cores is what an idle machine would take).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
DATA = ROOT.parent / "shared" / "data"

RUNS = {
    "tatoeba": {
        "data": [str(DATA / "seq2seq" / "tatoeba_en_tr.tsv")],
        "direction": "en-tr",
        "batch_size": 64,
        "max_length": 64,
        "max_target_length": 64,
        "test_size": 0.05,
        "validation_size": 0.02,
    },
    "tquad": {
        "data": [str(DATA / "lm" / "tquad_train.json")],
        "test_data": str(DATA / "lm" / "tquad_dev.json"),
        "batch_size": 16,
        "max_length": 192,
        "max_target_length": 48,
        "validation_size": 0.05,
    },
}


def cpu_seconds() -> float:
    """User and system CPU time of this process so far (all its threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(name: str, out: Path, steps: int, lr: float, beams: int, batch_size: int | None) -> dict:
    """Train and score one run; returns its figures."""
    from rich.console import Console

    from trtune.run.progress import Reporter
    from trtune.tasks.seq2seq.settings import Seq2SeqSettings
    from trtune.tasks.seq2seq.train import train_seq2seq

    values = dict(RUNS[name], **({"batch_size": batch_size} if batch_size else {}))
    settings = Seq2SeqSettings(
        **values,
        out=str(out),
        model="tiny-t5",
        method="finetune",
        max_steps=steps,
        epochs=1000,
        lr=lr,
        warmup_ratio=0.05,
        eval_samples=200,
        num_beams=beams,
        patience=3,
    )
    start_wall, start_cpu = time.perf_counter(), cpu_seconds()
    reporter = Reporter(Console(stderr=True), plain_every=30.0)
    result = train_seq2seq(settings, overwrite=True, reporter=reporter)
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    return {
        "run": name,
        "steps": steps,
        "batch_size": settings.batch_size,
        "lr": lr,
        "num_beams": beams,
        "n_test": metrics["n_test"],
        "model": {k: metrics[k] for k in ("chrf", "bleu", "rouge1", "rouge2", "rougeL")},
        "baseline": metrics["baseline"],
        "baseline_name": result.baseline_name,
        "train_seconds": metrics["timing"]["train_seconds"],
        "test_seconds": metrics["timing"]["test_seconds"],
        "wall_seconds": time.perf_counter() - start_wall,
        "cpu_seconds": cpu_seconds() - start_cpu,
        "threads": __import__("torch").get_num_threads(),
        "history": {k: v for k, v in metrics["history"].items() if k.startswith("val_")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("run", choices=sorted(RUNS))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--steps", type=int, default=1500)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=None)
    args = parser.parse_args()
    figures = run(args.run, args.out, args.steps, args.lr, args.beams, args.batch_size)
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    (args.out / "quality.json").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
