"""The settings of ``trtune qa train``: the shared training settings plus extractive QA's
own (the window stride, the longest answer, the n-best list, the column names).

Windows: a context longer than ``--max-length`` tokens (with its question) is cut into
windows that overlap by ``--doc-stride`` tokens, as ``transformers``' question-answering
pipeline and the SQuAD recipes do (384 and 128 are their defaults). ``--max-answer-length``
bounds a predicted answer in tokens: 30 covers 94 % of TQuAD's training answers with
MiniLM's tokenizer (their median is 6 tokens, the 95th percentile 34).

Full fine-tuning of a pretrained encoder defaults to lr 2e-4, 256-token windows and a fifth
of the answerless windows (``--null-windows 0.2``), for 2 epochs. Chosen on validation (a
part of TQuAD train, whole contexts) with MiniLM at equal steps: after 350 steps of 16
windows this recipe reached validation F1 25.8 against 7.1 for the SQuAD scripts' settings
(lr 5e-5, 384 tokens, every window), and 41.1 after 700 (docs/qa.md). For a base-size
encoder with a GPU budget of whole epochs, the published SQuAD recipe is
``--lr 5e-5 --max-length 384 --null-windows 1``. LoRA keeps 5e-4, 384 tokens and every
window (not compared). Tiny presets are random networks: a higher rate and more epochs let
them show learning on a small fixture.
"""

from __future__ import annotations

from dataclasses import dataclass

from trtune.errors import UserError
from trtune.run.settings import TrainSettings, setting


@dataclass(kw_only=True)
class QaSettings(TrainSettings):
    """Everything an extractive QA training run depends on (dumped to ``trtune.json``)."""

    TASK = "qa"
    METHODS = ("finetune", "lora")
    DEFAULTS = {
        "*": {
            "model": "tiny",
            "method": "finetune",
            "epochs": 2,
            "batch_size": 16,
            "max_length": 384,
            "doc_stride": 128,
            "null_windows": 1.0,
            "test_size": 0.1,
            "validation_size": 0.1,
            "patience": 2,
            "warmup_ratio": 0.1,
            "weight_decay": 0.01,
            "lora_r": 16,
            "lora_alpha": 32,
            "lora_dropout": 0.1,
            "merge": False,
        },
        "finetune": {"lr": 2e-4, "max_length": 256, "null_windows": 0.2},
        "lora": {"lr": 5e-4},
        "preset": {
            "epochs": 8,
            "batch_size": 8,
            "max_length": 128,
            "doc_stride": 32,
            "warmup_ratio": 0.0,
            "null_windows": 1.0,
        },
        "preset:finetune": {"lr": 3e-3},
        "preset:lora": {"lr": 5e-3},
    }
    FIELD_HELP = {
        "data": "SQuAD v1/v2 JSON, or a JSONL/CSV/Parquet table with context, question, answer "
        "(and optionally answer_start); repeat for several",
        "validation_data": "a fixed validation file (instead of a split): picks the best "
        "checkpoint and the no-answer threshold",
    }

    doc_stride: int | None = setting("tokens shared by two consecutive windows of a long context")
    null_windows: float | None = setting(
        "share of the answerless training windows of answerable questions that are kept "
        "(seeded; 1 keeps all, as the SQuAD recipes; windows with the answer and those of "
        "unanswerable questions are always kept)"
    )
    max_answer_length: int = setting("tokens in a predicted answer at most", 30)
    n_best: int = setting(
        "best spans kept per window when searching for the answer (12, as the pipeline)", 12
    )
    context_col: str | None = setting("tables: name of the context column")
    question_col: str | None = setting("tables: name of the question column")
    answer_col: str | None = setting("tables: name of the answer-text column")

    def check(self) -> None:
        """Extractive QA's own checks."""
        if self.doc_stride < 1 or self.doc_stride > self.max_length // 2:
            raise UserError(
                f"--doc-stride must be between 1 and half of --max-length ({self.max_length // 2}),"
                f" got {self.doc_stride}"
            )
        if self.max_length < 32:
            raise UserError(
                f"--max-length must be at least 32 for question answering, got {self.max_length}"
            )
        if not 0 <= self.null_windows <= 1:
            raise UserError(f"--null-windows must be between 0 and 1, got {self.null_windows}")
        if self.max_answer_length < 1 or self.n_best < 1:
            raise UserError("--max-answer-length and --n-best must be at least 1")
        if not 0 < self.test_size < 1 and self.test_data is None:
            raise UserError("test_size must be in (0, 1) (--test-size), or give --test-data")
        if self.validation_data is None and not self.validation_size:
            raise UserError(
                "validation_size must be above 0 (or give --validation-data): early stopping, "
                "the best checkpoint and the no-answer threshold need a validation part"
            )
