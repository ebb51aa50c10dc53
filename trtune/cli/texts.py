"""The texts a ``predict`` or ``generate`` command works on: its arguments, a ``--file``, or
stdin (``-``, or a pipe), read the same way by every task."""

from __future__ import annotations

import sys
from collections.abc import Callable

from trtune.errors import UserError


def input_texts(
    texts: list[str] | None, file: str | None, read_file: Callable[[str], list[str]]
) -> list[str]:
    """``read_file(file)`` then the arguments; else the arguments; else stdin's non-blank
    lines.

    Raises:
        UserError: no texts anywhere, or an empty text among the arguments.
    """
    texts = list(texts or [])
    if file:
        found = read_file(file) + texts
    elif texts and texts != ["-"]:
        found = texts
    elif texts == ["-"] or not sys.stdin.isatty():
        found = [line.strip() for line in sys.stdin if line.strip()]
    else:
        raise UserError("give texts as arguments, with --file FILE, or on stdin")
    empty = next((n for n, text in enumerate(found, 1) if not text.strip()), None)
    if empty is not None:
        raise UserError(f"text {empty} is empty")
    return found
