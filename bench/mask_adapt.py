"""Does adapting MiniLM to e-ticaret reviews (masked-LM training) help the classifier?

The protocol (issue 24, part 2), reduced to fit two shared CPU cores:

1. Split ``eticaret_urun_yorumlari.csv`` as ``classify train`` does (stratified 75/25,
   ``--split-seed``): the training part and the test part. Nothing below reads a test text
   except the final scoring.
2. Adapt: ``mask train --model MiniLM --method full`` on ``--adapt-texts`` texts sampled from
   the training part (their labels unused), default settings otherwise (5 % of them for the
   validation perplexity).
3. Classify: ``classify train --method finetune`` on ``--train-texts`` labelled texts sampled
   from the training part (stratified), scored on ``--test-texts`` texts sampled from the test
   part (``--test-data``), once from plain MiniLM and once from the adapted folder, with the
   same seed, for every seed of ``--seeds``.

Every run is written under ``--out`` and skipped when its ``metrics.json`` exists, so the
script can be stopped and started again. One JSON line per run goes to
``--out/results.jsonl``; the summary (mean and spread per arm, the paired difference per
seed) is printed and written to ``--out/summary.json``.

    python bench/mask_adapt.py --out runs/mask_adapt [--seeds 42,43,44]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

from benchdata import ETICARET  # noqa: E402

LABEL_MAP = "0=negative,1=positive,2=neutral"


def _parts(split_seed: int):
    """The training and test parts of e-ticaret, split as ``classify train`` splits them."""
    from trtune.data import load_labeled, parse_label_map, stratified_split

    data = load_labeled(ETICARET, label_map=parse_label_map(LABEL_MAP))
    split = stratified_split(data.examples, 0.25, 0.0, split_seed)
    return split.train + split.validation, split.test


def _sample(examples, n: int, seed: int):
    """``n`` examples, stratified by label (proportions kept), in a seeded order."""
    by_label: dict[str, list] = {}
    for e in examples:
        by_label.setdefault(e.label, []).append(e)
    rng = random.Random(seed)
    chosen = []
    for _, items in sorted(by_label.items()):
        rng.shuffle(items)
        chosen += items[: round(n * len(items) / len(examples))]
    rng.shuffle(chosen)
    return chosen


def _write_csv(path: Path, examples) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        writer.writerows((e.text, e.label) for e in examples)
    return path


def prepare_files(out: Path, args) -> dict[str, Path]:
    """The three data files: adaptation texts, classifier training texts, test texts."""
    train_part, test_part = _parts(args.split_seed)
    files = {
        "adapt": out / "data" / "adapt.txt",
        "train": out / "data" / "train.csv",
        "test": out / "data" / "test.csv",
    }
    if not files["adapt"].is_file():
        adapt = _sample(train_part, args.adapt_texts, 1)
        files["adapt"].parent.mkdir(parents=True, exist_ok=True)
        files["adapt"].write_text("\n".join(e.text for e in adapt) + "\n", encoding="utf-8")
        _write_csv(files["train"], _sample(train_part, args.train_texts, 2))
        _write_csv(files["test"], _sample(test_part, args.test_texts, 3))
    return files


def _record(out: Path, entry: dict) -> None:
    with (out / "results.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(json.dumps(entry, ensure_ascii=False), flush=True)


def adapt(out: Path, files: dict[str, Path], args, reporter) -> Path:
    """The MiniLM folder adapted on the training-part texts."""
    from trtune.run.models import minilm_path
    from trtune.tasks.mask.settings import MaskSettings
    from trtune.tasks.mask.train import train_masked_lm

    folder = out / "adapted"
    if not (folder / "metrics.json").is_file():
        start = time.perf_counter()
        settings = MaskSettings(
            data=[str(files["adapt"])],
            model=str(minilm_path()),
            out=str(folder),
            method="full",
            epochs=args.adapt_epochs,
            validation_size=0.05,
            seed=42,
            fill_probes=300,
        )
        train_masked_lm(settings, overwrite=True, reporter=reporter)
        metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
        _record(
            out,
            {
                "run": "adapt",
                "seconds": round(time.perf_counter() - start),
                **{k: metrics[k] for k in ("perplexity_before", "perplexity_after", "chance")},
                "fill_top5_before": metrics["before"]["fill_top5"],
                "fill_top5_after": metrics["fill_top5"],
                "fill_top1_after": metrics["fill_top1"],
                "baseline": metrics["baseline"],
                "fill_probes": metrics["fill_probes"],
            },
        )
    return folder


def classify(out: Path, files: dict[str, Path], arm: str, model: str, seed: int, reporter):
    """One ``classify train --method finetune`` run (skipped when done)."""
    from trtune.tasks.classify.settings import ClassifySettings
    from trtune.tasks.classify.train import train_classifier

    folder = out / f"classify-{arm}-{seed}"
    if (folder / "metrics.json").is_file():
        return
    start = time.perf_counter()
    settings = ClassifySettings(
        data=[str(files["train"])],
        test_data=str(files["test"]),
        model=model,
        method="finetune",
        out=str(folder),
        seed=seed,
    )
    result = train_classifier(settings, overwrite=True, reporter=reporter)
    history = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))["history"]
    _record(
        out,
        {
            "run": "classify",
            "arm": arm,
            "seed": seed,
            "seconds": round(time.perf_counter() - start),
            "accuracy": result.metrics["accuracy"],
            "macro_f1": result.metrics["macro_f1"],
            "best_val_accuracy": max(history.get("val_accuracy", [0.0])),
            "tfidf_accuracy": result.baseline["accuracy"],
            "tfidf_macro_f1": result.baseline["macro_f1"],
        },
    )


def summarise(out: Path) -> dict:
    """Mean and spread per arm, and the paired difference (adapted - plain) per seed."""
    runs = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    arms: dict[str, dict[int, dict]] = {}
    for run in runs:
        if run["run"] == "classify":
            arms.setdefault(run["arm"], {})[run["seed"]] = run
    summary: dict = {"adapt": next((r for r in runs if r["run"] == "adapt"), None)}
    for arm, by_seed in arms.items():
        for key in ("accuracy", "macro_f1", "best_val_accuracy"):
            values = [r[key] for r in by_seed.values()]
            summary.setdefault(arm, {})[key] = {
                "mean": statistics.mean(values),
                "stdev": statistics.stdev(values) if len(values) > 1 else 0.0,
                "n": len(values),
            }
    paired = sorted(set(arms.get("plain", {})) & set(arms.get("adapted", {})))
    summary["paired"] = {
        str(seed): {
            key: arms["adapted"][seed][key] - arms["plain"][seed][key]
            for key in ("accuracy", "macro_f1", "best_val_accuracy")
        }
        for seed in paired
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("runs/mask_adapt"))
    parser.add_argument("--seeds", default="42,43,44")
    parser.add_argument("--split-seed", type=int, default=42)
    parser.add_argument("--adapt-texts", type=int, default=4000)
    parser.add_argument("--adapt-epochs", type=float, default=1.0)
    parser.add_argument("--train-texts", type=int, default=1000)
    parser.add_argument("--test-texts", type=int, default=1000)
    args = parser.parse_args()
    from rich.console import Console

    from trtune.run.models import minilm_path
    from trtune.run.progress import Reporter

    reporter = Reporter(Console(stderr=True), plain_every=60)
    args.out.mkdir(parents=True, exist_ok=True)
    files = prepare_files(args.out, args)
    adapted = adapt(args.out, files, args, reporter)
    for seed in (int(s) for s in args.seeds.split(",")):
        classify(args.out, files, "plain", str(minilm_path()), seed, reporter)
        classify(args.out, files, "adapted", str(adapted), seed, reporter)
        print(json.dumps(summarise(args.out), indent=2), flush=True)


if __name__ == "__main__":
    main()
