"""The settings of ``trtune classify train``: the shared training settings plus the
classifier's own (columns, labels, pooling, class weights).

Per method: epochs, learning rate, early-stopping patience (epochs), warm-up share, weight
decay and the validation share of the training part (``None``: see
:func:`validation_share`). The features head follows the report: Adam 1e-3, up to 500
epochs, patience 50, and leans on its validation set for up to 500 epochs of early stopping.
finetune: 3 epochs, no warm-up or decay, 5 % validation (at least 200 texts, at most 10 %).
Chosen on the e-ticaret reviews with MiniLM over several training seeds
(bench/classify_seeds.py): 3 epochs beat 2 on validation accuracy (0.884 against 0.878, 9
seeds) and on the test part in 9 of 9 seeds; 5 % validation, which picks among 3
checkpoints only, leaves 505 more texts to train on (+0.4 points test accuracy, 8 seeds).
Warm-up with decay, layer-wise learning-rate decay and a weight average (EMA) each did
worse. See bench/RESULTS.md.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from trtune.errors import UserError
from trtune.run.settings import TrainSettings, setting

POOLINGS = ("cls", "mean")
CLASS_WEIGHTS = ("none", "balanced")
MIN_VALIDATION_TEXTS = 200
# A test part without every label is refused at this share, accepted (with a warning) at a
# share the user chose.
DEFAULT_TEST_SIZE = 0.25
_NO_SCHEDULE = {"warmup_ratio": 0.0, "weight_decay": 0.0}


@dataclass(kw_only=True)
class ClassifySettings(TrainSettings):
    """Everything a classifier training run depends on (dumped to ``trtune.json``)."""

    TASK = "classify"
    METHODS = ("features", "finetune", "lora", "tfidf")
    METHOD_FIELDS = {
        **TrainSettings.METHOD_FIELDS,
        **dict.fromkeys(
            (
                "model",
                "epochs",
                "max_steps",
                "batch_size",
                "lr",
                "max_length",
                "warmup_ratio",
                "weight_decay",
                "patience",
                "trust_remote_code",
            ),
            ("features", "finetune", "lora"),
        ),  # fmt: skip
        "pooling": ("features",),
        "feature_batch_size": ("features",),
        "cache_dir": ("features",),
    }
    DEFAULTS = {
        "*": {
            "model": "tiny",
            "method": "finetune",
            "batch_size": 32,
            "max_length": 128,
            "test_size": DEFAULT_TEST_SIZE,
            "lora_r": 8,
            "lora_alpha": 16,
            "lora_dropout": 0.1,
            "merge": False,
        },
        "features": {
            "epochs": 500,
            "lr": 1e-3,
            "patience": 50,
            "validation_size": 0.1,
            **_NO_SCHEDULE,
        },
        "finetune": {"epochs": 3, "lr": 1e-4, "patience": 2, **_NO_SCHEDULE},
        "lora": {
            "epochs": 5,
            "lr": 5e-4,
            "patience": 2,
            "validation_size": 0.1,
            "warmup_ratio": 0.1,
            "weight_decay": 0.01,
        },
        "tfidf": {"epochs": 1, "lr": 0.0, "patience": 0, "validation_size": 0.1, **_NO_SCHEDULE},
        # A random tiny BERT learns only with a higher rate and more epochs: with these it
        # beats the majority label on the bundled reviews and on real review samples.
        "preset:finetune": {"epochs": 8, "lr": 1e-3, "batch_size": 16, "patience": 3},
    }
    FIELD_HELP = {
        "data": "labelled text file (CSV, TSV, JSON, JSONL, Parquet), a folder with one file "
        "or sub-folder per label, or FILE:LABEL (one text per line); repeat for several"
    }
    DEFAULT_NOTES = {
        "validation_size": "finetune 5 % of the training part, at least 200 texts and at most "
        "10 %; others 0.1"
    }

    text_col: str | None = setting("name of the text column")
    label_col: str | None = setting("name of the label column")
    label_map: dict[str, str] | None = setting(
        "name raw labels, e.g. 0=negative,1=positive,2=neutral"
    )
    pooling: str = setting("features: how one vector is made of a text's tokens (cls, mean)", "cls")
    class_weight: str = setting(
        "loss weight per class: none or balanced (rare classes count more; the TF-IDF "
        "baseline too)",
        "none",
    )
    feature_batch_size: int = setting("features: texts per extraction batch", 128)
    cache_dir: str | None = setting("features: cache folder (default $TRTUNE_CACHE/features)")

    def data_paths(self) -> list[str]:
        """The files and folders read; ``FILE:LABEL`` (a file of one label's texts) is
        ``FILE``."""
        from trtune.data.layouts import parse_spec

        return [str(parse_spec(path)[0]) for path in super().data_paths()]

    def check(self) -> None:
        """The classifier's own checks."""
        if self.pooling not in POOLINGS:
            raise UserError(f"unknown pooling '{self.pooling}'; choose cls or mean")
        if self.class_weight not in CLASS_WEIGHTS:
            raise UserError(f"unknown class weight '{self.class_weight}'; choose none or balanced")
        if self.feature_batch_size < 1:
            raise UserError(f"feature_batch_size must be at least 1, got {self.feature_batch_size}")
        if not 0 < self.test_size < 1 and self.test_data is None:
            raise UserError("test_size must be in (0, 1) (--test-size), or give --test-data")
        if self.method != "tfidf" and self.validation_size == 0:
            raise UserError(
                f"validation_size must be above 0 for {self.method}: early stopping and the "
                "best checkpoint need a validation part"
            )


def validation_share(settings: ClassifySettings, n_texts: int) -> float:
    """The validation share of the training part for a data set of ``n_texts`` texts.

    An explicit ``validation_size`` wins. Otherwise (``finetune``): 5 % of the training
    part, but at least :data:`MIN_VALIDATION_TEXTS` texts and at most 10 %. The best
    checkpoint and early stopping rank a few epochs by validation loss; on a few thousand
    texts 5 % is enough for that and the rest trains the model, while a small set keeps 10 %
    (5 % of 112 texts would be 6).
    """
    if settings.validation_size is not None:
        return settings.validation_size
    rest = n_texts - math.ceil(settings.test_size * n_texts)
    return min(0.1, max(0.05, MIN_VALIDATION_TEXTS / max(rest, 1)))


def class_weights(mode: str, label_ids: Sequence[int], n_classes: int) -> list[float] | None:
    """Loss weight per class index for ``mode`` (``None`` for ``"none"``).

    ``"balanced"`` gives class ``c`` the weight ``n / (n_classes * count_c)``, as
    scikit-learn does: every class then weighs as much in the loss as the others, and the
    weights average 1 over the training examples, so the loss keeps its usual scale.
    """
    if mode == "none":
        return None
    counts = Counter(int(i) for i in label_ids)
    n = len(label_ids)
    return [n / (n_classes * counts[c]) if counts[c] else 0.0 for c in range(n_classes)]
