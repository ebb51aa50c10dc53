"""``classify train``, a recipe of named steps: read and split the data, prepare the folder,
train the method, fit the TF-IDF baseline, score the saved folder, write the artefacts.

Every method is evaluated the same way: the saved folder is loaded back with
:func:`~trtune.infer.classify.load_classifier` and run on the held-out test part, so the
numbers in ``metrics.json`` are those of the files a user gets.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from trtune.data import LabeledData, Split, load_labeled, stratified_split
from trtune.data.evaluation import check_evaluation_part
from trtune.data.label_names import display_label
from trtune.errors import UserError
from trtune.i18n import say
from trtune.infer.classify import load_classifier
from trtune.report import classification_metrics
from trtune.run.models import resolve_model
from trtune.run.outdir import guard_split, removed_if_left_empty
from trtune.run.plan import plan_extras
from trtune.run.plan_text import split_text
from trtune.run.processes import prepare_shared_out_dir, process_state
from trtune.run.progress import Reporter, map_in_chunks, silent_if_none
from trtune.run.record import examples_sha256
from trtune.run.tokenizer_fold import folds_dotless_i
from trtune.tasks.classify.baseline import TfidfClassifier
from trtune.tasks.classify.finetune import train_transformer_classifier
from trtune.tasks.classify.frozen import train_features_method
from trtune.tasks.classify.messages import MESSAGES
from trtune.tasks.classify.report import ClassifyRun, shown_examples, write_artefacts
from trtune.tasks.classify.settings import DEFAULT_TEST_SIZE, ClassifySettings, validation_share


@dataclass
class TrainResult:
    """Where a run wrote its files and its headline numbers."""

    out_dir: Path
    metrics: dict
    baseline: dict
    report: Path


@dataclass
class MethodResult:
    """What training the chosen method gave, whatever the method."""

    history: dict[str, list[float]] = field(default_factory=dict)
    train_seconds: float = 0.0
    steps: int | None = None
    resumed_from: str | None = None
    details: dict = field(default_factory=dict)
    baseline: TfidfClassifier | None = None  # tfidf: the method is the baseline


SPLIT_PARTS = ("train", "validation", "test")


def _example_lines(examples) -> list[str]:
    return [f"{e.label}\t{e.text}" for e in examples]


def data_hash(data: LabeledData) -> str:
    """SHA-256 of the kept examples (label and text), in file order."""
    return examples_sha256(_example_lines(data.examples))


def split_hash(split: Split) -> str:
    """SHA-256 of which text (and label) went to which part, in order."""
    parts = "".join(
        f"{name}\t{examples_sha256(_example_lines(getattr(split, name)))}\n" for name in SPLIT_PARTS
    )
    return hashlib.sha256(parts.encode()).hexdigest()


def _read(path: str | list[str], settings: ClassifySettings, min_classes: int = 2) -> LabeledData:
    return load_labeled(
        path, settings.text_col, settings.label_col, settings.label_map, min_classes=min_classes
    )


def load_and_split(settings: ClassifySettings) -> tuple[LabeledData, Split]:
    """Read the data and split it (stratified, seeded); a ``--test-data`` or
    ``--validation-data`` file is that part instead of a share of the data. A test part
    without every label is refused unless the user chose its size or file; a small one is
    warned about (``data.report.warnings``)."""
    data = _read(settings.data, settings)
    test = _read(settings.test_data, settings, 1).examples if settings.test_data else None
    fixed_val = settings.validation_data is not None
    validation = validation_share(settings, len(data.examples))  # needs the data's size
    split = stratified_split(
        data.examples,
        0.0 if test is not None else settings.test_size,
        0.0 if fixed_val else validation,
        settings.seed,
    )
    if test is not None:
        split.test = test
    if fixed_val:
        split.validation = _read(settings.validation_data, settings, 1).examples
    needs_validation = settings.method != "tfidf"
    if not split.test or (needs_validation and not split.validation):
        sizes = "/".join(str(len(getattr(split, k))) for k in SPLIT_PARTS)
        raise UserError(
            f"too few examples: {len(data.examples)} usable texts split {sizes} "
            "(train/validation/test); the test and validation parts need at least one text: "
            "add rows"
            if needs_validation
            else f"too few examples: {len(data.examples)} usable texts split {sizes} "
            "(train/validation/test); the test part needs at least one text: add rows",
            file=data.path,
        )
    chosen = settings.test_data is not None or settings.test_size != DEFAULT_TEST_SIZE
    data.report.warnings += check_evaluation_part(
        split.test, data.labels, require_every_label=not chosen, file=data.path
    )
    return data, split


def plan(settings: ClassifySettings) -> dict:
    """What a run would do (``--dry-run``): data summary, split sizes, model, settings."""
    data, split = load_and_split(settings)
    source = resolve_model(settings.model)
    texts = [e.text for e in split.train]
    extras = plan_extras(
        settings, source, "sequence-classification", texts, len(texts),
        len(split.validation), data.labels,
    )  # fmt: skip
    return {
        "task": "classify",
        "method": settings.method,
        "model": {"name": source.name, "kind": source.kind, "location": source.location},
        "labels": data.labels,
        "split_sizes": {k: len(getattr(split, k)) for k in SPLIT_PARTS},
        "data": data.report.to_dict(),
        "settings": settings.to_dict(),
        **extras,
    }


def _check_split(split: Split, out_dir: Path, resume: bool) -> None:
    """Record the split of a run; on ``--resume``, refuse a different one
    (:func:`~trtune.run.outdir.guard_split`)."""
    guard_split(out_dir, split_hash(split), resume)


def fit_baseline(settings: ClassifySettings, split: Split) -> TfidfClassifier:
    """The TF-IDF + logistic-regression baseline on the training part."""
    texts, labels = [e.text for e in split.train], [e.label for e in split.train]
    return TfidfClassifier.fit(
        texts, labels, seed=settings.seed, class_weight=settings.class_weight
    )


def train_method(
    settings: ClassifySettings,
    split: Split,
    labels: list[str],
    out_dir: Path,
    resume: bool,
    reporter: Reporter,
) -> MethodResult | None:
    """Train the chosen method and save it into ``out_dir`` (``None`` on the other
    processes of a multi-process run)."""
    if settings.method == "tfidf":  # the method is the baseline: fitted once, saved twice
        start = time.perf_counter()
        model = fit_baseline(settings, split)
        model.save(out_dir)
        return MethodResult(train_seconds=time.perf_counter() - start, baseline=model)
    if settings.method == "features":
        history, seconds, details = train_features_method(
            settings, split, labels, out_dir, reporter
        )
        return MethodResult(history, seconds, details=details)
    result = train_transformer_classifier(
        settings,
        split,
        labels,
        out_dir,
        resume,
        reporter,
        before_training=lambda: _check_split(split, out_dir, resume),
    )
    if not result.is_main_process:
        return None
    return MethodResult(result.history, result.train_seconds, result.steps, result.resumed_from)


def train_classifier(
    settings: ClassifySettings,
    resume: bool = False,
    overwrite: bool = False,
    reporter: Reporter | None = None,
) -> TrainResult | None:
    """Train the chosen method and the TF-IDF baseline; write the output folder.

    Returns:
        The result on the main process; ``None`` on the other processes of a
        multi-process (``accelerate launch``) run.

    Raises:
        UserError: bad data, model or output folder.
        NumericalFault: the training loss became NaN or infinite.
        Interrupted: Ctrl-C or SIGTERM during training.
    """
    with removed_if_left_empty(settings.out):  # a failed start leaves no empty folder
        return _train_classifier(settings, resume, overwrite, silent_if_none(reporter))


def _train_classifier(
    settings: ClassifySettings, resume: bool, overwrite: bool, reporter: Reporter
) -> TrainResult | None:
    state = process_state()
    data, split = load_and_split(settings)
    out_dir = prepare_shared_out_dir(state, settings.out, resume, overwrite)
    sizes = {k: len(getattr(split, k)) for k in SPLIT_PARTS}
    if state.is_main_process:
        labels = ", ".join(display_label(label, reporter.lang) for label in data.labels)
        split_line = split_text(sizes, reporter.lang)
        n = len(data.examples)
        reporter.line(say(MESSAGES, "data", reporter.lang, n=n, labels=labels, split=split_line))
        for warning in data.report.warnings:
            reporter.warn(warning)
    method = train_method(settings, split, data.labels, out_dir, resume, reporter)
    if method is None:
        return None
    baseline_model = method.baseline or fit_baseline(settings, split)
    baseline_model.save(out_dir / "baseline")
    test_texts, test_labels = [e.text for e in split.test], [e.label for e in split.test]
    baseline = classification_metrics(test_labels, baseline_model.predict(test_texts), data.labels)
    baseline = {k: baseline[k] for k in ("accuracy", "macro_f1", "per_class")}
    metrics, folds, predictions = _score_folder(
        out_dir, test_texts, test_labels, data.labels, reporter
    )
    epochs_run = max(1, len(method.history.get("val_loss", [])) or 1)
    metrics["timing"] = {
        "train_seconds": method.train_seconds,
        "train_samples_per_second": len(split.train) * epochs_run / max(method.train_seconds, 1e-9),
        "epochs_run": epochs_run,
    }
    record = ClassifyRun(
        settings, data, sizes, metrics, baseline, method, folds, data_hash(data), reporter.lang,
        examples=shown_examples(predictions, test_labels),
    )  # fmt: skip
    paths = write_artefacts(out_dir, record)
    return TrainResult(out_dir, metrics, baseline, paths["report"])


def _score_folder(
    out_dir: Path, texts: list[str], labels: list[str], names: list[str], reporter: Reporter
) -> tuple[dict, bool, list]:
    """Metrics of the saved folder on the test part, whether its tokenizer folds ``ı``, and
    its predictions."""
    classifier = load_classifier(out_dir)
    tokenizer = getattr(classifier, "tokenizer", None)
    title = say(MESSAGES, "testing", reporter.lang)
    predictions = map_in_chunks(texts, classifier.predict, reporter, title)
    metrics = classification_metrics(labels, [p.label for p in predictions], names)
    return metrics, tokenizer is not None and folds_dotless_i(tokenizer), predictions
