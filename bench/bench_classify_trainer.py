"""``classify train --method finetune`` vs a tuned ``transformers.Trainer``: length grouping.

The peer is what a user who knows the Trainer well would run: texts tokenized without
padding, ``DataCollatorWithPadding`` (each batch padded to its longest text) and
``train_sampling_strategy="group_by_length"`` (transformers 5's name for the old
``group_by_length=True``: batches of texts of similar length, so little padding). Its
sampler sorts mega-batches longest first, so batches of short texts (mostly one label) come
together; on these reviews that costs accuracy. trtune trains the same way ``classify
train`` does (:func:`trtune.run.fit.fit`, its defaults for the optimiser, sampler and
padding). Same MiniLM-L6 start (seeded head), e-ticaret reviews, 1 epoch, batch 32, learning
rate, warm-up and weight decay; no checkpoints, one evaluation of 32 validation reviews at
the end of the epoch on both sides (trtune's early stopping needs it). Both sides alternate
in rounds (:mod:`rounds`), the fastest round of each side is kept; each side's accuracy on
the same held-out reviews is reported.

ratio = trtune training samples/s / peer training samples/s (target 1.0: at least as fast,
with trtune's accuracy at least the peer's).

    python bench/bench_classify_trainer.py [--quick]
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import torch
from bench_finetune import _accuracy, _classifier, _examples
from benchdata import minilm, reviews
from rounds import alternate
from transformers import DataCollatorWithPadding, Trainer, TrainingArguments

from trtune.data.split import Split
from trtune.run.fit import fit
from trtune.run.models import resolve_model
from trtune.tasks.classify.finetune import EncodedTexts, classifier_job
from trtune.tasks.classify.settings import ClassifySettings

MAX_LENGTH = 128
BATCH = 32
LR = 1e-4
NO_SAVE = {"eval_strategy": "epoch", "save_strategy": "no", "load_best_model_at_end": False}
N_VALIDATION = 32


def _peer(model, tokenizer, train, validation, out: Path) -> float:
    """Training seconds of the grouped Trainer (1 epoch)."""
    args = TrainingArguments(
        output_dir=str(out), num_train_epochs=1, per_device_train_batch_size=BATCH,
        learning_rate=LR, weight_decay=0.01, warmup_steps=0.1, report_to="none", seed=42,
        disable_tqdm=True, use_cpu=True, dataloader_num_workers=0, logging_steps=10**6,
        per_device_eval_batch_size=2 * BATCH, train_sampling_strategy="group_by_length",
        **NO_SAVE,
    )  # fmt: skip
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=EncodedTexts(tokenizer, *train, MAX_LENGTH),
        eval_dataset=EncodedTexts(tokenizer, *validation, MAX_LENGTH),
        data_collator=DataCollatorWithPadding(tokenizer),
        processing_class=tokenizer,
    )
    start = time.perf_counter()
    trainer.train()
    return time.perf_counter() - start


def _ours(settings, model, tokenizer, split, names, out: Path):
    """trtune's run with its defaults, checkpoints off (as the peer)."""
    job = classifier_job(settings, model, tokenizer, split, names)
    job.arguments = dict(NO_SAVE)
    return fit(settings, job, out, False, None)


def run(quick: bool = False) -> dict:
    """Both trainers in alternating rounds from the same start; accuracy of the last round."""
    # quick: 10 steps of 32 a round (the accuracies of so short a run are close to chance)
    n_train, n_test, n_rounds = (320, 128, 2) if quick else (1800, 600, 3)
    source, texts, labels = reviews(n_train + N_VALIDATION + n_test, seed=1)
    names = sorted(set(labels))
    ids = [names.index(label) for label in labels]
    cut = n_train + N_VALIDATION
    train, test = (texts[:n_train], ids[:n_train]), (texts[cut:], ids[cut:])
    validation = (texts[n_train:cut], ids[n_train:cut])
    tokenizer, folder = minilm()
    model_source = resolve_model(str(folder))
    split = Split(_examples(*train, names), _examples(*validation, names), [])
    models: dict[str, torch.nn.Module] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = ClassifySettings(
            data=source, out=tmp, model=str(folder), method="finetune", epochs=1,
            batch_size=BATCH, lr=LR, max_length=MAX_LENGTH, seed=42, patience=1,
        )  # fmt: skip

        def ours() -> float:
            models["trtune"] = _classifier(model_source, tokenizer, names)
            return _ours(settings, models["trtune"], tokenizer, split, names, Path(tmp) / "t")

        def peer() -> float:
            models["peer"] = _classifier(model_source, tokenizer, names)
            return _peer(models["peer"], tokenizer, train, validation, Path(tmp) / "p")

        rounds = alternate(
            {"trtune": ours, "grouped_trainer": peer},
            n=n_rounds,
            label="train",
            seconds_of=lambda side, wall, value: value.train_seconds if side == "trtune" else value,
        )
    accuracy = {side: _accuracy(model, tokenizer, *test) for side, model in models.items()}
    return {
        "name": "classify_vs_grouped_trainer",
        "ratio": rounds.ratio("grouped_trainer", "trtune"),
        "target": 1.0,
        "data": source,
        "train_texts": n_train,
        "test_texts": n_test,
        "epochs": 1,
        "threads": torch.get_num_threads(),
        "trtune_samples_per_second": rounds.rate("trtune", n_train),
        "grouped_trainer_samples_per_second": rounds.rate("grouped_trainer", n_train),
        "trtune_accuracy": round(accuracy["trtune"], 4),
        "grouped_trainer_accuracy": round(accuracy["peer"], 4),
        "rounds": rounds.to_dict(),
        "conditions_met": accuracy["trtune"] >= accuracy["peer"] - 0.005,
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv)))
