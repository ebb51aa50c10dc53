"""``classify train``: data -> split -> method + TF-IDF baseline -> output folder.

Every method is evaluated the same way: the saved folder is loaded back with
:func:`~trtune.classify.predict.load_classifier` and run on the held-out test set, so the
numbers in ``metrics.json`` are those of the files a user gets.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from trtune.classify.artefacts import RunRecord, write_artefacts
from trtune.classify.baseline import TfidfClassifier
from trtune.classify.finetune import FinetuneResult, apply_lora, run_trainer
from trtune.classify.frozen import train_features_method
from trtune.classify.predict import (
    ADAPTER_JSON,
    BASE_MODEL_DIR,
    load_classifier,
)
from trtune.classify.settings import DEFAULT_TEST_SIZE, ClassifySettings, validation_share
from trtune.cli.console import err_console
from trtune.data import LabeledData, Split, load_labeled, stratified_split
from trtune.data.evaluation import check_evaluation_part
from trtune.errors import UserError
from trtune.models import (
    FOLD_NOTE,
    folds_dotless_i,
    load_sequence_classifier,
    load_tokenizer,
    resolve_model,
)
from trtune.report import classification_metrics
from trtune.train.outdir import (
    CHECKPOINT_DIR,
    atomic_write_json,
    prepare_out_dir,
    removed_if_left_empty,
    save_pretrained_atomic,
)


@dataclass
class TrainResult:
    """Where a run wrote its files and its headline numbers."""

    out_dir: Path
    metrics: dict
    baseline: dict
    report: Path


SPLIT_JSON = "split.json"
SPLIT_PARTS = ("train", "validation", "test")


def _examples_hash(examples) -> str:
    """SHA-256 of ``examples`` (label and text of each), in order."""
    digest = hashlib.sha256()
    for example in examples:
        digest.update(f"{example.label}\t{example.text}\n".encode())
    return digest.hexdigest()


def data_hash(data: LabeledData) -> str:
    """SHA-256 of the kept examples (text and label), in file order."""
    return _examples_hash(data.examples)


def split_hash(split: Split) -> str:
    """SHA-256 of which text (and label) went to which part, in order."""
    parts = "".join(f"{name}\t{_examples_hash(getattr(split, name))}\n" for name in SPLIT_PARTS)
    return hashlib.sha256(parts.encode()).hexdigest()


def load_and_split(settings: ClassifySettings) -> tuple[LabeledData, Split]:
    """Read the data file and split it (stratified, seeded)."""
    data = load_labeled(settings.data, settings.text_col, settings.label_col, settings.label_map)
    validation = validation_share(settings, len(data.examples))  # needs the data's size
    split = stratified_split(data.examples, settings.test_size, validation, settings.seed)
    needs_validation = settings.method != "tfidf"
    if not split.test or (needs_validation and not split.validation):
        sizes = f"{len(split.train)}/{len(split.validation)}/{len(split.test)}"
        raise UserError(
            f"too few examples: {len(data.examples)} usable texts split {sizes} "
            "(train/validation/test); the test part"
            + (" and the validation part need" if needs_validation else " needs")
            + " at least one text: add rows",
            file=data.path,
        )
    chosen = settings.test_size != DEFAULT_TEST_SIZE  # --test-size says a small part is fine
    data.report.warnings += check_evaluation_part(
        split.test, data.labels, require_every_label=not chosen, file=data.path
    )
    return data, split


def plan(settings: ClassifySettings) -> dict:
    """What a run would do (``--dry-run``): data summary, split sizes, model, settings."""
    data, split = load_and_split(settings)
    source = resolve_model(settings.model)
    return {
        "method": settings.method,
        "model": {"name": source.name, "kind": source.kind, "location": source.location},
        "labels": data.labels,
        "split_sizes": {k: len(getattr(split, k)) for k in SPLIT_PARTS},
        "data": data.report.to_dict(),
        "settings": settings.to_dict(),
    }


def _texts_ids(examples, labels: list[str]) -> tuple[list[str], list[int]]:
    index = {label: i for i, label in enumerate(labels)}
    return [e.text for e in examples], [index[e.label] for e in examples]


def _check_split(split: Split, out_dir: Path, resume: bool) -> None:
    """Record the split of a run in ``checkpoints/split.json``; on ``--resume``, refuse a
    different one (an edited data file, or another trtune version's split), which would put
    texts the model trained on into the test part."""
    path = out_dir / CHECKPOINT_DIR / SPLIT_JSON
    digest = split_hash(split)
    if resume and path.is_file():
        if json.loads(path.read_text(encoding="utf-8")).get("sha256") == digest:
            return
        raise UserError(
            "cannot resume: the data split differs from the one this run started with "
            "(the data file changed, or trtune splits differently since); "
            "pass --overwrite to start afresh",
            file=out_dir,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_json(path, {"sha256": digest})


def _shared_tokenizer(source, texts: list[str], out_dir: Path):
    """The tokenizer, identical on every process and across ``--resume``.

    A preset trains its tokenizer on the texts, and WordPiece training is not bit-for-bit
    reproducible across runs; so the main process trains and saves it once under
    ``checkpoints/preset-tokenizer`` and every process (and any resumed run) loads that copy.
    """
    if source.kind != "preset":
        return load_tokenizer(source)
    from transformers import AutoTokenizer

    folder = out_dir / CHECKPOINT_DIR / "preset-tokenizer"
    state = process_state()
    with state.main_process_first():
        if state.is_main_process and not (folder / "tokenizer.json").is_file():
            load_tokenizer(source, texts).save_pretrained(folder)
    return AutoTokenizer.from_pretrained(str(folder))


def _train_transformers(
    settings, split: Split, labels, out_dir: Path, resume: bool
) -> FinetuneResult:
    source = resolve_model(settings.model)
    tokenizer = _shared_tokenizer(source, [e.text for e in split.train], out_dir)
    if folds_dotless_i(tokenizer) and state_is_main():
        err_console.print(FOLD_NOTE, markup=False)
    model = load_sequence_classifier(source, tokenizer, labels, settings.seed)
    if state_is_main():  # once the model loads: a failed start leaves the folder empty
        _check_split(split, out_dir, resume)
    if settings.method == "lora":
        if source.kind == "preset" and not settings.merge and state_is_main():
            # A preset's random base exists only here: keep it for the adapter to load on.
            save_pretrained_atomic(model, out_dir / BASE_MODEL_DIR)
        model = apply_lora(model, settings)
    result = run_trainer(
        settings,
        model,
        tokenizer,
        _texts_ids(split.train, labels),
        _texts_ids(split.validation, labels),
        out_dir,
        resume,
    )
    if not result.is_main_process:
        return result
    if settings.method == "finetune":
        save_pretrained_atomic(result.model, out_dir)
    elif settings.merge:
        save_pretrained_atomic(result.model, out_dir / "adapter")
        save_pretrained_atomic(tokenizer, out_dir / "adapter")
        save_pretrained_atomic(result.model.merge_and_unload(), out_dir)
    else:
        save_pretrained_atomic(result.model, out_dir)
        base = BASE_MODEL_DIR if source.kind == "preset" else source.location
        atomic_write_json(
            out_dir / ADAPTER_JSON,
            {"base_model": base, "labels": labels, "max_length": settings.max_length},
        )
    save_pretrained_atomic(tokenizer, out_dir)
    return result


def train_classifier(
    settings: ClassifySettings, resume: bool = False, overwrite: bool = False
) -> TrainResult | None:
    """Train the chosen method and the TF-IDF baseline; write the output folder.

    Returns:
        The result on the main process; ``None`` on the other processes of a
        multi-process (``accelerate launch``) run.

    Raises:
        UserError: bad data, model or output folder.
        NumericalFault: the training loss became NaN or infinite.
    """
    with removed_if_left_empty(settings.out):  # a failed start leaves no empty folder
        return _train_classifier(settings, resume, overwrite)


def _train_classifier(
    settings: ClassifySettings, resume: bool, overwrite: bool
) -> TrainResult | None:
    state = process_state()
    data, split = load_and_split(settings)
    labels = data.labels
    out_dir = Path(settings.out)
    if state.is_main_process:
        prepare_out_dir(out_dir, resume=resume, overwrite=overwrite)
    state.wait_for_everyone()
    sizes = {k: len(getattr(split, k)) for k in SPLIT_PARTS}
    if state.is_main_process:
        err_console.print(
            f"data: {len(data.examples)} texts, labels {', '.join(labels)}; split {sizes}",
            markup=False,
            soft_wrap=True,
        )
        for warning in data.report.warnings:
            err_console.print(f"warning: {warning}", markup=False, soft_wrap=True)
    test_texts = [e.text for e in split.test]
    test_labels = [e.label for e in split.test]

    history: dict[str, list[float]] = {}
    extra: dict = {"data_sha256": data_hash(data), "versions": _versions()}

    def fit_baseline() -> TfidfClassifier:
        train_texts, train_labels = [e.text for e in split.train], [e.label for e in split.train]
        return TfidfClassifier.fit(
            train_texts, train_labels, seed=settings.seed, class_weight=settings.class_weight
        )

    baseline_model = None
    if settings.method == "tfidf":  # the method is the baseline: fitted once, saved twice
        start = time.perf_counter()
        baseline_model = fit_baseline()
        baseline_model.save(out_dir)
        train_seconds = time.perf_counter() - start
    elif settings.method == "features":
        history, train_seconds, more = train_features_method(settings, split, labels, out_dir)
        extra.update(more)
    else:
        result = _train_transformers(settings, split, labels, out_dir, resume)
        if not result.is_main_process:
            return None
        history, train_seconds = result.history, result.train_seconds
        extra.update({"steps": result.steps, "resumed_from": result.resumed_from})

    if baseline_model is None:
        baseline_model = fit_baseline()
    baseline_model.save(out_dir / "baseline")
    baseline = classification_metrics(test_labels, baseline_model.predict(test_texts), labels)
    baseline = {k: baseline[k] for k in ("accuracy", "macro_f1", "per_class")}

    classifier = load_classifier(out_dir)
    tokenizer = getattr(classifier, "tokenizer", None)
    extra["tokenizer_folds_dotless_i"] = tokenizer is not None and folds_dotless_i(tokenizer)
    predictions = [p.label for p in classifier.predict(test_texts)]
    metrics = classification_metrics(test_labels, predictions, labels)
    epochs_run = max(1, len(history.get("val_loss", [])) or 1)
    metrics["timing"] = {
        "train_seconds": train_seconds,
        "train_samples_per_second": len(split.train) * epochs_run / max(train_seconds, 1e-9),
        "epochs_run": epochs_run,
    }
    record = RunRecord(
        settings, labels, data.report.to_dict(), sizes, metrics, baseline, history, extra
    )
    paths = write_artefacts(out_dir, record)
    return TrainResult(out_dir, metrics, baseline, paths["report"])


def process_state():
    """The accelerate process state (one process unless started by ``accelerate launch``).

    ``cpu=True`` without CUDA: otherwise accelerate does not see a multi-process CPU run
    and every process believes it is the main one.
    """
    from accelerate import PartialState

    return PartialState(cpu=not torch.cuda.is_available())


def state_is_main() -> bool:
    """Whether this is the main process (always true outside ``accelerate launch``)."""
    return process_state().is_main_process


def _versions() -> dict[str, str]:
    import sklearn
    import transformers

    return {
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "scikit-learn": sklearn.__version__,
    }
