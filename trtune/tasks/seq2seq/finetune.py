"""Full fine-tuning and LoRA of an encoder-decoder (T5, mT5, BART, mBART, TURNA, ``tiny-t5``):
what seq2seq adds to the shared Trainer run (:func:`trtune.run.fit.fit`).

The folder it saves generates as it was validated: the task prefix goes into ``config.json``
(``prefix``, and ``task_specific_params`` for the summarization/translation pipelines of
transformers 4) and the generation settings into ``generation_config.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import torch

from trtune.errors import UserError
from trtune.infer.kinds import save_preset_base, save_trained
from trtune.run.fit import FitJob, FitResult, fit
from trtune.run.lora import apply_lora
from trtune.run.models import ModelSource, load_model, resolve_model
from trtune.run.outdir import atomic_write_json
from trtune.run.processes import is_main_process, shared_tokenizer
from trtune.run.progress import Reporter, silent_if_none
from trtune.tasks.seq2seq.encode import EncodedPairs, Limits, encode_pairs, seq2seq_collator
from trtune.tasks.seq2seq.pairs import Drops, PairSplit
from trtune.tasks.seq2seq.settings import HEADLINE, Seq2SeqSettings
from trtune.tasks.seq2seq.trainer import Seq2SeqTrtuneTrainer, ValidationGeneration


@dataclass
class Seq2SeqPlan:
    """What the data decided: the task, its prefix and direction."""

    task: str
    prefix: str
    direction: str | None = None


@dataclass
class ModelRun:
    """What training gave: the Trainer's result, the pairs it trained on, its token count."""

    fit: FitResult
    drops: Drops = field(default_factory=Drops)
    train_tokens: int = 0
    model_type: str = ""
    trainable_parameters: int = 0


def limits_of(settings: Seq2SeqSettings, task: str) -> Limits:
    """The length limits of a run (summaries' sources are cut, others dropped)."""
    return Limits(settings.source_limit, settings.max_target_length, task == "summarize")


def _load(
    settings: Seq2SeqSettings, source: ModelSource, tokenizer, reporter: Reporter | None = None
):
    model = load_model(
        source,
        "seq2seq-lm",
        tokenizer,
        seed=settings.seed,
        trust_remote_code=settings.trust_remote_code,
        reporter=reporter,
    )
    if not getattr(model.config, "is_encoder_decoder", False):
        raise UserError(
            f"{settings.model} is not an encoder-decoder ({model.config.model_type}); seq2seq "
            "trains T5, mT5, BART, mBART or TURNA (or --model tiny-t5)"
        )
    return model


def seq2seq_job(
    settings: Seq2SeqSettings,
    model,
    tokenizer,
    train_set: EncodedPairs,
    val_set: EncodedPairs,
    generation: ValidationGeneration,
    task: str,
) -> FitJob:
    """The Trainer job: datasets, collator, the generated validation metric."""
    arguments: dict = {"prediction_loss_only": True}  # never gather (B, T, vocabulary) logits
    if torch.cuda.is_available() and not torch.cuda.is_bf16_supported():
        arguments["fp16"] = False  # T5's activations overflow float16
    return FitJob(
        model=model,
        tokenizer=tokenizer,
        train_dataset=train_set,
        eval_dataset=val_set,
        collator=seq2seq_collator(tokenizer),
        best_metric=HEADLINE[task],
        greater_is_better=True,
        line_metric=HEADLINE[task],
        trainer_class=Seq2SeqTrtuneTrainer,
        arguments=arguments,
        trainer_kwargs={"validation_generation": generation},
    )


def record_generation(model, plan: Seq2SeqPlan, settings: Seq2SeqSettings) -> None:
    """Write the prefix and the generation settings into the model's configs, so that plain
    transformers generates as ``seq2seq generate`` does."""
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    base.config.prefix = plan.prefix
    params = {"prefix": plan.prefix}
    if plan.task == "summarize":
        base.config.task_specific_params = {"summarization": params}
    elif plan.task == "translate" and plan.direction:
        src, tgt = plan.direction.split("-")
        base.config.task_specific_params = {f"translation_{src}_to_{tgt}": params}
    generation = settings.generation()
    base.generation_config.num_beams = generation.num_beams
    base.generation_config.max_new_tokens = generation.max_new_tokens
    if generation.no_repeat_ngram_size:
        base.generation_config.no_repeat_ngram_size = generation.no_repeat_ngram_size


def portable_tokenizer_config(folder: Path) -> None:
    """Name a plain ``tokenizers`` tokenizer ``PreTrainedTokenizerFast`` in
    ``tokenizer_config.json``: transformers 5 writes ``TokenizersBackend``, a class
    transformers 4 (and its text2text pipelines) cannot load; both load the old name."""
    path = folder / "tokenizer_config.json"
    if not path.is_file():
        return
    config = json.loads(path.read_text(encoding="utf-8"))
    if config.get("tokenizer_class") == "TokenizersBackend":
        config["tokenizer_class"] = "PreTrainedTokenizerFast"
        atomic_write_json(path, config)


def train_seq2seq_model(
    settings: Seq2SeqSettings,
    split: PairSplit,
    plan: Seq2SeqPlan,
    out_dir: Path,
    resume: bool,
    reporter: Reporter | None = None,
    before_training: Callable[[], None] | None = None,
) -> ModelRun:
    """``finetune`` or ``lora``: load the model, train it, save it as its folder kind."""
    reporter = silent_if_none(reporter)
    source = resolve_model(settings.model)
    texts = [plan.prefix + p.source for p in split.train] + [p.target for p in split.train]
    main = is_main_process()
    shown = reporter if main else None  # one spinner, not one per process
    tokenizer = shared_tokenizer(source, texts, out_dir, settings.trust_remote_code, shown)
    model = _load(settings, source, tokenizer, shown)
    drops, limits = Drops(), limits_of(settings, plan.task)
    train_set, _ = encode_pairs(tokenizer, split.train, plan.prefix, limits, drops)
    val_set, val_pairs = encode_pairs(tokenizer, split.validation, plan.prefix, limits)
    if not len(train_set) or not len(val_set):
        raise UserError(
            f"no pairs left within --max-source-length {limits.source} / --max-target-length "
            f"{limits.target} tokens ({len(train_set)} training, {len(val_set)} validation)"
        )
    if main and before_training is not None:
        before_training()
    if settings.method == "lora":
        if source.kind == "preset" and main:
            save_preset_base(model, tokenizer, out_dir)
        model = apply_lora(model, settings, "seq2seq")
    generation = ValidationGeneration(
        val_pairs[: settings.eval_samples],
        plan.prefix,
        limits.source,
        settings.generation(),
        batch_size=settings.batch_size * 2,
    )
    job = seq2seq_job(settings, model, tokenizer, train_set, val_set, generation, plan.task)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    result = fit(settings, job, out_dir, resume, reporter)
    if result.is_main_process:
        record_generation(result.model, plan, settings)
        save_trained(result.model, tokenizer, out_dir, settings.merge, source)
        portable_tokenizer_config(out_dir)
    return ModelRun(result, drops, train_set.token_count(), model.config.model_type, trainable)
