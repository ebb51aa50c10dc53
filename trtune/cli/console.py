"""What the CLI prints through: stdout for results, stderr for progress and messages."""

from __future__ import annotations

import json

from rich.console import Console

from trtune.errors import UserError
from trtune.i18n import resolve_lang
from trtune.run.progress import Reporter

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def reporter(stdout: bool = False, lang: str | None = None) -> Reporter:
    """The reporter library functions get from the CLI: progress and status on stderr
    (``stdout``: on stdout, where ``lm train`` has always written its plan and progress),
    in the language of ``--lang`` / ``TRTUNE_LANG`` / the locale."""
    return Reporter(console if stdout else err_console, lang=cli_lang(lang))


def cli_lang(value: str | None = None) -> str:
    """The language of this command (see :func:`trtune.i18n.resolve_lang`).

    Raises:
        UserError: an unknown language.
    """
    try:
        return resolve_lang(value)
    except ValueError as exc:
        raise UserError(f"--lang: {exc}") from None


def quiet_transformers() -> None:
    """No weight-loading progress bars or notices from transformers in CLI output."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def show_plan(plan: dict, as_json: bool, lang: str | None = None) -> None:
    """``--dry-run``: the plan as a few aligned lines in the user's language (``--json``: the
    whole plan as one JSON object), then the closing line on stderr."""
    from trtune.run.plan_text import dry_run_done, plan_text

    lang = cli_lang(lang)
    if as_json:
        console.print_json(json.dumps(plan, ensure_ascii=False, default=str))
    else:
        console.print(plan_text(plan, lang), markup=False, soft_wrap=True)
    err_console.print(dry_run_done(lang), markup=False)


def note_test_model(folder: str, lang: str | None = None) -> None:
    """On stderr, once: the model of ``folder`` is a tiny random test model (when it is:
    its ``trtune.json`` says so; a Hub name has none)."""
    from trtune.run.record import read_record

    note_random_init(read_record(folder), lang, to_stderr=True)


def note_random_init(record_or_flag, lang: str | None = None, to_stderr: bool = False) -> None:
    """Say, once, that the outputs come from a tiny random test model (when they do)."""
    from trtune.i18n import say
    from trtune.run.messages import MESSAGES, random_init_notice
    from trtune.run.record import is_random_init

    flag = record_or_flag if isinstance(record_or_flag, bool) else is_random_init(record_or_flag)
    notice = random_init_notice(flag, cli_lang(lang))
    if notice:
        line = say(MESSAGES, "note", cli_lang(lang), text=notice)
        (err_console if to_stderr else console).print(line, markup=False)
