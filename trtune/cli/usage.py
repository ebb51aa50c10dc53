"""Usage errors (an unknown option, a missing value) in Turkish.

Click, as typer bundles it, writes its usage errors in English with no translation hook:
``Usage: ...``, ``Try '... --help' for help.``, ``Error: No such option: --x``. In Turkish
:func:`show_usage_error` prints the same three lines itself, the message translated by the
patterns below (the messages click and typer raise; anything else stays English).
:func:`turkish_usage_prefix` makes help pages start ``Kullanım:`` as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# (pattern, Turkish) applied in turn; a message can hold several (an invalid value's reason).
CLICK_TR: tuple[tuple[str, str], ...] = (
    (r"No such option: (\S+)", r"böyle bir seçenek yok: \1"),
    (r"\(Possible options: (.+)\)", r"(olası seçenekler: \1)"),
    (r"Invalid value for (.+?): ", r"\1 için geçersiz değer: "),
    (r"^Invalid value: ", "geçersiz değer: "),
    (r"Missing option (.+?)\.", r"eksik seçenek: \1."),
    (r"Missing argument (.+?)\.", r"eksik argüman: \1."),
    (r"Missing parameter: (.+)", r"eksik parametre: \1"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", r"beklenmeyen fazla argüman (\1)"),
    (r"Option (\S+) requires an argument\.", r"\1 seçeneği bir değer ister."),
    (r"Option (\S+) requires (\d+) arguments\.", r"\1 seçeneği \2 değer ister."),
    (r"Option (\S+) does not take a value\.", r"\1 seçeneği değer almaz."),
    (r"No such command (.+)\.", r"böyle bir komut yok: \1."),
    (r"Value (.+) is not a valid (\w+)\.", r"\1 geçerli bir \2 değil."),
    (r"(.+) is not one of (.+)\.", r"\1 şunlardan biri değil: \2."),
    (r"Input should be a valid (\w+)(?:, .*)?", r"geçerli bir \1 olmalı"),
    (r"(\S+ .+) does not exist\.", r"\1 yok."),
    (r"geçerli bir (?:number|float)\b", "geçerli bir sayı"),
    (r"geçerli bir (?:integer|int)\b", "geçerli bir tam sayı"),
    (r"geçerli bir (?:boolean|bool)\b", "geçerli bir evet/hayır değeri"),
)
_PATTERNS = tuple((re.compile(p), t) for p, t in CLICK_TR)


def translate_click(message: str) -> str:
    """A click/typer usage-error message in Turkish (the parts this table knows)."""
    for pattern, turkish in _PATTERNS:
        message = pattern.sub(turkish, message)
    return message


def turkish_usage(usage: str) -> str:
    """A usage line beginning ``Kullanım:`` instead of ``Usage:``."""
    return re.sub(r"^(\s*)Usage:", r"\1Kullanım:", usage)


def show_usage_error(exc: Any, print_line: Any) -> None:
    """Print a click usage error as click does, in Turkish: usage, the help hint, the
    message (``print_line`` prints one line to standard error)."""
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        print_line(turkish_usage(ctx.get_usage()))
        print_line(f"Yardım için: '{ctx.command_path} --help'")
        print_line("")
    print_line(f"Hata: {translate_click(exc.format_message())}")


@contextmanager
def turkish_usage_prefix() -> Iterator[None]:
    """Help pages and usage lines say ``Kullanım:`` while this is open."""
    try:
        from typer._click.formatting import HelpFormatter
    except ImportError:  # typer before it bundled click
        from click.formatting import HelpFormatter

    plain = HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        plain(self, prog, args, "Kullanım: " if prefix is None else prefix)

    HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    try:
        yield
    finally:
        HelpFormatter.write_usage = plain  # type: ignore[method-assign]


__all__ = ["show_usage_error", "translate_click", "turkish_usage", "turkish_usage_prefix"]
