"""Everything an LM run needs before its first step: data split, tokenizer, model, batches."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from trtune.errors import UserError
from trtune.infer.kinds import save_preset_base
from trtune.infer.lm import ensure_pad_token
from trtune.run.lora import apply_lora
from trtune.run.models import ModelSource, load_model, load_tokenizer, resolve_model
from trtune.run.processes import is_main_process, shared_tokenizer
from trtune.run.progress import Reporter
from trtune.tasks.lm.encode import Encoded, encode_records
from trtune.tasks.lm.formats import LoadedData, Record, load_records
from trtune.tasks.lm.settings import LMSettings
from trtune.tasks.lm.templates import render_record, resolve_template


@dataclass
class Prepared:
    """The data and model of a run, ready to train.

    Attributes:
        max_length: the length limit in effect: ``--max-length``, cut to the model's
            positions when it has fewer.
    """

    data: LoadedData
    train_records: list[Record]
    val_records: list[Record]
    train: list[Encoded]
    val: list[Encoded]
    test: list[Encoded]
    tokenizer: PreTrainedTokenizerBase
    model: PreTrainedModel
    template: str
    source: ModelSource
    max_length: int
    trainable_params: int
    total_params: int


def split_records(
    records: list[Record], validation_size: float, seed: int
) -> tuple[list[Record], list[Record]]:
    """A seeded shuffle, then the last ``validation_size`` share (at least one) held out."""
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    n_val = max(1, round(len(records) * validation_size)) if len(records) > 1 else 0
    train = [records[i] for i in order[n_val:]]
    val = [records[i] for i in order[:n_val]] or list(train)
    return train, val


def _tokenizer_texts(records: list[Record]) -> list[str]:
    """The text a preset's tokenizer trains on: plain texts, or instructions rendered with
    the Turkish template (its headers are words the model must write and read)."""
    texts = []
    for record in records:
        if record.text is not None:
            texts.append(record.text)
        else:
            texts.append("".join(s.text for s in render_record(record, "turkish", None)))  # type: ignore[arg-type]
    return texts


def qlora_config() -> object:
    """The 4-bit NF4 quantisation of QLoRA.

    Raises:
        UserError: no CUDA GPU or no bitsandbytes.
    """
    import importlib.util

    if not torch.cuda.is_available():
        raise UserError("--method qlora needs a CUDA GPU; use --method lora on this machine")
    if importlib.util.find_spec("bitsandbytes") is None:
        raise UserError("--method qlora needs bitsandbytes: pip install bitsandbytes")
    from transformers import BitsAndBytesConfig

    return BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_use_double_quant=True,
        bnb_4bit_compute_dtype=torch.bfloat16,
    )


def load_base(
    settings: LMSettings,
    source: ModelSource,
    train_records: list[Record],
    out_dir: Path | None,
    reporter: Reporter | None = None,
) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """The base model and its tokenizer. A preset trains its tokenizer once (every process
    and every ``--resume`` reads the same copy) and builds its weights from the seed.
    ``reporter`` shows the loading (or the tokenizer training)."""
    quantization = qlora_config() if settings.method == "qlora" else None
    texts = _tokenizer_texts(train_records) if source.kind == "preset" else []
    if out_dir is None:  # a dry run writes nothing
        tokenizer = load_tokenizer(
            source, texts, trust_remote_code=settings.trust_remote_code, reporter=reporter
        )
    else:
        tokenizer = shared_tokenizer(source, texts, out_dir, settings.trust_remote_code, reporter)
    tokenizer = ensure_pad_token(tokenizer)
    model = load_model(
        source,
        "causal-lm",
        tokenizer,
        seed=settings.seed,
        trust_remote_code=settings.trust_remote_code,
        quantization=quantization,
        reporter=reporter,
    )
    return model, tokenizer


def _load_data(
    settings: LMSettings,
) -> tuple[LoadedData, list[Record], list[Record], list[Record]]:
    """The training file split into train / validation / test records; a
    ``--validation-data`` or ``--test-data`` file is that part instead of a share."""
    if len(settings.data) != 1:
        raise UserError("lm train reads one --data file")
    data = load_records(settings.data[0], settings.max_examples)
    records, test = data.records, []
    if settings.test_data is not None:
        test = load_records(settings.test_data).records
    elif settings.test_size > 0:
        records, test = split_records(records, settings.test_size, settings.seed)
    if settings.validation_data is not None:
        return data, records, load_records(settings.validation_data).records, test
    train, val = split_records(records, settings.validation_size, settings.seed)
    return data, train, val, test


def _wrap_for_training(model: PreTrainedModel, settings: LMSettings) -> PreTrainedModel:
    """Gradient checkpointing, QLoRA's preparation and LoRA, as the settings ask."""
    if settings.gradient_checkpointing:
        model.gradient_checkpointing_enable()
        model.config.use_cache = False
    if settings.method == "full":
        return model
    if settings.method == "qlora":
        from peft import prepare_model_for_kbit_training

        model = prepare_model_for_kbit_training(
            model, use_gradient_checkpointing=settings.gradient_checkpointing
        )
    elif settings.gradient_checkpointing:
        model.enable_input_require_grads()
    return apply_lora(model, settings, "lm")


def prepare_run(
    settings: LMSettings, out_dir: Path | None, reporter: Reporter | None = None
) -> Prepared:
    """Read and split the data, build the model (with LoRA if asked) and tokenise.

    A preset trained with LoRA has its freshly built base saved in ``out_dir/base_model``
    first, so that the adapter folder carries its base (``out_dir`` None: a dry run).
    """
    data, train_records, val_records, test_records = _load_data(settings)
    source = resolve_model(settings.model)
    model, tokenizer = load_base(settings, source, train_records, out_dir, reporter)
    if source.kind == "preset" and settings.method != "full" and out_dir is not None:
        if is_main_process():
            save_preset_base(model, tokenizer, out_dir)
    limit = getattr(model.config, "max_position_embeddings", None) or getattr(
        model.config, "n_positions", None
    )
    max_length = min(settings.max_length, int(limit)) if limit else settings.max_length
    template = resolve_template(settings.template, tokenizer)
    train = encode_records(train_records, tokenizer, template, max_length, data.drops)
    val = encode_records(val_records, tokenizer, template, max_length, data.drops)
    test = encode_records(test_records, tokenizer, template, max_length)
    if not train or not val:
        raise UserError(f"no examples fit --max-length {max_length}", file=settings.data[0])
    model = _wrap_for_training(model, settings)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    torch.manual_seed(settings.seed)
    return Prepared(
        data=data,
        train_records=train_records,
        val_records=val_records,
        train=train,
        val=val,
        test=test,
        tokenizer=tokenizer,
        model=model,
        template=template,
        source=source,
        max_length=max_length,
        trainable_params=trainable,
        total_params=total,
    )
