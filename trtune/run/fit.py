"""One Trainer run for every Trainer-based task: arguments, callbacks, resume, interrupts.

A task builds a :class:`FitJob` (its model, datasets, collator and metric) and calls
:func:`fit`. Evaluation and checkpoints happen every epoch; the best checkpoint (by the
job's metric) is loaded at the end; early stopping watches the same metric. Mixed precision
follows ``--precision`` (:func:`precision_flags`); attention dropout ``--attention-dropout``
(:mod:`trtune.run.attention`). ``accelerate launch``
spreads the run over several processes (the Trainer reads its environment). Ctrl-C or
SIGTERM stops the run with one line naming the step; the checkpoints stay for ``--resume``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from transformers import (
    EarlyStoppingCallback,
    PreTrainedModel,
    PrinterCallback,
    TrainingArguments,
)

from trtune.errors import Interrupted, Terminated
from trtune.i18n import say
from trtune.run.attention import apply_attention_dropout
from trtune.run.callbacks import ProgressCallback, TrainAccuracyCallback
from trtune.run.messages import MESSAGES
from trtune.run.outdir import CHECKPOINT_DIR, latest_checkpoint
from trtune.run.progress import Reporter, silent_if_none
from trtune.run.settings import TrainSettings
from trtune.run.trainer import TrtuneTrainer


@dataclass
class FitJob:
    """What a task hands the shared Trainer run.

    Attributes:
        model: the model with its head (already LoRA-wrapped for ``lora``).
        tokenizer: its tokenizer (saved with checkpoints).
        train_dataset, eval_dataset: torch datasets of model inputs.
        collator: pads a list of dataset items into a batch.
        compute_metrics: ``EvalPrediction -> {name: value}`` on the validation part.
        best_metric: the metric that picks the best checkpoint and stops early (``loss``
            or a key of ``compute_metrics``).
        greater_is_better: whether a higher ``best_metric`` is better.
        line_metric: the metric shown in the line after each evaluation.
        compute_loss_func: a custom loss (e.g. class weights).
        token_keys: batch keys that follow the input tokens (``("labels",)`` for token
            classification), so micro-batches cut them as they cut the inputs.
        trainer_class: :class:`TrtuneTrainer` or a subclass (seq2seq generation).
        arguments: extra ``TrainingArguments`` for the task.
        trainer_kwargs: extra keyword arguments of the trainer class.
    """

    model: PreTrainedModel
    tokenizer: Any
    train_dataset: Any
    eval_dataset: Any
    collator: Callable
    compute_metrics: Callable | None = None
    best_metric: str = "loss"
    greater_is_better: bool = False
    line_metric: str = "accuracy"
    compute_loss_func: Callable | None = None
    token_keys: tuple[str, ...] = ()
    trainer_class: type = TrtuneTrainer
    arguments: dict[str, Any] = field(default_factory=dict)
    trainer_kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass
class FitResult:
    """What a Trainer run produced."""

    model: PreTrainedModel
    history: dict[str, list[float]] = field(default_factory=dict)
    train_seconds: float = 0.0
    steps: int = 0
    is_main_process: bool = True
    resumed_from: str | None = None


def precision_flags(precision: str = "auto") -> dict[str, bool]:
    """The Trainer's mixed-precision flags for ``--precision`` (autocast over float32 weights).

    ``auto``: on a GPU, bf16 where it has it, else fp16; on a CPU, float32. bfloat16
    autocast on a CPU is there when asked for (``--precision bfloat16``): on the Zen 4 EPYC
    measured (AVX-512 BF16, no AMX) a MiniLM training step on 384-token windows was no
    faster with it (19.1 s against 19.8 s, fastest of 5 alternating rounds, 2 loaded cores,
    2026-12-02): casting weights and activations took a fifth of the step and ate the
    faster matrix products (see docs/qa.md).
    """
    if precision == "float32":
        return {"bf16": False, "fp16": False}
    if torch.cuda.is_available():
        bf16 = torch.cuda.is_bf16_supported() or precision == "bfloat16"
        return {"bf16": bf16, "fp16": not bf16}
    return {"bf16": precision == "bfloat16", "fp16": False}


def training_arguments(
    settings: TrainSettings, out_dir: Path, n_train: int, job: FitJob
) -> TrainingArguments:
    """The :class:`TrainingArguments` of a run (names checked against transformers 5)."""
    steps_per_epoch = max(1, -(-n_train // settings.batch_size))
    kwargs = dict(
        output_dir=str(out_dir / CHECKPOINT_DIR),
        num_train_epochs=settings.epochs,
        max_steps=settings.max_steps or -1,
        per_device_train_batch_size=settings.batch_size,
        per_device_eval_batch_size=settings.batch_size * 2,
        learning_rate=settings.lr,
        weight_decay=settings.weight_decay,
        warmup_steps=settings.warmup_ratio,  # below 1: a share of the steps
        eval_strategy="epoch",
        save_strategy="epoch",
        logging_strategy="steps",
        logging_steps=max(1, steps_per_epoch // 10),
        logging_nan_inf_filter=False,
        load_best_model_at_end=True,
        metric_for_best_model=job.best_metric,
        greater_is_better=job.greater_is_better,
        save_total_limit=2,
        report_to="none",
        seed=settings.seed,
        disable_tqdm=True,
        use_cpu=not torch.cuda.is_available(),
        dataloader_num_workers=0,
        # Losses here are means over examples or tokens: the Trainer's token averaging would
        # multiply them (and their gradients) by the number of processes.
        average_tokens_across_devices=False,
        **precision_flags(settings.precision),
    )
    kwargs.update(job.arguments)
    return TrainingArguments(**kwargs)


def history_from_log(log_history: list[dict]) -> dict[str, list[float]]:
    """Per-epoch curves from the Trainer's log history: ``train_loss``, ``train_accuracy``,
    ``val_loss``, ``val_<metric>`` for every evaluated metric, and ``step_loss``."""
    history: dict[str, list[float]] = {
        "train_loss": [],
        "train_accuracy": [],
        "val_loss": [],
        "step_loss": [],
    }
    epoch_losses: dict[int, list[float]] = {}
    for entry in log_history:
        if "loss" in entry and "epoch" in entry:
            history["step_loss"].append(float(entry["loss"]))
            epoch_losses.setdefault(int(np.ceil(entry["epoch"] - 1e-9)), []).append(entry["loss"])
        if "eval_loss" in entry:
            for key, value in entry.items():
                if key.startswith("eval_") and isinstance(value, (int, float)):
                    name = "val_" + key[len("eval_") :]
                    if not name.endswith(("_runtime", "_per_second")):
                        history.setdefault(name, []).append(float(value))
        if "trainfit_accuracy" in entry:
            history["train_accuracy"].append(float(entry["trainfit_accuracy"]))
    history["train_loss"] = [float(np.mean(v)) for _, v in sorted(epoch_losses.items())]
    return history


def resume_checkpoint(out_dir: Path, resume: bool, reporter: Reporter) -> Path | None:
    """The checkpoint ``--resume`` continues from; says so when there is none."""
    if not resume:
        return None
    checkpoint = latest_checkpoint(out_dir / CHECKPOINT_DIR)
    if checkpoint is None:
        reporter.line(say(MESSAGES, "no_checkpoint", reporter.lang, folder=out_dir))
    return checkpoint


def fit(
    settings: TrainSettings,
    job: FitJob,
    out_dir: Path,
    resume: bool = False,
    reporter: Reporter | None = None,
) -> FitResult:
    """Train ``job.model`` with :class:`TrtuneTrainer`; checkpoints go to
    ``out_dir/checkpoints``.

    Raises:
        NumericalFault: a training loss became NaN or infinite.
        Interrupted: Ctrl-C or SIGTERM; the checkpoints written so far stay.
    """
    reporter = silent_if_none(reporter)
    train_accuracy = TrainAccuracyCallback()
    trainer = job.trainer_class(
        model=job.model,
        args=training_arguments(settings, out_dir, len(job.train_dataset), job),
        data_collator=job.collator,
        train_dataset=job.train_dataset,
        eval_dataset=job.eval_dataset,
        processing_class=job.tokenizer,
        compute_metrics=job.compute_metrics,
        compute_loss_func=job.compute_loss_func,
        callbacks=[
            train_accuracy,
            ProgressCallback(reporter, settings.epochs, job.line_metric),
            EarlyStoppingCallback(early_stopping_patience=settings.patience),
        ],
        **job.trainer_kwargs,
    )
    trainer.token_keys = job.token_keys
    apply_attention_dropout(trainer.model, settings, trainer.args.device)
    train_accuracy.trainer = trainer
    trainer.remove_callback(PrinterCallback)  # ProgressCallback prints instead
    checkpoint = resume_checkpoint(out_dir, resume, reporter)
    start = time.perf_counter()
    try:
        output = trainer.train(resume_from_checkpoint=str(checkpoint) if checkpoint else None)
    except KeyboardInterrupt as exc:
        kept = latest_checkpoint(out_dir / CHECKPOINT_DIR)
        where = f"last checkpoint kept: {kept}" if kept else "no checkpoint saved yet"
        raise Interrupted(
            f"interrupted at step {trainer.state.global_step} ({where}); continue with --resume",
            terminated=isinstance(exc, Terminated),
        ) from None
    return FitResult(
        model=trainer.model,
        history=history_from_log(trainer.state.log_history),
        train_seconds=time.perf_counter() - start,
        steps=int(output.global_step),
        is_main_process=trainer.is_world_process_zero(),
        resumed_from=str(checkpoint) if checkpoint else None,
    )
