"""Full fine-tuning and LoRA of a token classifier: what NER adds to the shared Trainer run
(:func:`trtune.run.fit.fit`).

Sentences are tokenized once without padding (:class:`~trtune.tasks.ner.encode.
TaggedSentences`); :class:`DataCollatorForTokenClassification` pads each batch, labels with
``-100``; the labels follow the input tokens (``token_keys=("labels",)``), so CPU
micro-batches cut them as they cut the inputs. Validation scores entity F1 (seqeval,
strict IOB2) on each word's first sub-word; the best checkpoint and early stopping follow it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from transformers import DataCollatorForTokenClassification

from trtune.infer.kinds import save_preset_base, save_trained
from trtune.run.fit import FitJob, FitResult, fit
from trtune.run.lora import apply_lora
from trtune.run.models import load_model, resolve_model
from trtune.run.processes import is_main_process, shared_tokenizer
from trtune.run.progress import Reporter, silent_if_none
from trtune.run.tokenizer_fold import FOLD_NOTE, folds_dotless_i
from trtune.run.trainer import IGNORE_INDEX
from trtune.tasks.ner.encode import TaggedSentences, require_fast
from trtune.tasks.ner.metrics import entity_metrics
from trtune.tasks.ner.settings import NerSettings
from trtune.tasks.ner.words import join_words


def argmax_logits(logits, labels):
    """``preprocess_logits_for_metrics``: keep the predicted tag ids ``(N, T)``, not the
    ``(N, T, C)`` logits, across the validation set."""
    logits = logits[0] if isinstance(logits, tuple) else logits
    return logits.argmax(dim=-1)


def word_tags(
    predicted: np.ndarray, label_ids: np.ndarray, names: list[str]
) -> tuple[list[list[str]], list[list[str]]]:
    """Gold and predicted tags of the scored positions (each word's first sub-word) of a
    validation set: ``predicted`` and ``label_ids`` are ``(N, T)``, ``-100`` unscored."""
    gold, found = [], []
    for row_predicted, row_labels in zip(predicted, label_ids, strict=True):
        scored = row_labels != IGNORE_INDEX
        gold.append([names[i] for i in row_labels[scored]])
        found.append([names[i] for i in row_predicted[scored]])
    return gold, found


def entity_f1_metric(names: list[str]) -> Callable[..., dict[str, float]]:
    """``compute_metrics`` for the Trainer: entity precision, recall, F1 and token accuracy
    on the validation sentences."""

    def compute(eval_prediction) -> dict[str, float]:
        predicted, label_ids = eval_prediction
        predicted = predicted[0] if isinstance(predicted, tuple) else predicted
        metrics = entity_metrics(*word_tags(np.asarray(predicted), np.asarray(label_ids), names))
        return {k: metrics[k] for k in ("precision", "recall", "f1", "accuracy")}

    return compute


def tagger_job(settings: NerSettings, model, tokenizer, train, validation, names) -> FitJob:
    """The Trainer job of a tagger: datasets, collator, entity F1."""
    label_ids = {name: i for i, name in enumerate(names)}
    train_set = TaggedSentences(
        tokenizer, train, label_ids, settings.max_length, settings.subword_labels == "all"
    )
    # Validation scores each word's first sub-word, whatever the later ones learn.
    val_set = TaggedSentences(tokenizer, validation, label_ids, settings.max_length, False)
    val_set.items.sort(key=lambda item: len(item["input_ids"]))  # dense evaluation batches
    return FitJob(
        model=model,
        tokenizer=tokenizer,
        train_dataset=train_set,
        eval_dataset=val_set,
        collator=DataCollatorForTokenClassification(tokenizer),
        compute_metrics=entity_f1_metric(names),
        best_metric="f1",
        greater_is_better=True,
        line_metric="f1",
        token_keys=("labels",),
        trainer_kwargs={"preprocess_logits_for_metrics": argmax_logits},
    )


def train_tagger(
    settings: NerSettings,
    train,
    validation,
    names: list[str],
    out_dir: Path,
    resume: bool,
    reporter: Reporter | None = None,
    before_training: Callable[[], None] | None = None,
) -> tuple[FitResult, int]:
    """``finetune`` or ``lora``: load the model, train it, save it as its folder kind.

    Returns:
        The run's result and how many training sentences lost words to ``max_length``.
    """
    reporter = silent_if_none(reporter)
    source = resolve_model(settings.model)
    texts = [join_words(list(s.words))[0] for s in train]
    main = is_main_process()
    shown = reporter if main else None  # one spinner, not one per process
    tokenizer = shared_tokenizer(source, texts, out_dir, settings.trust_remote_code, shown)
    require_fast(tokenizer)
    if folds_dotless_i(tokenizer) and main:
        reporter.line(FOLD_NOTE)
    model = load_model(
        source,
        "token-classification",
        tokenizer,
        seed=settings.seed,
        labels=names,
        trust_remote_code=settings.trust_remote_code,
        reporter=shown,
    )
    if main and before_training is not None:
        before_training()
    if settings.method == "lora":
        if source.kind == "preset" and main:
            save_preset_base(model, tokenizer, out_dir)
        model = apply_lora(model, settings, "ner")
    job = tagger_job(settings, model, tokenizer, train, validation, names)
    result = fit(settings, job, out_dir, resume, reporter)
    if result.is_main_process:
        save_trained(result.model, tokenizer, out_dir, settings.merge, source)
    return result, job.train_dataset.truncated
