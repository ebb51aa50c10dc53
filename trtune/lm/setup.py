"""Everything a run needs before its first step: data split, tokenizer, model, batches."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from trtune.errors import UserError
from trtune.lm.encode import Encoded, encode_records
from trtune.lm.formats import LoadedData, Record, load_records
from trtune.lm.models import (
    TINY_LM_PRESETS,
    apply_lora,
    build_tiny_model,
    load_pretrained,
    qlora_config,
    train_bpe_tokenizer,
)
from trtune.lm.settings import LMTrainConfig
from trtune.lm.templates import render_record, resolve_template
from trtune.train.outdir import save_pretrained_atomic

BASE_DIR = "base"
# GPT-2 blocks: LoRA on every projection, so that a from-scratch tiny model can still learn.
TINY_TARGETS = {"gpt2": ["c_attn", "c_proj", "c_fc"], "llama": ["q_proj", "v_proj", "up_proj"]}


@dataclass
class Prepared:
    """The data and model of a run, ready to train."""

    data: LoadedData
    train_records: list[Record]
    val_records: list[Record]
    train: list[Encoded]
    val: list[Encoded]
    tokenizer: PreTrainedTokenizerBase
    model: PreTrainedModel
    template: str
    base_model: str  # what an adapter folder loads its base from ("base" = inside it)
    trainable_params: int
    total_params: int


def split_records(
    records: list[Record], val_fraction: float, seed: int
) -> tuple[list[Record], list[Record]]:
    """A seeded shuffle, then the last ``val_fraction`` (at least one) held out."""
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    n_val = max(1, round(len(records) * val_fraction)) if len(records) > 1 else 0
    train = [records[i] for i in order[n_val:]]
    val = [records[i] for i in order[:n_val]] or list(train)
    return train, val


def _tokenizer_texts(records: list[Record]) -> list[str]:
    texts = []
    for record in records:
        if record.text is not None:
            texts.append(record.text)
        else:
            texts.append("".join(s.text for s in render_record(record, "turkish", None)))  # type: ignore[arg-type]
    return texts


def load_model_for(
    config: LMTrainConfig, train_records: list[Record], out_dir: Path, resume: bool
) -> tuple[PreTrainedModel, PreTrainedTokenizerBase, str]:
    """Build or load the base model and tokenizer; returns them and the base's location."""
    preset = TINY_LM_PRESETS.get(config.model)
    if preset is None:
        quant = qlora_config() if config.method == "qlora" else None
        model, tokenizer = load_pretrained(config.model, config.trust_remote_code, quant)
        base = str(Path(config.model).resolve()) if Path(config.model).is_dir() else config.model
        return model, tokenizer, base
    if config.method == "qlora":
        qlora_config()  # fails with the one-line reason on a machine without CUDA
    saved = out_dir / BASE_DIR
    if resume and (saved / "config.json").is_file():
        model, tokenizer = load_pretrained(str(saved))
        return model, tokenizer, BASE_DIR
    if resume and (out_dir / "tokenizer.json").is_file():
        from transformers import AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(str(out_dir))
    else:
        tokenizer = train_bpe_tokenizer(
            _tokenizer_texts(train_records), preset.vocab_size, preset.max_positions
        )
    model = build_tiny_model(preset, tokenizer, config.seed)
    return model, tokenizer, BASE_DIR


def prepare_run(config: LMTrainConfig, out_dir: Path | None, resume: bool = False) -> Prepared:
    """Read and split the data, build the model (with LoRA if asked) and tokenise.

    A tiny preset trained with LoRA has its freshly built base saved in ``out_dir/base``
    first, so that the adapter folder carries its base (``out_dir`` None: a dry run).
    """
    data = load_records(config.data, config.max_examples)
    train_records, val_records = split_records(data.records, config.val_fraction, config.seed)
    model, tokenizer, base = load_model_for(config, train_records, out_dir or Path("."), resume)
    base_dir = None if out_dir is None else out_dir / BASE_DIR
    if base == BASE_DIR and config.method != "full" and base_dir is not None:
        from accelerate import PartialState

        if PartialState().is_main_process and not (base_dir / "config.json").is_file():
            save_pretrained_atomic(model, base_dir)
            save_pretrained_atomic(tokenizer, base_dir)
    limit = getattr(model.config, "max_position_embeddings", None) or getattr(
        model.config, "n_positions", None
    )
    if limit is not None and config.max_length > limit:
        config.max_length = int(limit)
    template = resolve_template(config.template, tokenizer)
    train = encode_records(train_records, tokenizer, template, config.max_length, data.drops)
    val = encode_records(val_records, tokenizer, template, config.max_length, data.drops)
    if not train or not val:
        raise UserError(f"no examples fit --max-length {config.max_length}", file=config.data)
    if config.gradient_checkpointing:
        model.gradient_checkpointing_enable()
        model.config.use_cache = False
    if config.method in ("lora", "qlora"):
        if config.method == "qlora":
            from peft import prepare_model_for_kbit_training

            model = prepare_model_for_kbit_training(
                model, use_gradient_checkpointing=config.gradient_checkpointing
            )
        elif config.gradient_checkpointing:
            model.enable_input_require_grads()
        targets = config.target_modules
        if targets is None and config.model in TINY_LM_PRESETS:
            targets = TINY_TARGETS[model.config.model_type]
        model = apply_lora(model, config.lora_r, config.lora_alpha, config.lora_dropout, targets)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    torch.manual_seed(config.seed)
    return Prepared(
        data=data,
        train_records=train_records,
        val_records=val_records,
        train=train,
        val=val,
        tokenizer=tokenizer,
        model=model,
        template=template,
        base_model=base,
        trainable_params=trainable,
        total_params=total,
    )
