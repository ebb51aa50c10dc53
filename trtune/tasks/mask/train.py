"""``mask train``, a recipe of named steps: read and split the text, prepare the folder, load
the model (adding the masked-LM head an encoder export lacks), score it before training,
train on the shared Trainer run, save, load the saved folder back and score it again, write
the artefacts.

The validation texts are masked once with the run's seed, so the perplexity before, after
and at every epoch is measured on exactly the same blanks; training texts get new masks at
every step (dynamic masking).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from trtune.errors import UserError
from trtune.i18n import say
from trtune.infer.kinds import save_preset_base, save_trained
from trtune.run.fit import FitJob, fit
from trtune.run.lora import apply_lora
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
from trtune.tasks.mask.encode import MaskedLMExamples
from trtune.tasks.mask.head import (
    head_modules,
    perplexity_metrics,
    stats_from_logits,
)
from trtune.tasks.mask.masking import MaskingCollator
from trtune.tasks.mask.messages import MESSAGES
from trtune.tasks.mask.report import MaskRun, write_artefacts
from trtune.tasks.mask.scoring import score_after, score_before
from trtune.tasks.mask.settings import MaskSettings
from trtune.tasks.mask.setup import Setup, prepare_run
from trtune.tasks.mask.texts import RawTexts, TextSplit, read_raw_texts, split_texts
from trtune.tasks.mask.trainer import MaskedLMTrainer

SPLIT_JSON = "split.json"


@dataclass
class TrainResult:
    """Where a run wrote its files and its headline numbers."""

    out_dir: Path
    metrics: dict
    report: Path


def load_and_split(settings: MaskSettings) -> tuple[RawTexts, TextSplit]:
    """Read the texts and split them (seeded); fixed validation/test files replace their
    share, and training texts that also appear in them are dropped."""
    raw = read_raw_texts(settings.data, settings.text_col)
    fixed = {
        name: read_raw_texts(path, settings.text_col).texts
        for name, path in (("validation", settings.validation_data), ("test", settings.test_data))
        if path is not None
    }
    split = split_texts(
        raw.texts,
        settings.validation_size,
        settings.test_size,
        settings.seed,
        fixed.get("validation"),
        fixed.get("test"),
    )
    held_out = {t for texts in fixed.values() for t in texts}
    if held_out:
        where = dict(zip(raw.texts, raw.where, strict=True))
        copies = [t for t in split.train if t in held_out]
        raw.drops["held_out_copy"] += [where[t] for t in copies]
        split.train = [t for t in split.train if t not in held_out]
        if not split.train:
            raise UserError("every training text is also in the validation or test file")
    return raw, split


def plan(settings: MaskSettings) -> dict:
    """What a run would do (``--dry-run``): data, split sizes, model, settings."""
    raw, split = load_and_split(settings)
    source = resolve_model(settings.model)
    extras = plan_extras(
        settings, source, "masked-lm", split.train, len(split.train), len(split.validation)
    )
    return {
        "task": "mask",
        "method": settings.method,
        "model": {"name": source.name, "kind": source.kind, "location": source.location},
        "data": {"files": raw.files, "format": raw.format, "drops": raw.drop_report()},
        "split_sizes": split.sizes(),
        "settings": settings.to_dict(),
        **extras,
    }


def train_masked_lm(
    settings: MaskSettings,
    resume: bool = False,
    overwrite: bool = False,
    reporter: Reporter | None = None,
) -> TrainResult | None:
    """Continue masked-LM training of an encoder on raw text; write the output folder.

    Returns:
        The result on the main process; ``None`` on the other processes of an
        ``accelerate launch`` run.

    Raises:
        UserError: bad data, model or output folder.
        NumericalFault: the training loss became NaN or infinite.
        Interrupted: Ctrl-C or SIGTERM during training.
    """
    with removed_if_left_empty(settings.out):  # a failed start leaves no empty folder
        return _train(settings, resume, overwrite, silent_if_none(reporter))


def _train(
    settings: MaskSettings, resume: bool, overwrite: bool, reporter: Reporter
) -> TrainResult | None:
    state = process_state()
    raw, split = load_and_split(settings)
    out_dir = prepare_shared_out_dir(state, settings.out, resume, overwrite)
    main = state.is_main_process
    if main:
        found = {"n": len(raw.texts), "files": len(raw.files), **split.sizes()}
        reporter.line(say(MESSAGES, "train.data", reporter.lang, **found))
        for warning in raw.warnings:
            reporter.warn(warning)
    setup = prepare_run(settings, split, out_dir, reporter if main else None)
    if main:
        _check_split(split, out_dir, resume)
        score_before(setup, settings, out_dir, reporter)
    result = fit(settings, _job(settings, setup), out_dir, resume, reporter)
    if not result.is_main_process:
        return None
    save_trained(result.model, setup.tokenizer, out_dir, settings.merge, setup.source)
    score_after(setup, settings, out_dir, reporter)
    run = MaskRun(settings, raw, split.sizes(), setup, result, examples_sha256(raw.texts))
    paths = write_artefacts(out_dir, run, reporter.lang)
    return TrainResult(out_dir, run.metrics(), paths["report"])


def _check_split(split: TextSplit, out_dir: Path, resume: bool) -> None:
    """Record the split in ``checkpoints/split.json``; a ``--resume`` on another split (an
    edited data file) is refused: held-out texts would become training texts."""
    path = out_dir / CHECKPOINT_DIR / SPLIT_JSON
    digest = examples_sha256(
        f"{name}\t{text}"
        for name in ("train", "validation", "test")
        for text in getattr(split, name)
    )
    if resume and path.is_file():
        if json.loads(path.read_text(encoding="utf-8")).get("sha256") == digest:
            return
        raise UserError(
            "cannot resume: the texts or their split differ from the ones this run started "
            "with; pass --overwrite to start afresh",
            file=out_dir,
        )
    atomic_write_json(path, {"sha256": digest})


def _job(settings: MaskSettings, setup: Setup) -> FitJob:
    """The Trainer job: dynamic masking for training, the fixed masks for validation."""
    model = setup.loaded.model
    if settings.method == "lora":
        if setup.source.kind == "preset" and process_state().is_main_process:
            save_preset_base(model, setup.tokenizer, Path(settings.out))
        keep = (
            head_modules(model, setup.loaded.new_weights)
            if setup.loaded.head != "pretrained"
            else []
        )
        model = apply_lora(model, settings, "mask", modules_to_save=keep)
    return FitJob(
        model=model,
        tokenizer=setup.tokenizer,
        train_dataset=MaskedLMExamples(setup.train_items),
        eval_dataset=MaskedLMExamples(setup.parts[0].items),
        collator=MaskingCollator(setup.rule, setup.tokenizer.pad_token_id or 0),
        compute_metrics=perplexity_metrics,
        best_metric="perplexity",
        greater_is_better=False,
        line_metric="perplexity",
        token_keys=("labels",),
        trainer_class=MaskedLMTrainer,
        arguments={"remove_unused_columns": False, "label_names": ["labels"]},
        trainer_kwargs={"preprocess_logits_for_metrics": stats_from_logits},
    )
