"""The settings of ``trtune seq2seq train``: the shared training settings plus the
encoder-decoder's own (task and prefix, columns, direction, both length limits, and the
generation settings that validation, the test scoring, ``eval`` and ``generate`` share).

Defaults. A pretrained model (T5, mT5, BART, TURNA): AdamW at 3e-4 for full fine-tuning
(1e-3 for LoRA, r 16), 3 epochs, patience 2. A tiny preset learns from scratch: a higher
rate (2e-3) and more epochs. 5 % of the pairs are held out for the test part and 5 % of the
rest for validation; the validation metric (chrF for translation, ROUGE-L otherwise) is
computed on generated text for ``eval_samples`` validation pairs at every evaluation, and
early stopping and the best checkpoint follow it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from trtune.errors import UserError
from trtune.infer.sampling import GenerationSettings
from trtune.run.settings import TrainSettings, setting

TASKS = ("auto", "summarize", "translate", "question-generation", "generic")
# The prefix put before every source, by task (T5's habit; TURNA and turkish-lm-tuner too).
PREFIXES = {
    "summarize": "özetle: ",
    "translate": "çevir {direction}: ",
    "question-generation": "soru üret: ",
    "generic": "",
}
# The validation and headline metric of each task.
HEADLINE = {
    "summarize": "rougeL",
    "translate": "chrf",
    "question-generation": "rougeL",
    "generic": "rougeL",
}
_DIRECTION = re.compile(r"^[a-z]{2,3}-[a-z]{2,3}$")
_GENERATION = {f.name: f for f in dataclasses.fields(GenerationSettings)}
_SCHEDULE = {"warmup_ratio": 0.05, "weight_decay": 0.01}


def _generation_setting(name: str, default: object = "field") -> object:
    """A training field that is one of :class:`GenerationSettings`' (its help, its default)."""
    f = _GENERATION[name]
    return setting(f.metadata["help"], f.default if default == "field" else default)


@dataclass(kw_only=True)
class Seq2SeqSettings(TrainSettings):
    """Everything an encoder-decoder training run depends on (dumped to ``trtune.json``)."""

    TASK = "seq2seq"
    METHODS = ("finetune", "lora")
    DEFAULTS = {
        "*": {
            "model": "tiny-t5",
            "method": "finetune",
            "batch_size": 16,
            "max_length": 512,
            "max_target_length": 128,
            "test_size": 0.05,
            "validation_size": 0.05,
            "patience": 2,
            "lora_r": 16,
            "lora_alpha": 32,
            "lora_dropout": 0.05,
            "merge": False,
            **_SCHEDULE,
        },
        "finetune": {"epochs": 3, "lr": 3e-4},
        "lora": {"epochs": 3, "lr": 1e-3},
        "preset": {"batch_size": 32, "max_length": 128, "max_target_length": 64, "patience": 3},
        "preset:finetune": {"epochs": 10, "lr": 2e-3},
        "preset:lora": {"epochs": 10, "lr": 5e-3},
    }
    FIELD_HELP = {
        "data": "pairs to learn: two-column TSV/CSV (source, target; header optional), "
        "JSON/JSONL/Parquet with source/target, text/summary, document/summary or en/tr "
        "columns, or SQuAD JSON (question generation); repeat for several",
    }

    task: str = setting(
        "what the pairs are: auto (from the file: SQuAD -> question-generation, en/tr columns "
        "-> translate, a summary column -> summarize), summarize, translate, "
        "question-generation, generic",
        "auto",
    )
    direction: str | None = setting(
        "translation direction SRC-TGT, e.g. en-tr or tr-en (two-column files: the Turkish "
        "column is found by its letters)",
        metavar="SRC-TGT",
    )
    source_col: str | None = setting("name of the source column")
    target_col: str | None = setting("name of the target column")
    prefix: str | None = setting(
        "put this before every source (default by task: 'özetle: ', 'çevir en-tr: ', "
        "'soru üret: ', none for generic); '' for none",
        default_help="by task",
    )
    max_source_length: int | None = setting(
        "source tokens at most (longer summary sources are cut, other longer pairs dropped); "
        "--max-length sets it too",
        default_help="--max-length",
    )
    max_target_length: int | None = setting("target tokens at most (longer pairs are dropped)")
    context_chars: int = setting(
        "question generation: characters of the paragraph kept around the answer (0: all)", 400
    )
    eval_samples: int = setting(
        "validation pairs generated at every evaluation for the metric early stopping watches",
        200,
    )
    num_beams: int = _generation_setting("num_beams")
    max_new_tokens: int | None = _generation_setting("max_new_tokens", None)
    no_repeat_ngram_size: int = _generation_setting("no_repeat_ngram_size")

    def check(self) -> None:
        """The encoder-decoder's own checks."""
        if self.task not in TASKS:
            raise UserError(
                f"unknown task {self.task!r} for --task; choose one of {', '.join(TASKS)}"
            )
        if self.direction is not None and not _DIRECTION.match(self.direction):
            raise UserError(f"--direction must look like en-tr or tr-en, got {self.direction!r}")
        if self.max_source_length is not None and self.max_source_length < 1:
            raise UserError("--max-source-length must be at least 1")
        if self.max_target_length < 1 or self.context_chars < 0 or self.eval_samples < 1:
            raise UserError(
                "--max-target-length and --eval-samples must be >= 1, --context-chars >= 0"
            )
        if not 0 < self.test_size < 1 and self.test_data is None:
            raise UserError("test_size must be in (0, 1) (--test-size), or give --test-data")
        if self.validation_size == 0 and self.validation_data is None:
            raise UserError(
                "validation_size must be above 0: early stopping and the best checkpoint need "
                "a validation part (or give --validation-data)"
            )
        self.generation()  # the generation settings are valid too

    @property
    def source_limit(self) -> int:
        """Source tokens at most: ``max_source_length``, else ``max_length``."""
        return self.max_source_length or self.max_length

    def generation(self) -> GenerationSettings:
        """The generation settings of validation, the test scoring and the saved folder."""
        return GenerationSettings(
            num_beams=self.num_beams,
            max_new_tokens=self.max_new_tokens or self.max_target_length,
            no_repeat_ngram_size=self.no_repeat_ngram_size,
        )


def task_prefix(task: str, direction: str | None, prefix: str | None) -> str:
    """The prefix of ``task`` (``prefix`` when the user gave one)."""
    if prefix is not None:
        return prefix
    return PREFIXES[task].format(direction=direction or "en-tr")
