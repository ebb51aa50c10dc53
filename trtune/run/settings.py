"""Settings of every training command: typed dataclasses, the one source of truth.

A setting is written once, as a dataclass field with ``metadata={"help": ...}``: the CLI
options (:mod:`trtune.cli.options`), the YAML keys of ``--config`` and the ``settings``
block of ``trtune.json`` all come from it. :class:`TrainSettings` holds what every task
shares (one flag vocabulary: ``--epochs``, ``--lr``, ``--lora-r``, ...); a task subclasses
it with its own fields and its defaults as data (:attr:`TrainSettings.DEFAULTS`).

Fields left ``None`` take their default from ``DEFAULTS``, looked up in this order, later
entries winning: ``"*"`` (every method), the method, ``"preset"`` (the model is a tiny
preset, see :mod:`trtune.run.presets`) and ``"preset:<method>"``. Values that depend on
the data or the model (a validation share that needs the data's size, a length clamped to
the model's positions) are computed where they are needed and returned, never written back.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from trtune.errors import UserError
from trtune.run.presets import is_preset

S = TypeVar("S", bound="TrainSettings")
PRECISIONS = ("auto", "float32", "bfloat16")  # --precision; see trtune.run.precision

# Old spellings that still work, with a one-line notice: old name -> current name.
ALIASES = {
    "lora_rank": "lora_r",
    "target_modules": "lora_target_modules",
    "val_fraction": "validation_size",
    "warmup_fraction": "warmup_ratio",
    "steps": "max_steps",
}


def setting(help: str, default: Any = None, **meta: Any) -> Any:
    """A settings field: its default and its help text (shown by ``--help``)."""
    return field(default=default, metadata={"help": help, **meta})


@dataclass(kw_only=True)
class TrainSettings:
    """What every training command shares; a task adds its own fields in a subclass.

    Class attributes a task sets: ``TASK`` (its name), ``METHODS`` (its ``--method``
    values) and ``DEFAULTS`` (see the module docstring).
    """

    TASK: ClassVar[str] = ""
    METHODS: ClassVar[tuple[str, ...]] = ()
    DEFAULTS: ClassVar[dict[str, dict[str, Any]]] = {}
    # Settings that only some methods use (the rest apply to every method); reports list
    # only the settings of the run's method.
    METHOD_FIELDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "lora_r": ("lora",),
        "lora_alpha": ("lora",),
        "lora_dropout": ("lora",),
        "lora_target_modules": ("lora",),
        "merge": ("lora",),
    }
    DEFAULT_NOTES: ClassVar[dict[str, str]] = {}  # a default in words, where a value won't do
    FIELD_HELP: ClassVar[dict[str, str]] = {}  # a shared field's help in the task's words

    data: list[str] | None = setting(
        "training data file (repeat --data for several)", metavar="FILE", required=True
    )
    validation_data: str | None = setting(
        "a fixed validation file (instead of a split)", metavar="FILE"
    )
    test_data: str | None = setting("a fixed test file (instead of a split)", metavar="FILE")
    model: str | None = setting(
        "preset (tiny, tiny-gpt, ...), local folder or Hub name", metavar="NAME"
    )
    method: str | None = setting("training method")
    out: str | None = setting("output folder", metavar="DIR", required=True)
    epochs: float | None = setting("passes over the training data at most")
    max_steps: int | None = setting("stop after this many optimiser steps (overrides --epochs)")
    batch_size: int | None = setting("examples per optimiser step")
    lr: float | None = setting("peak learning rate")
    max_length: int | None = setting("tokens per example at most")
    seed: int = setting("seed for the split, the initial weights and the batch order", 42)
    test_size: float | None = setting("share of the data held out for the test part")
    validation_size: float | None = setting(
        "share of the training part held out for validation (early stopping, best checkpoint)"
    )
    warmup_ratio: float | None = setting("share of the steps spent warming the learning rate up")
    weight_decay: float | None = setting("AdamW weight decay")
    patience: int | None = setting("evaluations without improvement before stopping early")
    precision: str = setting(
        "training number format: auto, float32 or bfloat16 (autocast over float32 weights)",
        "auto",
        metavar="|".join(PRECISIONS),
    )
    attention_dropout: str = setting(
        "dropout on the attention weights: auto (none for a pretrained model on a CPU, where "
        "it lets PyTorch use its fused attention kernel; the model's own on a GPU and for "
        "presets) or a number",
        "auto",
        metavar="auto|P",
    )
    lora_r: int | None = setting("LoRA rank r")
    lora_alpha: int | None = setting("LoRA scaling alpha")
    lora_dropout: float | None = setting("dropout on the LoRA branch")
    lora_target_modules: list[str] | None = setting(
        "layers LoRA adapts, comma-separated", metavar="NAMES", default_help="by architecture"
    )
    merge: bool | None = setting("LoRA: also save the adapter merged into the model")
    trust_remote_code: bool = setting("let a model folder run its own Python code", False)

    def __post_init__(self) -> None:
        if isinstance(self.data, (str, Path)):
            self.data = [str(self.data)]
        if isinstance(self.lora_target_modules, str):
            self.lora_target_modules = split_list(self.lora_target_modules)
        for name, value in self._defaults_for_self().items():
            if getattr(self, name) is None:
                setattr(self, name, value)
        self._check_shared()
        self.check()

    @classmethod
    def defaults(cls, method: str | None = None, preset: bool = False) -> dict[str, Any]:
        """The defaults of ``method`` (``None``: the ``"*"`` method's) for a preset or not."""
        table = cls.DEFAULTS
        method = method or table.get("*", {}).get("method")
        keys = ["*", method] + (["preset", f"preset:{method}"] if preset else [])
        merged: dict[str, Any] = {}
        for key in keys:
            merged.update(table.get(key, {}))
        return merged

    def _defaults_for_self(self) -> dict[str, Any]:
        model = self.model or self.DEFAULTS.get("*", {}).get("model") or ""
        return self.defaults(self.method, is_preset(model))

    def _check_shared(self) -> None:
        if not self.data:
            raise UserError("--data is required (on the command line or in the config)")
        if not self.out:
            raise UserError("--out is required (on the command line or in the config)")
        if not self.model:
            raise UserError("--model is required (a preset, a local folder or a Hub name)")
        if self.method not in self.METHODS:
            choices = ", ".join(self.METHODS)
            raise UserError(f"unknown method {self.method!r} for --method; choose one of {choices}")
        checks = [
            (self.epochs > 0, "epochs must be positive (--epochs)"),
            (self.max_steps is None or self.max_steps > 0, "--max-steps must be positive"),
            (self.batch_size >= 1, "batch_size must be at least 1 (--batch-size)"),
            (self.lr >= 0, f"lr must not be negative, got {self.lr} (--lr)"),
            (self.max_length >= 1, "max_length must be at least 1 (--max-length)"),
            (0 <= self.test_size < 1, "test_size must be in [0, 1) (--test-size)"),
            (
                self.validation_size is None or 0 <= self.validation_size < 1,
                "validation_size must be in [0, 1) (--validation-size)",
            ),
            (
                0 <= self.warmup_ratio < 1 and self.weight_decay >= 0,
                "warmup_ratio must be in [0, 1) and weight_decay not negative",
            ),
            (self.patience >= 0, "patience must not be negative (--patience)"),
            (self.precision in PRECISIONS, "--precision must be auto, float32 or bfloat16"),
            (
                check_attention_dropout(str(self.attention_dropout)),
                "--attention-dropout must be auto or a number in [0, 1)",
            ),
            (self.lora_r >= 1 and self.lora_alpha >= 1, "--lora-r and --lora-alpha must be >= 1"),
            (
                0 <= self.lora_dropout < 1,
                f"lora_dropout must be in [0, 1), got {self.lora_dropout}",
            ),
        ]
        for ok, message in checks:
            if not ok:
                raise UserError(message)

    def check(self) -> None:
        """Task-specific validation (a subclass overrides it); raise :class:`UserError`."""

    def data_paths(self) -> list[str]:
        """The files and folders the run reads (checked to exist before anything slow loads)."""
        return [str(p) for p in [*(self.data or []), self.validation_data, self.test_data] if p]

    @classmethod
    def from_config(cls: type[S], config: str | Path | None = None, **overrides: Any) -> S:
        """Settings from an optional YAML file, then ``overrides`` that are not ``None``
        (see :func:`load_settings`)."""
        return load_settings(cls, config, overrides)

    @property
    def is_preset(self) -> bool:
        """Whether ``model`` is a tiny preset built from scratch."""
        return is_preset(self.model or "")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of every field (``trtune.json``'s ``settings``)."""
        return dataclasses.asdict(self)

    def method_settings(self) -> dict[str, Any]:
        """The fields that apply to this run's method (:attr:`METHOD_FIELDS`), for reports:
        a fine-tuning report does not list ``lora_r``."""
        return {
            name: value
            for name, value in self.to_dict().items()
            if self.method in self.METHOD_FIELDS.get(name, (self.method,))
        }


def check_attention_dropout(value: str) -> bool:
    """Whether ``--attention-dropout`` is ``auto`` or a probability in [0, 1)."""
    if value == "auto":
        return True
    try:
        return 0 <= float(value) < 1
    except ValueError:
        return False


def split_list(value: str) -> list[str]:
    """``"query, value"`` -> ``["query", "value"]``."""
    return [part.strip() for part in value.split(",") if part.strip()]


def parse_mapping(value: str, name: str) -> dict[str, str]:
    """``"0=negative,1=positive"`` -> ``{"0": "negative", "1": "positive"}``; an entry that
    is not ``KEY=VALUE`` raises :class:`UserError`."""
    mapping: dict[str, str] = {}
    for part in value.split(","):
        key, sep, item = (s.strip() for s in part.partition("="))
        if not sep or not key or not item:
            raise UserError(f"{flag_name(name)} entry {part!r} is not of the form VALUE=NAME")
        mapping[key] = item
    return mapping


def flag_name(name: str) -> str:
    """``label_map`` -> ``--label-map``."""
    return "--" + name.replace("_", "-")


def field_type(cls: type, name: str) -> Any:
    """The type of field ``name`` with ``None`` taken out of an optional (``int | None`` ->
    ``int``)."""
    hint = typing.get_type_hints(cls)[name]
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = args[0] if len(args) == 1 else hint
    return hint


def coerce(cls: type, name: str, value: Any) -> Any:
    """``value`` (from YAML or a flag) as field ``name``'s type: numbers written as text
    (YAML reads ``1e-4`` as a string), comma-separated lists, ``true``/``false``.

    Raises:
        UserError: the value does not fit the type.
    """
    kind = field_type(cls, name)
    if value is None:
        return None
    try:
        if kind is float and isinstance(value, (str, int)) and not isinstance(value, bool):
            return float(value)
        if kind is int and isinstance(value, str):
            return int(value)
        if typing.get_origin(kind) is list and isinstance(value, str):
            return split_list(value) if name != "data" else [value]
        if typing.get_origin(kind) is dict and isinstance(value, str):
            return parse_mapping(value, name)
        if kind is bool and isinstance(value, str):
            if value.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise ValueError(value)
            return value.lower() in ("true", "yes", "1")
    except ValueError:
        raise UserError(f"setting {name}: {value!r} is not a valid {kind.__name__}") from None
    return value


def canonical_name(name: str, notices: list[tuple[str, str]] | None = None) -> str:
    """A key as written in YAML or by an old flag -> the field name (``max-length`` ->
    ``max_length``, ``lora_rank`` -> ``lora_r`` with a notice)."""
    key = str(name).strip().replace("-", "_")
    if key in ALIASES:
        new = ALIASES[key]
        if notices is not None:
            notices.append((key, f"{new} (--{new.replace('_', '-')})"))
        return new
    return key


def read_config_file(
    path: str | Path, notices: list[tuple[str, str]] | None = None
) -> dict[str, Any]:
    """A YAML ``--config`` file as ``{field name: value}``.

    Raises:
        UserError: missing file, not YAML, not a mapping.
    """
    import yaml

    path = Path(path)
    if not path.is_file():
        raise UserError("config file not found", file=path)
    try:
        values = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UserError(f"not valid YAML: {' '.join(str(exc).split())}", file=path) from None
    if not isinstance(values, dict):
        raise UserError("config file must hold a mapping of setting: value", file=path)
    return {canonical_name(k, notices): v for k, v in values.items()}


def load_settings(
    cls: type[S],
    config: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    notices: list[tuple[str, str]] | None = None,
) -> S:
    """Settings of ``cls`` from an optional YAML file, then ``overrides`` that are not
    ``None`` (the flags given on the command line).

    Args:
        cls: the task's settings class.
        config: a YAML mapping of field names (``max_length: 128``; ``max-length`` works too).
        overrides: field name -> value; ``None`` means "not given".
        notices: collects one line per old spelling used.

    Raises:
        UserError: unreadable YAML, unknown keys or invalid values.
    """
    values = read_config_file(config, notices) if config is not None else {}
    known = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise UserError(f"unknown settings: {', '.join(unknown)}", file=config)
    for key, value in (overrides or {}).items():
        if value is not None:
            values[canonical_name(key, notices)] = value
    values = {k: coerce(cls, k, v) for k, v in values.items()}
    try:
        return cls(**values)
    except TypeError as exc:
        raise UserError(f"bad settings: {exc}") from None
