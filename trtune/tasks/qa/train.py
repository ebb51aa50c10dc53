"""``qa train``, a recipe of named steps: read and split the questions, prepare the folder,
train, choose the baseline and the no-answer threshold on validation, score the saved
folder and the baseline on the test part once, write the artefacts.

The test figures come from the saved folder loaded back with
:func:`~trtune.infer.qa.load_qa_model`, so ``metrics.json`` holds the numbers of the files
a user gets.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from trtune.errors import UserError
from trtune.infer.qa import load_qa_model
from trtune.infer.spans import QaAnswer
from trtune.run.models import resolve_model
from trtune.run.outdir import (
    CHECKPOINT_DIR,
    atomic_write_json,
    removed_if_left_empty,
)
from trtune.run.plan import plan_extras
from trtune.run.processes import prepare_shared_out_dir, process_state
from trtune.run.progress import Reporter, silent_if_none
from trtune.run.record import examples_sha256
from trtune.tasks.qa.baseline import choose_baseline
from trtune.tasks.qa.examples import QaExample, QaSplit, hold_out_contexts
from trtune.tasks.qa.finetune import train_qa_model
from trtune.tasks.qa.formats import QaData, load_qa
from trtune.tasks.qa.metrics import qa_scores, tune_null_threshold
from trtune.tasks.qa.report import QaRun, write_artefacts
from trtune.tasks.qa.settings import QaSettings

SPLIT_JSON = "split.json"


@dataclass
class TrainResult:
    """Where a run wrote its files and its headline numbers."""

    out_dir: Path
    metrics: dict
    baseline: dict
    report: Path


def example_lines(examples: list[QaExample]) -> list[str]:
    """One line per question for hashing: id, question, context, answers."""
    return [
        json.dumps(
            [e.id, e.question, e.context, [[a.text, a.start] for a in e.answers]],
            ensure_ascii=False,
        )
        for e in examples
    ]


def _read(paths, settings: QaSettings) -> QaData:
    return load_qa(paths, settings.context_col, settings.question_col, settings.answer_col)


def load_and_split(settings: QaSettings) -> tuple[dict[str, QaData], QaSplit]:
    """Read the files and split the questions by context (seeded); ``--test-data`` and
    ``--validation-data`` replace their shares.

    Raises:
        UserError: a part would be empty.
    """
    data = {"train": _read(settings.data, settings)}
    rest, test = data["train"].examples, []
    if settings.test_data:
        data["test"] = _read(settings.test_data, settings)
        test = data["test"].examples
    else:
        rest, test = hold_out_contexts(rest, settings.test_size, settings.seed)
    if settings.validation_data:
        data["validation"] = _read(settings.validation_data, settings)
        train, validation = rest, data["validation"].examples
    else:
        train, validation = hold_out_contexts(rest, settings.validation_size, settings.seed)
    split = QaSplit(train, validation, test)
    if not all(split.sizes().values()):
        sizes = "/".join(str(n) for n in split.sizes().values())
        raise UserError(
            f"too few contexts: {len(data['train'].examples)} questions split {sizes} "
            "(train/validation/test, whole contexts per part); add questions on more contexts",
            file=settings.data[0],
        )
    return data, split


def plan(settings: QaSettings) -> dict:
    """What a run would do (``--dry-run``)."""
    data, split = load_and_split(settings)
    source = resolve_model(settings.model)
    texts = [f"{e.question} {e.context}" for e in split.train]
    extras = plan_extras(
        settings, source, "question-answering", texts, len(texts), len(split.validation)
    )
    return {
        "task": "qa",
        "method": settings.method,
        "model": {"name": source.name, "kind": source.kind, "location": source.location},
        "split_sizes": split.sizes(),
        "data": {name: d.report for name, d in data.items()},
        "settings": settings.to_dict(),
        **extras,
    }


def split_hash(split: QaSplit) -> str:
    """SHA-256 of which question went to which part."""
    parts = "".join(
        f"{name}\t{examples_sha256(example_lines(getattr(split, name)))}\n"
        for name in ("train", "validation", "test")
    )
    return hashlib.sha256(parts.encode()).hexdigest()


def check_split(split: QaSplit, out_dir: Path, resume: bool) -> None:
    """Record the split in ``checkpoints/split.json``; refuse to resume on another one."""
    path = out_dir / CHECKPOINT_DIR / SPLIT_JSON
    digest = split_hash(split)
    if resume and path.is_file():
        if json.loads(path.read_text(encoding="utf-8")).get("sha256") == digest:
            return
        raise UserError(
            "cannot resume: the questions split differently from the run's start (a data "
            "file changed); pass --overwrite to start afresh",
            file=out_dir,
        )
    atomic_write_json(path, {"sha256": digest})


def references(examples: list[QaExample]) -> list[list[str]]:
    """The reference texts of each question (empty for unanswerable ones)."""
    return [[a.text for a in e.answers] for e in examples]


def predict_examples(predictor, examples: list[QaExample], reporter: Reporter, title: str):
    """The predictor's answers to ``examples`` (too-long questions get ``""``), in order."""
    answers: list[QaAnswer] = []
    with reporter.progress(title, len(examples)) as task:
        for first in range(0, len(examples), 256):
            chunk = examples[first : first + 256]
            answers += predictor.predict(
                [e.question for e in chunk], [e.context for e in chunk], strict=False
            )
            task.update(len(answers))
    return answers


def train_qa(
    settings: QaSettings,
    resume: bool = False,
    overwrite: bool = False,
    reporter: Reporter | None = None,
) -> TrainResult | None:
    """Train an extractive QA model and the word-overlap baseline; write the output folder.

    Returns:
        The result on the main process; ``None`` on the other processes of an
        ``accelerate launch`` run.

    Raises:
        UserError: bad data, model or output folder.
        NumericalFault: the training loss became NaN or infinite.
        Interrupted: Ctrl-C or SIGTERM during training.
    """
    with removed_if_left_empty(settings.out):
        return _train_qa(settings, resume, overwrite, silent_if_none(reporter))


def _train_qa(
    settings: QaSettings, resume: bool, overwrite: bool, reporter: Reporter
) -> TrainResult | None:
    state = process_state()
    data, split = load_and_split(settings)
    out_dir = prepare_shared_out_dir(state, settings.out, resume, overwrite)
    if state.is_main_process:
        reporter.line(data_line(data["train"], split, reporter.lang))
    result = train_qa_model(
        settings,
        split,
        out_dir,
        resume,
        reporter,
        before_training=lambda: check_split(split, out_dir, resume),
    )
    if not result.is_main_process:
        return None
    predictor = load_qa_model(out_dir)
    impossible = any(e.impossible for e in split.train + split.validation)
    threshold = None
    if impossible:
        val_answers = predict_examples(predictor, split.validation, reporter, "validation")
        threshold = tune_null_threshold(val_answers, references(split.validation))
        predictor.null_threshold = threshold
    answers = predict_examples(predictor, split.test, reporter, "testing")
    metrics, rows = qa_scores([a.answer for a in answers], references(split.test))
    baseline_model, tried = choose_baseline(split.validation)
    start = time.perf_counter()
    baseline_answers = baseline_model.predict(
        [e.question for e in split.test], [e.context for e in split.test]
    )
    baseline, baseline_rows = qa_scores(
        [a.answer for a in baseline_answers], references(split.test)
    )
    run = QaRun(
        settings=settings,
        data=data,
        split=split,
        metrics=metrics,
        rows=rows,
        answers=answers,
        baseline=baseline,
        baseline_rows=baseline_rows,
        baseline_answers=baseline_answers,
        baseline_span_words=baseline_model.span_words,
        baseline_tried=tried,
        baseline_seconds=time.perf_counter() - start,
        fit=result,
        null_threshold=threshold,
        data_sha256=examples_sha256(example_lines(data["train"].examples)),
        lang=reporter.lang,
    )
    paths = write_artefacts(out_dir, run)
    return TrainResult(out_dir, run.metrics_json(), baseline, paths["report"])


def data_line(data: QaData, split: QaSplit, lang: str) -> str:
    """One line on what was read and how it was split."""
    from trtune.i18n import say
    from trtune.tasks.qa.messages import MESSAGES

    sizes = split.sizes()
    return say(
        MESSAGES,
        "data",
        lang,
        kept=len(data.examples),
        read=data.questions_read,
        impossible=data.impossible,
        train=sizes["train"],
        validation=sizes["validation"],
        test=sizes["test"],
    )
