"""Quality run: MiniLM (the pretrained stand-in) fine-tuned on TQuAD train, scored once on
TQuAD dev, beside the word-overlap baseline (issue 22, item 7).

Everything is chosen on the training file: the validation part (whole contexts, seeded)
picks the checkpoint and the baseline's span length; ``tquad_dev.json`` is the test part,
scored once at the end. The CPU budget is stated in the arguments (window length, steps);
on a GPU drop ``--max-steps`` for the default two epochs.

    python bench/qa_tquad.py --out runs/qa-tquad [--max-steps 200] [--max-length 256]

Writes the run folder (metrics.json, report.html, predictions.jsonl) and prints one JSON
line with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "lm"


def _evaluate_every(steps: int) -> None:
    """Validation (and a checkpoint) every ``steps`` steps instead of once per epoch: the
    learning curve of a run shorter than an epoch. A bench-only change of the job."""
    from trtune.tasks.qa import finetune

    plain_job = finetune.qa_job

    def job(*args, **kwargs):
        made = plain_job(*args, **kwargs)
        made.arguments = {
            **made.arguments,
            "eval_strategy": "steps",
            "eval_steps": steps,
            "save_strategy": "steps",
            "save_steps": steps,
        }
        return made

    finetune.qa_job = job


def main() -> None:
    from rich.console import Console

    from trtune.run.models import minilm_path
    from trtune.run.progress import Reporter
    from trtune.tasks.qa.settings import QaSettings
    from trtune.tasks.qa.train import train_qa

    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="runs/qa-tquad")
    parser.add_argument("--data-dir", default=str(SHARED))
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--max-length", type=int, default=None)
    parser.add_argument("--doc-stride", type=int, default=None)
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--validation-size", type=float, default=None)
    parser.add_argument("--null-windows", type=float, default=None)
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--warmup-ratio", type=float, default=None)
    parser.add_argument(
        "--eval-steps", type=int, default=None, help="validation every N steps (a learning curve)"
    )
    args = parser.parse_args()
    settings = QaSettings(
        data=[str(Path(args.data_dir) / "tquad_train.json")],
        test_data=str(Path(args.data_dir) / "tquad_dev.json"),
        model=str(minilm_path()),
        method="finetune",
        out=args.out,
        max_steps=args.max_steps,
        max_length=args.max_length,
        doc_stride=args.doc_stride,
        lr=args.lr,
        validation_size=args.validation_size,
        null_windows=args.null_windows,
        batch_size=args.batch_size,
        warmup_ratio=args.warmup_ratio,
    )
    if args.eval_steps:
        _evaluate_every(args.eval_steps)
    start = time.perf_counter()
    result = train_qa(settings, overwrite=True, reporter=Reporter(Console(stderr=True)))
    figures = {
        "model": {k: result.metrics[k] for k in ("exact_match", "f1", "squad", "n")},
        "baseline": {k: result.baseline[k] for k in ("exact_match", "f1", "squad", "n")},
        "f1_margin_points": round(result.metrics["f1"] - result.baseline["f1"], 2),
        "seconds": round(time.perf_counter() - start, 1),
        "validation_f1": json.loads((Path(args.out) / "metrics.json").read_text())["history"].get(
            "val_f1"
        ),
        "settings": {k: v for k, v in settings.to_dict().items() if v is not None},
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
