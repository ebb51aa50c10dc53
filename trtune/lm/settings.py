"""Settings of one `trtune lm train` run: a typed dataclass, YAML files, flag overrides.

The dataclass is the one source of truth: the CLI flags, a ``--config FILE.yaml`` and the
``trtune.json`` written into every output folder all carry the same field names.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from trtune.errors import UserError

Method = Literal["lora", "qlora", "full"]
Template = Literal["auto", "turkish", "chat"]
METHODS = ("lora", "qlora", "full")
TEMPLATES = ("auto", "turkish", "chat")


@dataclass
class LMTrainConfig:
    """Everything `trtune lm train` needs; validated once in ``__post_init__``."""

    data: str = field(metadata={"help": "training file (.txt, .csv, .jsonl, .json)"})
    out: str = field(metadata={"help": "output folder"})
    model: str = field(default="tiny-gpt", metadata={"help": "preset, folder or Hub name"})
    method: Method = field(default="lora", metadata={"help": "lora, qlora or full"})
    epochs: float | None = field(
        default=None, metadata={"help": "passes over the data (None: 1 for tiny presets, else 3)"}
    )
    max_steps: int | None = field(default=None, metadata={"help": "stop after this many steps"})
    batch_size: int = field(default=16, metadata={"help": "sequences (or packed blocks) a step"})
    lr: float | None = field(default=None, metadata={"help": "learning rate (None: per method)"})
    max_length: int | None = field(
        default=None, metadata={"help": "tokens a sequence at most (None: 128 tiny, else 512)"}
    )
    seed: int = field(default=42, metadata={"help": "random seed"})
    val_fraction: float = field(default=0.1, metadata={"help": "share held out for validation"})
    lora_r: int = field(default=16, metadata={"help": "LoRA rank"})
    lora_alpha: int = field(default=32, metadata={"help": "LoRA scaling alpha"})
    lora_dropout: float = field(default=0.05, metadata={"help": "dropout on the LoRA branch"})
    target_modules: list[str] | None = field(
        default=None, metadata={"help": "LoRA target modules (None: per architecture)"}
    )
    gradient_checkpointing: bool = field(default=False, metadata={"help": "trade compute for RAM"})
    pack: bool = field(default=False, metadata={"help": "pack examples into full blocks"})
    template: Template = field(default="auto", metadata={"help": "auto, turkish or chat"})
    trust_remote_code: bool = field(default=False, metadata={"help": "run a model's own code"})
    eval_every: int = field(default=0, metadata={"help": "steps between evaluations (0: auto)"})
    patience: int = field(default=3, metadata={"help": "evaluations without improvement"})
    warmup_fraction: float = field(default=0.05, metadata={"help": "share of steps warming up"})
    max_examples: int | None = field(default=None, metadata={"help": "use only the first N"})
    num_generations: int = field(default=3, metadata={"help": "held-out prompts in the report"})

    def __post_init__(self) -> None:
        tiny = self.model.startswith("tiny-")
        if self.epochs is None:
            # Tiny presets are for tests and demos: one quick pass is enough to see learning.
            self.epochs = 1.0 if tiny else 3.0
        if self.max_length is None:
            self.max_length = 128 if tiny else 512
        if self.method not in METHODS:
            raise UserError(f"--method must be one of {', '.join(METHODS)}, not {self.method!r}")
        if self.template not in TEMPLATES:
            raise UserError(f"--template must be one of {', '.join(TEMPLATES)}")
        if isinstance(self.target_modules, str):
            self.target_modules = [m.strip() for m in self.target_modules.split(",") if m.strip()]
        checks = [
            (self.epochs > 0, "--epochs must be positive"),
            (self.max_steps is None or self.max_steps > 0, "--max-steps must be positive"),
            (self.batch_size > 0, "--batch-size must be positive"),
            (self.lr is None or self.lr > 0, "--lr must be positive"),
            (self.max_length >= 16, "--max-length must be at least 16"),
            (0.0 < self.val_fraction < 0.9, "--val-fraction must be in (0, 0.9)"),
            (self.lora_r > 0 and self.lora_alpha > 0, "--lora-r and --lora-alpha must be > 0"),
            (0.0 <= self.lora_dropout < 1.0, "--lora-dropout must be in [0, 1)"),
            (self.patience > 0, "patience must be positive"),
            (0.0 <= self.warmup_fraction < 1.0, "warmup_fraction must be in [0, 1)"),
        ]
        for ok, message in checks:
            if not ok:
                raise UserError(message)

    @property
    def learning_rate(self) -> float:
        """The learning rate: the user's, or a default that suits the method and model."""
        if self.lr is not None:
            return self.lr
        if self.model.startswith("tiny-"):
            # Small from-scratch models learn quickly at high rates.
            return 1e-3 if self.method == "full" else 3e-3
        return 2e-5 if self.method == "full" else 2e-4

    def to_dict(self) -> dict[str, Any]:
        """Plain values, for trtune.json."""
        return asdict(self)


def config_fields() -> set[str]:
    """The names a YAML config may set."""
    return {f.name for f in dataclasses.fields(LMTrainConfig)}


def load_config(config_file: str | Path | None, overrides: dict[str, Any]) -> LMTrainConfig:
    """Build the settings from an optional YAML file, with flags overriding it.

    Args:
        config_file: a YAML mapping of field names (``max_length: 128``), or None.
        overrides: values given on the command line; None means "not given".

    Raises:
        UserError: unreadable YAML, unknown keys or invalid values.
    """
    values: dict[str, Any] = {}
    if config_file is not None:
        import yaml

        path = Path(config_file)
        if not path.is_file():
            raise UserError("config file not found", file=path)
        try:
            loaded = yaml.safe_load(path.read_text("utf-8")) or {}
        except yaml.YAMLError as exc:
            raise UserError(f"not valid YAML: {exc}", file=path) from exc
        if not isinstance(loaded, dict):
            raise UserError("config must be a mapping of setting names", file=path)
        loaded = {str(k).replace("-", "_"): v for k, v in loaded.items()}  # max-length: ok
        unknown = sorted(set(loaded) - config_fields())
        if unknown:
            raise UserError(f"unknown settings: {', '.join(unknown)}", file=path)
        values.update(loaded)
    values.update({k: v for k, v in overrides.items() if v is not None})
    for required in ("data", "out"):
        if not values.get(required):
            raise UserError(f"--{required} is required (on the command line or in --config)")
    try:
        return LMTrainConfig(**values)
    except TypeError as exc:
        raise UserError(f"bad settings: {exc}") from exc
