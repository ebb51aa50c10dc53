"""``--help`` in the user's language.

The help strings stay English where they are written (docstrings, ``typer.Option(help=...)``,
``setting(help, ...)``); their Turkish lives in one table, ``trtune/cli/help_text.py``
(built from ``help_text_*.py``, one part per group of commands)
(``{key: {"tr": ..., "en": ...}}``, checked by ``tests/test_i18n_tables.py``). When the
language is Turkish, :class:`HelpGroup` (the root command's class) swaps every help string of
the command tree for its Turkish entry just before click parses the arguments, so ``--help``,
``trtune classify`` with no arguments and usage errors all show Turkish. The language is the
usual one (``--lang`` anywhere on the line, ``TRTUNE_LANG``, the locale, else English), read
at every call, so a test can set it with ``CliRunner(env=...)``. English costs nothing: no
table is imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from typer import rich_utils
from typer.core import TyperGroup

from trtune.i18n import resolve_lang

# Help texts generated from a settings field end with their default (trtune.cli.options).
_SUFFIX = re.compile(
    r"^(?P<base>.*?) \((?:default: (?P<default>[^()]*)|(?P<required>required))\)$", re.S
)
_TYPER_TITLES = {
    "ARGUMENTS_PANEL_TITLE": "Argümanlar",
    "OPTIONS_PANEL_TITLE": "Seçenekler",
    "COMMANDS_PANEL_TITLE": "Komutlar",
    "DEFAULT_STRING": "[varsayılan: {}]",
    "REQUIRED_LONG_STRING": "[zorunlu]",
}
_HELP_OPTION = "Bu yardımı göster ve çık."


def lang_of_args(args: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language of a command line: its ``--lang`` value wherever it stands (``--help``
    answers before options are parsed), else ``TRTUNE_LANG`` and the locale; English when
    either names an unknown language (the command itself reports that)."""
    given = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            given = args[i + 1]
        elif arg.startswith("--lang="):
            given = arg.split("=", 1)[1]
    try:
        return resolve_lang(given, environ)
    except ValueError:
        return "en"


class Translator:
    """English help text -> Turkish, from the help table."""

    def __init__(self, table: Mapping[str, Mapping[str, str]]) -> None:
        self.exact = {entry["en"]: entry["tr"] for key, entry in table.items()}
        self.phrases = [(e["en"], e["tr"]) for k, e in table.items() if k.startswith("default.")]

    def __call__(self, text: str) -> str:
        """``text`` in Turkish: a whole entry, or an entry followed by the generated
        ``(default: ...)`` / ``(required)``, or ``entry: choice, choice``; else unchanged."""
        if text in self.exact:
            return self.exact[text]
        match = _SUFFIX.match(text)
        if not match:
            return self._with_choices(text)
        base = self._with_choices(match["base"])
        if match["required"]:
            return f"{base} (zorunlu)"
        return f"{base} (varsayılan: {self._default(match['default'])})"

    def _with_choices(self, text: str) -> str:
        head, sep, choices = text.rpartition(": ")
        if sep and head in self.exact:
            return f"{self.exact[head]}: {choices}"
        return self.exact.get(text, text)

    def _default(self, text: str) -> str:
        if text in self.exact:
            return self.exact[text]
        for english, turkish in self.phrases:
            text = text.replace(english, turkish)
        return text


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)


def translate_tree(command: Any, translate: Translator) -> None:
    """Put the Turkish of every help string of ``command`` and its sub-commands in place
    (typer builds a fresh click tree at every call, so nothing outlives this call)."""
    for cmd in _commands(command):
        for attr in ("help", "short_help"):
            if getattr(cmd, attr, None):
                setattr(cmd, attr, translate(getattr(cmd, attr)))
        for param in cmd.params:
            if getattr(param, "help", None):
                param.help = translate(param.help)
        _translate_help_option(cmd)


def _translate_help_option(command: Any) -> None:
    """``--help``'s own line: click makes that option when it is first asked for and keeps
    it; make it now (with the default ``--help`` name) and say it in Turkish. Skipped if a
    click version keeps it otherwise."""
    try:
        option = command.get_help_option(_HelpNames())
    except (AttributeError, TypeError):
        return
    if option is not None:
        option.help = _HELP_OPTION


class _HelpNames:
    """The one thing ``get_help_option`` reads of a context."""

    help_option_names = ("--help",)


def turkish_help() -> Translator:
    """The translator built from the help table (imported only for Turkish)."""
    from trtune.cli.help_text import HELP

    return Translator(HELP)


class HelpGroup(TyperGroup):
    """The root group: help text and typer's panel titles in the language of the call."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        import sys

        line = list(sys.argv[1:] if args is None else args)
        if lang_of_args(line) != "tr":
            return super().main(args, *rest, **kwargs)
        from trtune.cli.usage import turkish_usage_prefix

        translate_tree(self, turkish_help())
        saved = {name: getattr(rich_utils, name) for name in _TYPER_TITLES}
        try:
            for name, text in _TYPER_TITLES.items():
                setattr(rich_utils, name, text)
            with turkish_usage_prefix():
                return super().main(args, *rest, **kwargs)
        finally:
            for name, text in saved.items():
                setattr(rich_utils, name, text)


__all__ = ["HelpGroup", "Translator", "lang_of_args", "translate_tree", "turkish_help"]
