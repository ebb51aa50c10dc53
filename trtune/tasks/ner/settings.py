"""The settings of ``trtune ner train``: the shared training settings plus the tagger's own.

Defaults per method follow the usual BERT token-classification recipe (Devlin et al. 2019;
transformers' ``run_ner.py``): a few epochs, a linear schedule with 10 % warm-up, weight
decay 0.01, batches of 16 sentences. The tiny presets start from random weights and need a
higher learning rate and more epochs to show that they learn. When no validation or test
file is given, 10 % of the sentences are held out for test and 10 % of the rest for
validation, chosen with the seed.
"""

from __future__ import annotations

from dataclasses import dataclass

from trtune.errors import UserError
from trtune.run.settings import TrainSettings, setting

SUBWORD_LABELS = ("all", "first")
_SCHEDULE = {"warmup_ratio": 0.1, "weight_decay": 0.01}


@dataclass(kw_only=True)
class NerSettings(TrainSettings):
    """Everything a NER training run depends on (dumped to ``trtune.json``)."""

    TASK = "ner"
    METHODS = ("finetune", "lora")
    DEFAULTS = {
        "*": {
            "model": "tiny",
            "method": "finetune",
            "batch_size": 16,
            "max_length": 128,
            "test_size": 0.1,
            "validation_size": 0.1,
            "lora_r": 8,
            "lora_alpha": 16,
            "lora_dropout": 0.1,
            "merge": False,
        },
        "finetune": {"epochs": 3, "lr": 1e-4, "patience": 2, **_SCHEDULE},
        "lora": {"epochs": 5, "lr": 5e-4, "patience": 2, **_SCHEDULE},
        "preset": {"epochs": 20, "patience": 5},
        "preset:finetune": {"lr": 3e-3},
        "preset:lora": {"lr": 1e-2},
    }
    FIELD_HELP = {
        "data": "NER training file: CoNLL (token and tag per line), a table with sentence, "
        "word and tag columns, or JSON/JSONL (tokens and tags, or text and entity spans); "
        "repeat for several",
    }

    tag_names: list[str] | None = setting(
        "names of numeric ner_tags in order, e.g. O,B-PER,I-PER (default: the file's label list)",
        metavar="NAMES",
    )
    subword_labels: str = setting(
        "which sub-words of a word learn its tag: all (later sub-words learn I-TYPE, so "
        "transformers' pipeline with aggregation_strategy='simple' sees whole words) or "
        "first (the first sub-word only, as in the BERT paper); the word's tag is always "
        "read from its first sub-word",
        "all",
    )

    def check(self) -> None:
        """The tagger's own checks."""
        if self.subword_labels not in SUBWORD_LABELS:
            raise UserError(f"unknown subword_labels {self.subword_labels!r}; choose all or first")
        if self.test_data is None and not 0 < self.test_size < 1:
            raise UserError("test_size must be in (0, 1) (--test-size), or give --test-data")
        if self.validation_data is None and not 0 < (self.validation_size or 0) < 1:
            raise UserError(
                "validation_size must be in (0, 1) (--validation-size), or give "
                "--validation-data: early stopping and the best checkpoint need a validation part"
            )
