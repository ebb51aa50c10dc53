"""``ner train``, a recipe of named steps: read and split the data, prepare the folder, train
the tagger, fit the most-frequent-tag baseline, score the saved folder, write the artefacts.

The numbers in ``metrics.json`` are those of the files a user gets: the saved folder is
loaded back with :func:`~trtune.infer.ner.load_tagger` and run on the test sentences.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from trtune.errors import UserError
from trtune.i18n import say
from trtune.infer.ner import load_tagger
from trtune.run.models import resolve_model
from trtune.run.outdir import guard_split, removed_if_left_empty
from trtune.run.plan import plan_extras
from trtune.run.plan_text import split_text
from trtune.run.processes import prepare_shared_out_dir, process_state
from trtune.run.progress import Reporter, silent_if_none
from trtune.tasks.ner.baseline import MostFrequentTag
from trtune.tasks.ner.data import NerData, Sentence, load_ner_data, split_sentences
from trtune.tasks.ner.finetune import train_tagger
from trtune.tasks.ner.messages import MESSAGES
from trtune.tasks.ner.metrics import entity_metrics, type_confusion
from trtune.tasks.ner.report import NerRun, write_artefacts
from trtune.tasks.ner.settings import NerSettings
from trtune.tasks.ner.tags import spans, tag_names

PARTS = ("train", "validation", "test")


@dataclass
class Parts:
    """The sentences of each part and the data they came from (``extra``: the validation and
    test files, when given)."""

    data: NerData
    train: list[Sentence]
    validation: list[Sentence]
    test: list[Sentence]
    extra: dict[str, NerData] = field(default_factory=dict)

    @property
    def sizes(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in PARTS}

    @property
    def types(self) -> list[str]:
        """Every entity type of every part, sorted."""
        sentences = self.train + self.validation + self.test
        return sorted({span.type for s in sentences for span in spans(s.tags)})

    def sha256(self) -> str:
        """Which sentence went to which part, in order (``--resume`` checks it)."""
        digest = hashlib.sha256()
        for name in PARTS:
            for sentence in getattr(self, name):
                digest.update(f"{name}\t{' '.join(sentence.words)}\t{sentence.tags}\n".encode())
        return digest.hexdigest()


@dataclass
class TrainResult:
    """Where a run wrote its files and its headline numbers."""

    out_dir: Path
    metrics: dict
    baseline: dict
    report: Path


def load_parts(settings: NerSettings) -> Parts:
    """Read the data and split it by sentence with the seed; a ``--test-data`` or
    ``--validation-data`` file is that part instead of a share of the data.

    Raises:
        UserError: too few sentences for a training, validation and test part.
    """
    data = load_ner_data(settings.data, settings.tag_names)
    extra = {}
    rest = data.sentences
    if settings.test_data:
        extra["test"] = load_ner_data(settings.test_data, settings.tag_names)
        test = extra["test"].sentences
    else:
        rest, test = split_sentences(rest, settings.test_size, settings.seed)
    if settings.validation_data:
        extra["validation"] = load_ner_data(settings.validation_data, settings.tag_names)
        train, validation = rest, extra["validation"].sentences
    else:
        train, validation = split_sentences(rest, settings.validation_size, settings.seed)
    parts = Parts(data, train, validation, test, extra)
    if not all(parts.sizes.values()):
        sizes = "/".join(str(n) for n in parts.sizes.values())
        raise UserError(
            f"too few sentences: {len(data.sentences)} usable, split {sizes} "
            "(train/validation/test); each part needs at least one: add sentences",
            data.path,
        )
    return parts


def plan(settings: NerSettings) -> dict:
    """What a run would do (``--dry-run``): data summary, split sizes, tags, model."""
    parts = load_parts(settings)
    source = resolve_model(settings.model)
    tags = tag_names(parts.types)
    texts = [" ".join(s.words) for s in parts.train]
    extras = plan_extras(
        settings, source, "token-classification", texts, len(texts), len(parts.validation), tags
    )
    return {
        "task": "ner",
        "method": settings.method,
        "model": {"name": source.name, "kind": source.kind, "location": source.location},
        "tags": tags,
        "split_sizes": parts.sizes,
        "data": parts.data.summary(),
        "settings": settings.to_dict(),
        **extras,
    }


def train_ner(
    settings: NerSettings,
    resume: bool = False,
    overwrite: bool = False,
    reporter: Reporter | None = None,
) -> TrainResult | None:
    """Train the tagger and the baseline; write the output folder.

    Returns:
        The result on the main process; ``None`` on the other processes of a
        multi-process (``accelerate launch``) run.

    Raises:
        UserError: bad data, model or output folder.
        NumericalFault: the training loss became NaN or infinite.
        Interrupted: Ctrl-C or SIGTERM during training.
    """
    with removed_if_left_empty(settings.out):  # a failed start leaves no empty folder
        return _train_ner(settings, resume, overwrite, silent_if_none(reporter))


def _say_data(parts: Parts, names: list[str], reporter: Reporter) -> None:
    """The data lines: counts, split, types, drops and repairs of every file."""
    data, lang = parts.data, reporter.lang
    summary = data.summary()
    split = split_text(parts.sizes, lang)
    reporter.line(
        say(
            MESSAGES,
            "data",
            lang,
            split=split,
            **{k: summary[k] for k in ("sentences", "tokens", "entities", "format", "scheme")},
        )
    )
    types = sorted({n[2:] for n in names if n != "O"})
    reporter.line(say(MESSAGES, "types", lang, n=len(types), types=", ".join(types)))
    for part in (data, *parts.extra.values()):
        for key, counts, rows in (
            ("dropped", part.dropped, part.dropped_rows),
            ("repaired", part.repairs, part.repaired_rows),
        ):
            for reason, count in counts.items():
                shown = ", ".join(map(str, rows[reason]))
                reporter.warn(say(MESSAGES, key, lang, count=count, reason=reason, rows=shown))


def _train_ner(
    settings: NerSettings, resume: bool, overwrite: bool, reporter: Reporter
) -> TrainResult | None:
    state = process_state()
    parts = load_parts(settings)
    out_dir = prepare_shared_out_dir(state, settings.out, resume, overwrite)
    names = tag_names(parts.types)
    if state.is_main_process:
        _say_data(parts, names, reporter)
    fitted, truncated = train_tagger(
        settings,
        parts.train,
        parts.validation,
        names,
        out_dir,
        resume,
        reporter,
        before_training=lambda: guard_split(out_dir, parts.sha256(), resume),
    )
    if not fitted.is_main_process:
        return None
    if truncated:
        reporter.warn(
            say(
                MESSAGES,
                "truncated",
                reporter.lang,
                count=truncated,
                max_length=settings.max_length,
            )
        )
    baseline_model = MostFrequentTag.fit(parts.train)
    baseline_model.save(out_dir / "baseline")
    gold = [list(s.tags) for s in parts.test]
    words = [list(s.words) for s in parts.test]
    baseline = entity_metrics(gold, baseline_model.predict(words))
    predicted, test_seconds = _score_folder(out_dir, words, reporter)
    metrics = entity_metrics(gold, predicted)
    confusion_names, confusion = type_confusion(gold, predicted, parts.types)
    epochs_run = max(1, len(fitted.history.get("val_loss", [])))
    metrics["type_confusion"] = {"names": confusion_names, "matrix": confusion}
    metrics["n_test"] = len(parts.test)
    metrics["timing"] = {
        "train_seconds": fitted.train_seconds,
        "train_samples_per_second": len(parts.train) * epochs_run / max(fitted.train_seconds, 1e-9),
        "epochs_run": epochs_run,
        "test_seconds": test_seconds,
        "predict_sentences_per_second": len(parts.test) / max(test_seconds, 1e-9),
    }
    run = NerRun(settings, parts, names, metrics, baseline, fitted, truncated, predicted)
    paths = write_artefacts(out_dir, run, reporter.lang)
    return TrainResult(out_dir, metrics, baseline, paths["report"])


def _score_folder(
    out_dir: Path, words: list[list[str]], reporter: Reporter
) -> tuple[list[list[str]], float]:
    """The saved folder's tags for the test sentences, and the seconds tagging took."""
    tagger = load_tagger(out_dir)
    start = time.perf_counter()
    with reporter.progress(say(MESSAGES, "testing", reporter.lang), len(words)) as task:
        predicted = tagger.tag_sentences(words)
        task.update(len(words))
    return predicted, time.perf_counter() - start
