"""Full fine-tuning and LoRA of a sequence classifier: what the classifier adds to the shared
Trainer run (:func:`trtune.run.fit.fit`).

Texts are tokenized once without padding; :class:`DataCollatorWithPadding` pads each batch
to its longest text, and :class:`~trtune.run.trainer.TrtuneTrainer` pads less still (on one
CPU process it cuts each shuffled batch into length-sorted micro-batches, same gradient; on
GPUs and several processes it batches texts of similar length together). Validation texts
are sorted by length (their order does not change the metrics). The best checkpoint is the
one with the lowest validation loss: ties in accuracy are common on small sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from transformers import DataCollatorWithPadding, PreTrainedTokenizerBase

from trtune.data import Split
from trtune.infer.kinds import save_preset_base, save_trained
from trtune.run.fit import FitJob, FitResult, fit
from trtune.run.lora import apply_lora
from trtune.run.models import load_model, resolve_model
from trtune.run.processes import is_main_process, shared_tokenizer
from trtune.run.progress import Reporter, silent_if_none
from trtune.run.tokenizer_fold import FOLD_NOTE, folds_dotless_i
from trtune.run.trainer import TrtuneTrainer
from trtune.tasks.classify.settings import ClassifySettings, class_weights


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


def accuracy_metric(eval_prediction) -> dict[str, float]:
    """``compute_metrics`` for the Trainer: accuracy of the argmax."""
    logits, labels = eval_prediction
    logits = logits[0] if isinstance(logits, tuple) else logits
    return {"accuracy": float((np.argmax(logits, axis=-1) == labels).mean())}


def texts_and_ids(examples, labels: list[str]) -> tuple[list[str], list[int]]:
    """The texts of ``examples`` and their label indices in ``labels``."""
    index = {label: i for i, label in enumerate(labels)}
    return [e.text for e in examples], [index[e.label] for e in examples]


def classifier_job(
    settings: ClassifySettings, model, tokenizer, split: Split, labels: list[str]
) -> FitJob:
    """The Trainer job of a classifier: datasets, collator, accuracy, class weights."""
    train_texts, train_ids = texts_and_ids(split.train, labels)
    train_set = EncodedTexts(tokenizer, train_texts, train_ids, settings.max_length)
    val_set = EncodedTexts(tokenizer, *texts_and_ids(split.validation, labels), settings.max_length)
    val_set.items.sort(key=lambda item: len(item["input_ids"]))  # dense evaluation batches
    weights = class_weights(settings.class_weight, train_ids, len(labels))
    return FitJob(
        model=model,
        tokenizer=tokenizer,
        train_dataset=train_set,
        eval_dataset=val_set,
        collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=accuracy_metric,
        compute_loss_func=None if weights is None else TrtuneTrainer.weighted_loss(weights),
    )


def train_transformer_classifier(
    settings: ClassifySettings,
    split: Split,
    labels: list[str],
    out_dir: Path,
    resume: bool,
    reporter: Reporter | None = None,
    before_training=None,
) -> FitResult:
    """``finetune`` or ``lora``: load the model, train it, save it as its folder kind.

    Args:
        before_training: called on the main process once the model has loaded (the
            caller records the split there: a failed start leaves the folder empty).
    """
    reporter = silent_if_none(reporter)
    source = resolve_model(settings.model)
    main = is_main_process()
    shown = reporter if main else None  # one spinner, not one per process
    texts = [e.text for e in split.train]
    tokenizer = shared_tokenizer(source, texts, out_dir, settings.trust_remote_code, shown)
    if folds_dotless_i(tokenizer) and main:
        reporter.line(FOLD_NOTE)
    model = load_model(
        source,
        "sequence-classification",
        tokenizer,
        seed=settings.seed,
        labels=labels,
        trust_remote_code=settings.trust_remote_code,
        reporter=shown,
    )
    if main and before_training is not None:
        before_training()
    if settings.method == "lora":
        if source.kind == "preset" and main:
            save_preset_base(model, tokenizer, out_dir)
        model = apply_lora(model, settings, "classify")
    result = fit(
        settings,
        classifier_job(settings, model, tokenizer, split, labels),
        out_dir,
        resume,
        reporter,
    )
    if result.is_main_process:
        save_trained(result.model, tokenizer, out_dir, settings.merge, source)
    return result
