"""The `trtune` command: one typer sub-app per command group.

Each group lives in its own module and stays thin: parse, call one library function,
print. :func:`main` turns :class:`~trtune.errors.UserError` into one line and an exit code.
"""

from __future__ import annotations

import os
import sys

import typer

from trtune import __version__
from trtune.cli import data as data_cli
from trtune.cli import demo as demo_cli
from trtune.cli.console import err_console
from trtune.errors import UserError

app = typer.Typer(
    name="trtune",
    help="Understand and fine-tune language models in Turkish.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"trtune {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True, help="Print the version."
    ),
    debug: bool = typer.Option(
        False, "--debug", help="Show full tracebacks for errors (also TRTUNE_DEBUG=1)."
    ),
) -> None:
    if debug:
        os.environ["TRTUNE_DEBUG"] = "1"


app.add_typer(data_cli.app, name="data")
_GROUPS = [
    ("learn", "trtune.cli.learn"),
    ("nanogpt", "trtune.cli.nanogpt"),
    ("classify", "trtune.cli.classify"),
    ("lm", "trtune.cli.lm"),
    ("serve", "trtune.cli.serve"),
]


def _add_optional_groups() -> None:
    """Add the command groups whose modules exist (each is imported lazily by name)."""
    import importlib

    for name, module_name in _GROUPS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        if isinstance(module.app, typer.Typer):
            app.add_typer(module.app, name=name)
        else:
            app.command(name=name)(module.app)


_add_optional_groups()
app.command(name="demo")(demo_cli.demo)


def _quiet_libraries() -> None:
    """Keep the libraries' chatter (weight-loading tables and bars, deprecation notices meant
    for library authors) off the terminal; ``--debug`` shows it. The user's own settings of
    these variables win."""
    import warnings

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"(transformers|peft)\.")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; user errors become one line and exit code 2 (3 for numerical faults)."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("TRTUNE_DEBUG") == "1"
    if not debug:
        _quiet_libraries()
    try:
        app(args=args, standalone_mode=False)
    except UserError as exc:
        if debug:
            raise
        err_console.print(f"error: {exc.message()}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("interrupted", markup=False)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(1)
    except Exception as exc:
        # Usage errors (and "no arguments: show help") come from the click that typer
        # bundles; they carry their own message and exit code. Duck-typed because newer
        # typer vendors click under a private name.
        show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int) and not debug:
            show()
            sys.exit(code)
        raise
