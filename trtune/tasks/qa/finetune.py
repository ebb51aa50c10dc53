"""Full fine-tuning and LoRA of an extractive QA model: what QA adds to the shared Trainer
run (:func:`trtune.run.fit.fit`).

Training windows point at the answer's first and last tokens (or ``[CLS]``); the Trainer
pads each batch, and on one CPU process cuts it into length-sorted micro-batches
(``start_positions``/``end_positions`` are one per row). The loss leaves padding out of
the softmax (:class:`QaTrainer`), so a window's loss does not depend on its batch and the
micro-batches give the whole batch's gradient. Validation windows keep their offsets:
after each epoch their logits go through the same span search as prediction
(:func:`trtune.infer.qa.answers_from_logits`), and the questions' exact match and F1 pick
the best checkpoint and stop the run early.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import torch
from transformers import DataCollatorWithPadding, Trainer

from trtune.infer.kinds import save_preset_base, save_trained
from trtune.infer.qa import answers_from_logits
from trtune.run.fit import FitJob, FitResult, fit
from trtune.run.lora import apply_lora
from trtune.run.models import load_model, resolve_model
from trtune.run.processes import is_main_process, shared_tokenizer
from trtune.run.progress import Reporter, silent_if_none
from trtune.run.tokenizer_fold import FOLD_NOTE, folds_dotless_i
from trtune.run.trainer import TrtuneTrainer
from trtune.tasks.qa.examples import QaExample, QaSplit
from trtune.tasks.qa.metrics import qa_scores
from trtune.tasks.qa.settings import QaSettings
from trtune.tasks.qa.windows import Windows, encode_windows, long_questions, thin_null_windows

POSITION_KEYS = ("start_positions", "end_positions")


class _SpanLossOverTokens(Trainer):
    """The span loss with padding left out of both softmaxes.

    ``*ForQuestionAnswering`` models put padding positions into their start/end softmax, so
    their loss depends on how far a batch was padded. Here padded positions get the lowest
    logit: a window's loss is the same in any batch, and the micro-batches of
    :class:`~trtune.run.trainer.TrtuneTrainer` give exactly the whole batch's loss.
    """

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):  # noqa: D102
        if inputs.get("start_positions") is None or inputs.get("attention_mask") is None:
            return super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
        targets = [inputs[k] for k in ("start_positions", "end_positions")]  # (B,) each
        outputs = model(**{k: v for k, v in inputs.items() if k not in POSITION_KEYS})
        padding = inputs["attention_mask"] == 0  # (B, T)
        loss = 0.0
        for logits, target in zip((outputs.start_logits, outputs.end_logits), targets, strict=True):
            logits = logits.float().masked_fill(padding, torch.finfo(torch.float32).min)
            loss = loss + torch.nn.functional.cross_entropy(logits, target) / 2
        return (loss, outputs) if return_outputs else loss


class QaTrainer(TrtuneTrainer, _SpanLossOverTokens):
    """:class:`TrtuneTrainer` (NaN guard, micro-batches) with the padding-free span loss."""


class WindowDataset(torch.utils.data.Dataset):
    """Windows as model inputs with their start and end positions."""

    def __init__(self, windows: Windows, input_names: Sequence[str]):
        self.windows = windows
        self.names = [n for n in input_names if hasattr(windows, n)]

    def __len__(self) -> int:
        return len(self.windows)

    @property
    def lengths(self) -> list[int]:
        """Tokens per window: the GPU sampler batches similar lengths together."""
        return self.windows.lengths

    def __getitem__(self, index: int) -> dict:
        item = {n: getattr(self.windows, n)[index] for n in self.names}
        item["start_positions"] = self.windows.start_positions[index]
        item["end_positions"] = self.windows.end_positions[index]
        return item


def training_answer(example: QaExample) -> tuple[int, int] | None:
    """The characters of the answer a question trains on: its first reference."""
    if example.impossible:
        return None
    return example.answers[0].start, example.answers[0].end


def encode_examples(tokenizer, examples: Sequence[QaExample], settings: QaSettings) -> Windows:
    """The windows of ``examples`` with their training targets."""
    return encode_windows(
        tokenizer,
        [e.question for e in examples],
        [e.context for e in examples],
        settings.max_length,
        settings.doc_stride,
        [training_answer(e) for e in examples],
    )


def validation_metric(
    windows: Windows, examples: Sequence[QaExample], settings: QaSettings
) -> Callable:
    """``compute_metrics`` for the Trainer: exact match and F1 of the validation questions
    from the logits of all their windows (an unanswerable question may get ``""``)."""
    contexts = [e.context for e in examples]
    references = [[a.text for a in e.answers] for e in examples]
    threshold = 0.0 if any(e.impossible for e in examples) else None

    def compute(eval_prediction) -> dict[str, float]:
        start_logits, end_logits = eval_prediction.predictions[:2]  # (W, T) each
        answers = answers_from_logits(
            windows,
            np.asarray(start_logits),
            np.asarray(end_logits),
            contexts,
            settings.max_answer_length,
            settings.n_best,
            threshold,
        )
        figures, _ = qa_scores([a.answer for a in answers], references)
        return {"exact_match": figures["exact_match"], "f1": figures["f1"]}

    return compute


def without_long_questions(
    tokenizer, split: QaSplit, settings: QaSettings, reporter: Reporter | None
) -> QaSplit:
    """The split without training and validation questions too long to share a window with
    their context (the test part keeps them: they are scored, as an error would be)."""
    kept = {}
    for name in ("train", "validation"):
        examples = getattr(split, name)
        drop = set(
            long_questions(
                tokenizer, [e.question for e in examples], settings.max_length, settings.doc_stride
            )
        )
        if drop and reporter is not None:
            reporter.warn(f"{len(drop)} {name} questions longer than the window: left out")
        kept[name] = [e for i, e in enumerate(examples) if i not in drop]
    return QaSplit(kept["train"], kept["validation"], split.test)


def qa_job(settings: QaSettings, model, tokenizer, split: QaSplit) -> FitJob:
    """The Trainer job: window datasets, padding collator, validation EM/F1."""
    names = list(tokenizer.model_input_names)
    train_windows = thin_null_windows(
        encode_examples(tokenizer, split.train, settings),
        [e.impossible for e in split.train],
        settings.null_windows,
        settings.seed,
    )
    train = WindowDataset(train_windows, names)
    validation_windows = encode_examples(tokenizer, split.validation, settings)
    return FitJob(
        model=model,
        tokenizer=tokenizer,
        train_dataset=train,
        eval_dataset=WindowDataset(validation_windows, names),
        collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=validation_metric(validation_windows, split.validation, settings),
        best_metric="f1",
        greater_is_better=True,
        line_metric="f1",
        trainer_class=QaTrainer,
    )


def train_qa_model(
    settings: QaSettings,
    split: QaSplit,
    out_dir: Path,
    resume: bool,
    reporter: Reporter | None = None,
    before_training: Callable[[], None] | None = None,
) -> FitResult:
    """``finetune`` or ``lora``: load the model with its QA head, train it, save it.

    Args:
        before_training: called on the main process once the model has loaded.
    """
    reporter = silent_if_none(reporter)
    source = resolve_model(settings.model)
    texts = [e.question for e in split.train] + list(dict.fromkeys(e.context for e in split.train))
    main = is_main_process()
    shown = reporter if main else None  # one spinner, not one per process
    tokenizer = shared_tokenizer(source, texts, out_dir, settings.trust_remote_code, shown)
    if folds_dotless_i(tokenizer) and main:
        reporter.line(FOLD_NOTE)
    split = without_long_questions(tokenizer, split, settings, reporter if main else None)
    model = load_model(
        source,
        "question-answering",
        tokenizer,
        seed=settings.seed,
        trust_remote_code=settings.trust_remote_code,
        reporter=shown,
    )
    if main and before_training is not None:
        before_training()
    if settings.method == "lora":
        if source.kind == "preset" and main:
            save_preset_base(model, tokenizer, out_dir)
        model = apply_lora(model, settings, "qa")
    result = fit(settings, qa_job(settings, model, tokenizer, split), out_dir, resume, reporter)
    if result.is_main_process:
        save_trained(result.model, tokenizer, out_dir, settings.merge, source)
    return result
