"""Full fine-tuning and LoRA of a sequence classifier on :class:`transformers.Trainer`.

Texts are tokenized once without padding; :class:`DataCollatorWithPadding` pads each batch
to its longest text. :class:`~trtune.train.guard.NanGuardTrainer` then pads less: on one CPU
process it cuts each shuffled batch into length-sorted micro-batches (same gradient), on GPUs
and several processes it batches texts of similar length together
(:class:`~trtune.train.sampler.ShuffledLengthGroupedSampler`). Validation texts are sorted
by length (their order does not change the metrics).
Evaluation and checkpoints happen every epoch; the best checkpoint (by validation loss) is
loaded at the end; early stopping watches the same metric. Mixed precision is switched on
automatically on a GPU (bf16 where supported, else fp16). Multi-process training works
through ``accelerate launch`` (the Trainer reads its env).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from transformers import (
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    PreTrainedModel,
    PreTrainedTokenizerBase,
    PrinterCallback,
    TrainingArguments,
)

from trtune.classify.settings import ClassifySettings, class_weights
from trtune.train.callbacks import EpochLineCallback, TrainAccuracyCallback
from trtune.train.guard import NanGuardTrainer
from trtune.train.outdir import CHECKPOINT_DIR, latest_checkpoint


class EncodedTexts(torch.utils.data.Dataset):
    """Tokenized texts (unpadded) with their class indices."""

    def __init__(
        self,
        tokenizer: PreTrainedTokenizerBase,
        texts: Sequence[str],
        label_ids: Sequence[int],
        max_length: int,
    ):
        encoded = tokenizer(list(texts), truncation=True, max_length=max_length)
        self.items = [
            {"input_ids": ids, "attention_mask": mask, "labels": int(label)}
            for ids, mask, label in zip(
                encoded["input_ids"], encoded["attention_mask"], label_ids, strict=True
            )
        ]

    def __len__(self) -> int:
        return len(self.items)

    @property
    def lengths(self) -> list[int]:
        """Tokens per text: the trainer's sampler batches similar lengths together."""
        return [len(item["input_ids"]) for item in self.items]

    @property
    def label_ids(self) -> list[int]:
        """Class per text: the sampler keeps each batch's label mix."""
        return [item["labels"] for item in self.items]

    def __getitem__(self, index: int) -> dict:
        return self.items[index]


@dataclass
class FinetuneResult:
    """What a Trainer run produced."""

    model: PreTrainedModel
    history: dict[str, list[float]] = field(default_factory=dict)
    train_seconds: float = 0.0
    steps: int = 0
    is_main_process: bool = True
    resumed_from: str | None = None


def accuracy_metric(eval_prediction) -> dict[str, float]:
    """``compute_metrics`` for the Trainer: accuracy of the argmax."""
    logits, labels = eval_prediction
    logits = logits[0] if isinstance(logits, tuple) else logits
    return {"accuracy": float((np.argmax(logits, axis=-1) == labels).mean())}


def _precision_flags() -> dict[str, bool]:
    if not torch.cuda.is_available():
        return {"bf16": False, "fp16": False}
    bf16 = torch.cuda.is_bf16_supported()
    return {"bf16": bf16, "fp16": not bf16}


def training_arguments(
    settings: ClassifySettings, out_dir: Path, n_train: int
) -> TrainingArguments:
    """The :class:`TrainingArguments` of a run (names checked against transformers 5)."""
    steps_per_epoch = max(1, -(-n_train // settings.batch_size))
    kwargs = dict(
        output_dir=str(out_dir / CHECKPOINT_DIR),
        num_train_epochs=settings.epochs,
        per_device_train_batch_size=settings.batch_size,
        per_device_eval_batch_size=settings.batch_size * 2,
        learning_rate=settings.lr,
        weight_decay=settings.weight_decay,
        warmup_steps=settings.warmup_ratio,
        eval_strategy="epoch",
        save_strategy="epoch",
        logging_strategy="steps",
        logging_steps=max(1, steps_per_epoch // 10),
        logging_nan_inf_filter=False,
        load_best_model_at_end=True,
        metric_for_best_model="loss",  # ties in accuracy are common on small sets
        greater_is_better=False,
        save_total_limit=2,
        report_to="none",
        seed=settings.seed,
        disable_tqdm=True,
        use_cpu=not torch.cuda.is_available(),
        dataloader_num_workers=0,
        # The classifier's loss is a mean over examples, not a sum over tokens: the Trainer's
        # token averaging would multiply it (and its gradient) by the number of processes.
        average_tokens_across_devices=False,
        **_precision_flags(),
    )
    # Less padding comes from NanGuardTrainer (EncodedTexts has ``lengths``).
    return TrainingArguments(**kwargs)


def _history(log_history: list[dict]) -> dict[str, list[float]]:
    """Per-epoch curves from the Trainer's log history."""
    history: dict[str, list[float]] = {
        "train_loss": [],
        "train_accuracy": [],
        "val_loss": [],
        "val_accuracy": [],
        "step_loss": [],
    }
    epoch_losses: dict[int, list[float]] = {}
    for entry in log_history:
        if "loss" in entry and "epoch" in entry:
            history["step_loss"].append(float(entry["loss"]))
            epoch_losses.setdefault(int(np.ceil(entry["epoch"] - 1e-9)), []).append(entry["loss"])
        if "eval_loss" in entry:
            history["val_loss"].append(float(entry["eval_loss"]))
            history["val_accuracy"].append(float(entry.get("eval_accuracy", float("nan"))))
        if "trainfit_accuracy" in entry:
            history["train_accuracy"].append(float(entry["trainfit_accuracy"]))
    history["train_loss"] = [float(np.mean(v)) for _, v in sorted(epoch_losses.items())]
    return history


def apply_lora(model: PreTrainedModel, settings: ClassifySettings) -> PreTrainedModel:
    """Wrap ``model`` with LoRA adapters (the classification layer stays fully trained)."""
    from peft import LoraConfig, TaskType, get_peft_model

    config = LoraConfig(
        task_type=TaskType.SEQ_CLS,
        r=settings.lora_rank,
        lora_alpha=settings.lora_alpha,
        lora_dropout=settings.lora_dropout,
        target_modules=list(settings.lora_target_modules),
    )
    return get_peft_model(model, config)


def run_trainer(
    settings: ClassifySettings,
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    train: tuple[Sequence[str], Sequence[int]],
    validation: tuple[Sequence[str], Sequence[int]],
    out_dir: Path,
    resume: bool = False,
) -> FinetuneResult:
    """Fine-tune ``model`` (full or LoRA-wrapped) with the Trainer; checkpoints go to
    ``out_dir/checkpoints``.

    Args:
        settings: the run's settings.
        model: the classifier (already LoRA-wrapped for ``lora``).
        tokenizer: its tokenizer.
        train, validation: ``(texts, label ids)``.
        out_dir: the output folder.
        resume: continue from the latest checkpoint in ``out_dir/checkpoints`` if any.

    Raises:
        NumericalFault: a training loss became NaN or infinite.
    """
    train_set = EncodedTexts(tokenizer, train[0], train[1], settings.max_length)
    val_set = EncodedTexts(tokenizer, validation[0], validation[1], settings.max_length)
    val_set.items.sort(key=lambda item: len(item["input_ids"]))  # dense evaluation batches
    train_accuracy = TrainAccuracyCallback()
    weights = class_weights(settings.class_weight, train[1], len(model.config.id2label))
    trainer = NanGuardTrainer(
        model=model,
        args=training_arguments(settings, out_dir, len(train_set)),
        data_collator=DataCollatorWithPadding(tokenizer),
        train_dataset=train_set,
        eval_dataset=val_set,
        processing_class=tokenizer,
        compute_metrics=accuracy_metric,
        compute_loss_func=None if weights is None else NanGuardTrainer.weighted_loss(weights),
        callbacks=[
            train_accuracy,
            EpochLineCallback(settings.epochs),
            EarlyStoppingCallback(early_stopping_patience=settings.patience),
        ],
    )
    train_accuracy.trainer = trainer
    trainer.remove_callback(PrinterCallback)  # EpochLineCallback prints one line per epoch
    checkpoint = latest_checkpoint(out_dir / CHECKPOINT_DIR) if resume else None
    start = time.perf_counter()
    output = trainer.train(resume_from_checkpoint=str(checkpoint) if checkpoint else None)
    seconds = time.perf_counter() - start
    return FinetuneResult(
        model=trainer.model,
        history=_history(trainer.state.log_history),
        train_seconds=seconds,
        steps=int(output.global_step),
        is_main_process=trainer.is_world_process_zero(),
        resumed_from=str(checkpoint) if checkpoint else None,
    )
