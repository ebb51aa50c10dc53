"""The `trtune` command: one typer sub-app per command group.

Each group lives in its own module and stays thin: parse, call one library function,
print. :func:`main` turns :class:`~trtune.errors.UserError` into one line and an exit code.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

import typer

from trtune import __version__
from trtune.cli import classify as classify_cli
from trtune.cli import data as data_cli
from trtune.cli import demo as demo_cli
from trtune.cli import export as export_cli
from trtune.cli import learn as learn_cli
from trtune.cli import lm as lm_cli
from trtune.cli import mask as mask_cli
from trtune.cli import nanogpt as nanogpt_cli
from trtune.cli import ner as ner_cli
from trtune.cli import qa as qa_cli
from trtune.cli import seq2seq as seq2seq_cli
from trtune.cli import serve as serve_cli
from trtune.cli.console import err_console
from trtune.cli.help import HelpGroup, lang_of_args
from trtune.cli.usage import show_usage_error
from trtune.errors import (
    INTERRUPT_EXIT_CODE,
    TERMINATE_EXIT_CODE,
    Interrupted,
    Terminated,
    UserError,
)

app = typer.Typer(
    name="trtune",
    cls=HelpGroup,
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
app.add_typer(learn_cli.app, name="learn")
app.add_typer(nanogpt_cli.app, name="nanogpt")
app.add_typer(classify_cli.app, name="classify")
app.add_typer(lm_cli.app, name="lm")
app.add_typer(qa_cli.app, name="qa")
app.add_typer(seq2seq_cli.app, name="seq2seq")
app.add_typer(mask_cli.app, name="mask")
app.add_typer(ner_cli.app, name="ner")
app.add_typer(export_cli.app, name="export")
app.command(name="serve")(serve_cli.serve)
app.command(name="demo")(demo_cli.demo)


def _quiet_libraries() -> None:
    """Keep the libraries' chatter (weight-loading tables and bars, deprecation notices meant
    for library authors) off the terminal; ``--debug`` shows it. The user's own settings of
    these variables win."""
    import warnings

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"(transformers|peft)\.")


ERROR_PREFIX = {"tr": "hata", "en": "error"}
INTERRUPTED = {"tr": "durduruldu", "en": "interrupted"}


def _print_error_line(text: str) -> None:
    err_console.print(text, markup=False, highlight=False, soft_wrap=True)


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


def _interrupt_code(exc: BaseException) -> int:
    return TERMINATE_EXIT_CODE if isinstance(exc, Terminated) else INTERRUPT_EXIT_CODE


def _run(args: list[str]) -> None:
    """Run the typer app; an interrupt that click turned into ``Abort`` comes back out as
    the ``KeyboardInterrupt`` it was."""
    try:
        app(args=args, standalone_mode=False)
    except typer.Abort as exc:
        cause = exc.__cause__ or exc.__context__
        if isinstance(cause, KeyboardInterrupt):
            raise cause from None
        raise


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; user errors become one line and exit code 2 (3 for numerical faults);
    Ctrl-C exits 130 and SIGTERM 143, after one line saying where the run stopped."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("TRTUNE_DEBUG") == "1"
    if not debug:
        _quiet_libraries()
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if on_main_thread else None
    lang = lang_of_args(args)
    try:
        _run(args)
    except UserError as exc:
        if debug:
            raise
        line = f"{ERROR_PREFIX[lang]}: {exc.message(lang)}"
        err_console.print(line, markup=False, highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except Interrupted as exc:
        err_console.print(exc.message(lang), markup=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt as exc:
        err_console.print(INTERRUPTED[lang], markup=False)
        sys.exit(_interrupt_code(exc))
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
            if lang == "tr" and callable(getattr(exc, "format_message", None)):
                show_usage_error(exc, _print_error_line)
            else:
                show()
            sys.exit(code)
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
