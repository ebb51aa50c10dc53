"""``seq2seq train``, a recipe of named steps: read the pairs and split them by group, prepare
the folder, train, score the saved folder and the baselines on the test part, write the
artefacts.

The test figures are those of the files a user gets: the saved folder is loaded back with
:func:`~trtune.infer.seq2seq.load_seq2seq` and generates the test targets, as ``seq2seq
eval`` would.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from trtune.errors import UserError
from trtune.i18n import say
from trtune.infer.seq2seq import load_seq2seq
from trtune.run.models import resolve_model
from trtune.run.outdir import (
    CHECKPOINT_DIR,
    atomic_write_json,
    prepare_out_dir,
    removed_if_left_empty,
)
from trtune.run.plan import plan_extras
from trtune.run.plan_text import split_text
from trtune.run.processes import process_state
from trtune.run.progress import Reporter, silent_if_none
from trtune.tasks.seq2seq.baseline import score_baselines
from trtune.tasks.seq2seq.finetune import ModelRun, Seq2SeqPlan, train_seq2seq_model
from trtune.tasks.seq2seq.messages import MESSAGES, note_text
from trtune.tasks.seq2seq.metrics import score
from trtune.tasks.seq2seq.pairs import Pair, PairData, PairSplit, grouped_split
from trtune.tasks.seq2seq.readers import ReadOptions, read_all
from trtune.tasks.seq2seq.report import Seq2SeqRun, write_artefacts
from trtune.tasks.seq2seq.settings import Seq2SeqSettings, task_prefix

SPLIT_JSON = "split.json"
SMALL_TEST = 50
TEST_CHUNK = 256  # test sources generated between two progress updates


@dataclass
class Prepared:
    """The data of a run: the pairs, their split, the plan, the warnings."""

    data: PairData
    split: PairSplit
    plan: Seq2SeqPlan
    warnings: list[str] = field(default_factory=list)


@dataclass
class TrainResult:
    """Where a run wrote its files and its headline numbers."""

    out_dir: Path
    metrics: dict
    baseline: dict
    baseline_name: str
    report: Path


def read_options(settings: Seq2SeqSettings, task: str | None = None) -> ReadOptions:
    """How the files are read."""
    return ReadOptions(
        task=task or settings.task,
        direction=settings.direction,
        source_col=settings.source_col,
        target_col=settings.target_col,
        context_chars=settings.context_chars,
    )


def resolve_plan(settings: Seq2SeqSettings, data: PairData) -> Seq2SeqPlan:
    """The task (``auto``: what the file says), its direction and prefix."""
    if data.task == "question-generation" and settings.task in ("summarize", "translate"):
        raise UserError(f"the file is SQuAD (question generation), not --task {settings.task}")
    task = settings.task
    if task == "auto":
        task = data.task or ("translate" if settings.direction else "generic")
    direction = settings.direction or data.direction
    if task == "translate" and direction is None:
        direction = "en-tr"
    return Seq2SeqPlan(task, task_prefix(task, direction, settings.prefix), direction)


def drop_leaks(data: PairData, held: dict[str, list[Pair] | None], lang: str) -> list[str]:
    """Leave out the pairs whose source (group) a given test or validation file also holds,
    so that nothing leaks into the scores; one warning per file."""
    warnings = []
    for part, pairs in held.items():
        if not pairs:
            continue
        groups = {p.group for p in pairs}
        leaked = [p for p in data.pairs if p.group in groups]
        for pair in leaked:
            data.drops.add(f"source_in_{part}_file", pair.row)
        if leaked:
            warnings.append(say(MESSAGES, "leak", lang, n=len(leaked), part=part))
            data.pairs = [p for p in data.pairs if p.group not in groups]
    return warnings


def load_and_split(settings: Seq2SeqSettings, lang: str = "en") -> Prepared:
    """Read the pairs and split them by group (seeded); a ``--test-data`` or
    ``--validation-data`` file is that part instead of a share of the data."""
    data = read_all(list(settings.data), read_options(settings))
    plan = resolve_plan(settings, data)
    options = read_options(settings, plan.task)
    test = read_all([settings.test_data], options).pairs if settings.test_data else None
    validation = None
    if settings.validation_data:
        validation = read_all([settings.validation_data], options).pairs
    warnings = drop_leaks(data, {"test": test, "validation": validation}, lang)
    split = grouped_split(
        data.pairs,
        0.0 if test is not None else settings.test_size,
        0.0 if validation is not None else settings.validation_size,
        settings.seed,
    )
    split.test = test if test is not None else split.test
    split.validation = validation if validation is not None else split.validation
    if not (split.train and split.validation and split.test):
        sizes = "/".join(str(n) for n in split.sizes().values())
        raise UserError(
            f"too few pairs: {len(data.pairs)} usable pairs split {sizes} "
            "(train/validation/test); every part needs at least one: add rows",
            file=data.paths[0],
        )
    if len(split.test) < SMALL_TEST:
        warnings.append(say(MESSAGES, "small_test", lang, n=len(split.test)))
    return Prepared(data, split, plan, warnings)


def plan(settings: Seq2SeqSettings) -> dict:
    """What a run would do (``--dry-run``): data summary, split sizes, model, settings."""
    prepared = load_and_split(settings)
    source = resolve_model(settings.model)
    train = prepared.split.train
    texts = [f"{p.source} {p.target}" for p in train]
    n_validation, decoding = len(prepared.split.validation), settings.generation()
    generation = {  # what each evaluation generates (finetune.py's validation)
        "sources": min(settings.eval_samples, n_validation),
        "beams": decoding.num_beams,
        "new_tokens": decoding.max_new_tokens,
    }
    extras = plan_extras(
        settings, source, "seq2seq-lm", texts, len(train), n_validation,
        weight_share=0.5,  # a source token passes the encoder, a target token the decoder
        generation=generation,
    )  # fmt: skip
    return {
        "task": "seq2seq",
        "kind": prepared.plan.task,
        "prefix": prepared.plan.prefix,
        "direction": prepared.plan.direction,
        "method": settings.method,
        "model": {"name": source.name, "kind": source.kind, "location": source.location},
        "split_sizes": prepared.split.sizes(),
        "data": prepared.data.summary(),
        "warnings": prepared.warnings,
        "settings": settings.to_dict(),
        **extras,
    }


def _check_split(split: PairSplit, out_dir: Path, resume: bool) -> None:
    """Record the split in ``checkpoints/split.json``; on ``--resume`` refuse another one."""
    path = out_dir / CHECKPOINT_DIR / SPLIT_JSON
    digest = split.sha256()
    if resume and path.is_file():
        if json.loads(path.read_text(encoding="utf-8")).get("sha256") == digest:
            return
        raise UserError(
            "cannot resume: the data split differs from the one this run started with "
            "(the data file changed); pass --overwrite to start afresh",
            file=out_dir,
        )
    atomic_write_json(path, {"sha256": digest})


def train_seq2seq(
    settings: Seq2SeqSettings,
    resume: bool = False,
    overwrite: bool = False,
    reporter: Reporter | None = None,
) -> TrainResult | None:
    """Train the model, score it and the baseline on the test part, write the folder.

    Returns:
        The result on the main process; ``None`` on the others of a multi-process run.

    Raises:
        UserError: bad data, model or output folder.
        NumericalFault: the training loss became NaN or infinite.
        Interrupted: Ctrl-C or SIGTERM during training.
    """
    with removed_if_left_empty(settings.out):  # a failed start leaves no empty folder
        return _train(settings, resume, overwrite, silent_if_none(reporter))


def _say_data(prepared: Prepared, reporter: Reporter) -> None:
    data, plan, lang = prepared.data, prepared.plan, reporter.lang
    reporter.line(
        say(
            MESSAGES,
            "data",
            lang,
            pairs=len(data.pairs),
            task=plan.task,
            direction=f" {plan.direction}" if plan.direction else "",
            dropped=sum(data.drops.counts.values()),
            sizes=split_text(prepared.split.sizes(), lang),
        )
    )
    for note in data.notes:
        reporter.line(say(MESSAGES, "note", lang, text=note_text(note, lang)))
    for warning in prepared.warnings:
        reporter.warn(warning)


def _train(
    settings: Seq2SeqSettings, resume: bool, overwrite: bool, reporter: Reporter
) -> TrainResult | None:
    state = process_state()
    prepared = load_and_split(settings, reporter.lang)
    out_dir = Path(settings.out)
    if state.is_main_process:
        prepare_out_dir(out_dir, resume=resume, overwrite=overwrite)
        _say_data(prepared, reporter)
    state.wait_for_everyone()
    run = train_seq2seq_model(
        settings,
        prepared.split,
        prepared.plan,
        out_dir,
        resume,
        reporter,
        before_training=lambda: _check_split(prepared.split, out_dir, resume),
    )
    if not run.fit.is_main_process:
        return None
    if run.drops.counts:
        reporter.warn(
            say(
                MESSAGES,
                "too_long",
                reporter.lang,
                count=sum(run.drops.counts.values()),
                source=settings.source_limit,
                target=settings.max_target_length,
            )
        )
    return _score_and_write(settings, prepared, run, out_dir, reporter)


def _score_and_write(
    settings: Seq2SeqSettings,
    prepared: Prepared,
    run: ModelRun,
    out_dir: Path,
    reporter: Reporter,
) -> TrainResult:
    """Score the saved folder and the baselines on the test part; write every artefact."""
    test = prepared.split.test
    start = time.perf_counter()
    loaded = load_seq2seq(out_dir)
    outputs: list[str] = []
    with reporter.progress(say(MESSAGES, "testing", reporter.lang), len(test)) as task:
        for offset in range(0, len(test), TEST_CHUNK):
            sources = [p.source for p in test[offset : offset + TEST_CHUNK]]
            outputs += loaded.generate(sources, batch_size=settings.batch_size * 2)
            task.update(len(outputs))
    test_seconds = time.perf_counter() - start
    metrics = score(outputs, [p.target for p in test])
    baselines = score_baselines(prepared.plan.task, test)
    record = Seq2SeqRun(
        settings=settings,
        prepared=prepared,
        run=run,
        metrics=metrics,
        baselines=baselines,
        outputs=outputs,
        test_seconds=test_seconds,
    )
    paths = write_artefacts(out_dir, record, reporter.lang)
    name = next(iter(baselines))
    return TrainResult(out_dir, metrics, baselines[name], name, paths["report"])
