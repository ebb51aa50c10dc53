"""CLI options generated from settings dataclasses, so that a setting is written once.

:func:`dataclass_command` turns any settings dataclass into a typer command: one
``--flag`` per field, its help and default taken from the field. :func:`settings_command`
does it for a training command (a :class:`~trtune.run.settings.TrainSettings` subclass):
the shared run flags (``--config``, ``--resume``, ``--overwrite``, ``--dry-run``,
``--json``) come with it, and the old spellings of renamed flags as hidden aliases that
print a one-line notice. Every flag defaults to ``None`` ("not given"), so the dataclass
keeps its defaults and a value from ``--config`` survives unless a flag overrides it.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from trtune.cli.console import err_console
from trtune.run.settings import ALIASES, TrainSettings, field_type, load_settings
from trtune.run.settings import flag_name as flag

# ``--backend`` of the predict and eval commands (see trtune.infer.onnx_backend).
BACKEND_OPTION = typer.Option(
    "auto",
    "--backend",
    help="auto (onnxruntime for a `trtune export onnx` folder, else torch), torch or onnx.",
)

_ALIAS_PREFIX = "alias__"

# ``--dtype`` of every prediction and evaluation command (resolved by
# ``trtune.run.devices.resolve_dtype`` for batched work on the chosen device).
DTYPE_CHOICES = ("auto", "float32", "bfloat16")
DTYPE_HELP = (
    "Number format of the network: auto (bfloat16 on a GPU and on a CPU that multiplies "
    "bfloat16 matrices fast: AMX or AVX-512 BF16; else float32), float32, bfloat16."
)


DTYPE_HELP_LM = (
    "Number format of the network: auto (bfloat16 on a GPU; float32 on a CPU, which "
    "decodes one sequence at a time), float32, bfloat16."
)


def dtype_option(help_text: str = DTYPE_HELP) -> Any:
    """The ``--dtype auto|float32|bfloat16`` option of a prediction command (default auto)."""
    return typer.Option("auto", "--dtype", help=help_text, metavar="|".join(DTYPE_CHOICES))


@dataclass(frozen=True)
class RunFlags:
    """The flags every training command has besides its settings."""

    resume: bool = False
    overwrite: bool = False
    dry_run: bool = False
    as_json: bool = False
    lang: str | None = None


def _cli_type(cls: type, name: str) -> Any:
    """The type typer parses: lists and mappings arrive as text (``a,b`` / ``k=v,...``)
    except ``data``, which repeats; ``Literal`` choices are checked by the settings."""
    kind = field_type(cls, name)
    if name == "data":
        return list[str] | None
    if kind not in (int, float, bool, str):
        return str | None
    return kind | None


_METAVARS = {int: "N", float: "X", str: "TEXT"}


def _format(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value)) or "none"
    return "none" if value is None else str(value)


def describe_default(cls: type, name: str) -> str:
    """The default of field ``name`` in words: one value, or one per method and for presets."""
    meta = {f.name: f for f in dataclasses.fields(cls)}[name]
    notes = getattr(cls, "DEFAULT_NOTES", {})
    if name in notes:
        return notes[name]
    if meta.metadata.get("required"):
        return "required"
    if "default_help" in meta.metadata:
        return meta.metadata["default_help"]
    if meta.default is not None and meta.default is not dataclasses.MISSING:
        return _format(meta.default)
    if not issubclass(cls, TrainSettings):
        return "none"
    text = _per_method(cls, name, preset=False)
    preset_text = _per_method(cls, name, preset=True)
    return text if preset_text == text else f"{text}; tiny presets: {preset_text}"


def _per_method(cls: type[TrainSettings], name: str, preset: bool) -> str:
    values = {m: _format(cls.defaults(m, preset).get(name)) for m in cls.METHODS}
    if len(set(values.values())) == 1:
        return next(iter(values.values()))
    return ", ".join(f"{m} {v}" for m, v in values.items())


def _option(cls: type, f: dataclasses.Field, decls: list[str], hidden: bool):
    help_text = getattr(cls, "FIELD_HELP", {}).get(f.name) or f.metadata.get("help", "")
    if f.name == "method" and getattr(cls, "METHODS", ()):
        help_text += ": " + ", ".join(cls.METHODS)
    if not hidden:
        default = describe_default(cls, f.name)
        help_text += " (required)" if default == "required" else f" (default: {default})"
    kind = field_type(cls, f.name)
    if kind is bool:
        decls = [f"{d}/--no-{d[2:]}" for d in decls]
        return typer.Option(None, *decls, help=help_text, hidden=hidden, show_default=False)
    metavar = f.metadata.get("metavar") or _METAVARS.get(kind, "TEXT")
    return typer.Option(
        None, *decls, help=help_text, hidden=hidden, show_default=False, metavar=metavar
    )


def param(name: str, default: Any, annotation: Any) -> inspect.Parameter:
    """A keyword-only parameter of a generated command."""
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


def dataclass_parameters(cls: type, skip: tuple[str, ...] = ()) -> list[inspect.Parameter]:
    """One option per field of ``cls`` (not those in ``skip`` or with ``cli=False``), and
    a hidden option for each old spelling of a field (see ``trtune.run.settings.ALIASES``)."""
    params = []
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for f in fields.values():
        if f.name in skip or not f.metadata.get("cli", True):
            continue
        option = _option(cls, f, [flag(f.name)], hidden=False)
        params.append(param(f.name, option, _cli_type(cls, f.name)))
    for old, new in ALIASES.items():
        if new in fields and new not in skip and old not in fields:
            option = _option(cls, fields[new], [flag(old)], hidden=True)
            params.append(param(_ALIAS_PREFIX + old, option, _cli_type(cls, new)))
    return params


def given_values(kwargs: dict[str, Any], notices: list[tuple[str, str]]) -> dict[str, Any]:
    """The options the user gave (not ``None``), old spellings mapped to the new names with
    a notice each; when both spellings are given, the new one wins."""
    given = {k: v for k, v in kwargs.items() if v is not None and v != []}
    values = {k: v for k, v in given.items() if not k.startswith(_ALIAS_PREFIX)}
    for key, value in given.items():
        if key.startswith(_ALIAS_PREFIX):
            old = key[len(_ALIAS_PREFIX) :]
            notices.append((flag(old), flag(ALIASES[old])))
            values.setdefault(ALIASES[old], value)
    return values


def print_notices(notices: list[tuple[str, str]]) -> None:
    """One ``note: --old is now --new`` line per old spelling used (once each), in the
    language of the command line."""
    import sys

    from trtune.cli.help import lang_of_args
    from trtune.i18n import say
    from trtune.run.messages import MESSAGES

    lang = lang_of_args(sys.argv[1:])
    for old, new in dict.fromkeys(notices):
        text = say(MESSAGES, "renamed", lang, old=old, new=new)
        err_console.print(say(MESSAGES, "note", lang, text=text), markup=False, soft_wrap=True)


def command_with(
    params: list[inspect.Parameter], body: Callable[..., None], doc: str
) -> Callable[..., None]:
    """A function typer reads as a command with ``params``; it calls ``body(**kwargs)``."""

    def command(**kwargs: Any) -> None:
        body(**kwargs)

    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    command.__doc__ = doc
    return command


_RUN_FLAGS = [
    ("config", Path | None, None, "--config", "YAML settings; flags override."),
    ("resume", bool, False, "--resume", "Continue the run in --out."),
    ("overwrite", bool, False, "--overwrite", "Replace the folder --out."),
    ("dry_run", bool, False, "--dry-run", "Check data and settings; train nothing."),
    ("as_json", bool, False, "--json", "With --dry-run: print the plan as JSON."),
    ("lang", str | None, None, "--lang", "Language of the output: tr or en (TRTUNE_LANG, locale)."),
]
_RUN_FLAG_NAMES = ("resume", "overwrite", "dry_run", "as_json", "lang")


def settings_command(
    cls: type[TrainSettings],
    run: Callable[[TrainSettings, RunFlags], None],
    doc: str,
    skip: tuple[str, ...] = (),
) -> Callable[..., None]:
    """A training command whose options are ``cls``'s fields plus the shared run flags.

    Args:
        cls: the settings dataclass.
        run: called with the built settings and the run flags.
        doc: the command's help text.
        skip: fields not offered as options.
    """
    params = dataclass_parameters(cls, skip)
    params += [
        param(name, typer.Option(default, decl, help=text), kind)
        for name, kind, default, decl, text in _RUN_FLAGS
    ]

    def body(**kwargs: Any) -> None:
        flags = RunFlags(**{k: kwargs.pop(k) for k in _RUN_FLAG_NAMES})
        config = kwargs.pop("config")
        notices: list[tuple[str, str]] = []
        settings = load_settings(cls, config, given_values(kwargs, notices), notices)
        print_notices(notices)
        check_data_paths(settings)
        run(settings, flags)

    return command_with(params, body, doc)


def check_data_paths(settings: TrainSettings) -> None:
    """Every data file (or folder) of a training command exists, checked before the task's
    module (PyTorch, transformers: seconds to import) loads: a mistyped ``--data`` is
    reported at once, in the same words the reader would use."""
    from trtune.data.source import check_user_path

    for path in settings.data_paths():
        check_user_path(path)


def build_dataclass(cls: type, kwargs: dict[str, Any]) -> Any:
    """An instance of a settings dataclass from the options given (the rest keep the
    dataclass defaults)."""
    notices: list[tuple[str, str]] = []
    values = given_values({k: kwargs.pop(k) for k in list(kwargs) if _is_field(cls, k)}, notices)
    print_notices(notices)
    return cls(**values)


def _is_field(cls: type, key: str) -> bool:
    names = {f.name for f in dataclasses.fields(cls)}
    return key in names or (
        key.startswith(_ALIAS_PREFIX)
        and key[len(_ALIAS_PREFIX) :] in ALIASES
        and ALIASES[key[len(_ALIAS_PREFIX) :]] in names
    )


__all__ = [
    "RunFlags",
    "build_dataclass",
    "command_with",
    "dataclass_parameters",
    "describe_default",
    "param",
    "settings_command",
]
