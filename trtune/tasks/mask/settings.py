"""The settings of ``trtune mask train``: the shared training settings plus the masked LM's
own (masking probability, whole words, packing, the fill-in probes).

Pretrained encoders get the usual continued-pre-training rates (full 5e-5 as in
Gururangan et al. 2020's domain-adaptive pre-training, which used 1e-4 with a far larger
batch; LoRA 5e-4); tiny presets start from random weights and get a high rate and more
epochs, so that ``--model tiny`` shows learning in a test. LoRA saves the merged model by
default (``--no-merge`` keeps the adapter alone): the point of adapting an encoder is to fine-
tune it afterwards, and ``classify train --model DIR`` wants a plain model folder.
"""

from __future__ import annotations

from dataclasses import dataclass

from trtune.errors import UserError
from trtune.run.settings import TrainSettings, setting

MAX_TOP_K = 50


@dataclass(kw_only=True)
class MaskSettings(TrainSettings):
    """Everything ``trtune mask train`` depends on (dumped to ``trtune.json``)."""

    TASK = "mask"
    METHODS = ("full", "lora")
    DEFAULTS = {
        "*": {
            "model": "tiny",
            "method": "full",
            "epochs": 3.0,
            "batch_size": 32,
            "max_length": 128,
            "test_size": 0.0,
            "validation_size": 0.1,
            "patience": 2,
            "warmup_ratio": 0.06,
            "weight_decay": 0.01,
            "lora_r": 16,
            "lora_alpha": 32,
            "lora_dropout": 0.05,
        },
        "full": {"lr": 5e-5, "merge": False},
        "lora": {"lr": 5e-4, "merge": True},
        "preset": {"epochs": 20.0, "patience": 20},
        "preset:full": {"lr": 2e-3},
        "preset:lora": {"lr": 5e-3},
    }
    FIELD_HELP = {
        "data": "raw text: a .txt file (one text per line), a folder of them, or a table "
        "(CSV, TSV, JSON, JSONL, Parquet) whose text column is read; repeat for several",
        "merge": "LoRA: save the adapter merged into a plain model (the adapter stays in adapter/)",
        "max_length": "tokens per example at most (with --pack: the block length)",
    }

    text_col: str | None = setting("name of the text column of a table")
    mlm_probability: float = setting("share of tokens (or words) hidden for prediction", 0.15)
    whole_word_mask: bool = setting(
        "hide whole words (all their sub-words; Ankara'da is one word) instead of tokens",
        False,
    )
    pack: bool = setting(
        "concatenate the texts into blocks of --max-length tokens (default: one text per line)",
        False,
    )
    fill_probes: int = setting(
        "held-out sentences with one word hidden, for the top-k fill accuracy", 500
    )
    fill_examples: int = setting("fill-in examples shown before and after in the report", 6)

    def check(self) -> None:
        """The masked LM's own checks."""
        if not 0 < self.mlm_probability < 1:
            raise UserError(
                f"--mlm-probability must be between 0 and 1, got {self.mlm_probability}"
            )
        if self.max_length < 8:
            raise UserError("--max-length must be at least 8")
        if not 0 < self.validation_size < 0.9 and self.validation_data is None:
            raise UserError(
                "validation_size must be in (0, 0.9) (--validation-size): the perplexity before "
                "and after, early stopping and the best checkpoint need a validation part"
            )
        if self.fill_probes < 0 or self.fill_examples < 0:
            raise UserError("--fill-probes and --fill-examples must not be negative")
