"""Errors meant for people: one line naming the file, the row and the reason.

Raise :class:`UserError` at the edge of the program (reading a user's file, checking a
flag); the CLI turns it into ``error: <file>:<row>: <reason>`` and exit code 2. Programming
errors are not wrapped: they raise normally and show a traceback.
"""

from __future__ import annotations

from pathlib import Path

USER_ERROR_EXIT_CODE = 2
NUMERICAL_FAULT_EXIT_CODE = 3


class UserError(Exception):
    """A problem with the user's input that they can fix.

    Args:
        reason: what is wrong, in plain words.
        file: the file it concerns, if any.
        row: the 1-based row (line) number in that file, if one applies.
    """

    exit_code = USER_ERROR_EXIT_CODE

    def __init__(self, reason: str, file: str | Path | None = None, row: int | None = None):
        self.reason = reason
        self.file = str(file) if file is not None else None
        self.row = row
        super().__init__(self.message())

    def message(self, lang: str = "en") -> str:
        """The one-line message, without the ``error:`` prefix; the reason in ``lang``
        (its Turkish from ``trtune.error_text``, or English where it has none)."""
        reason = self.reason
        if lang != "en":
            from trtune.error_text import translate

            reason = translate(reason, lang)
        where = ""
        if self.file is not None:
            where = f"{self.file}:"
            if self.row is not None:
                where += f"{self.row}:"
            where += " "
        # One line, whatever the reason contained.
        return where + " ".join(reason.split())


class NumericalFault(UserError):
    """Training produced a NaN or infinite loss; the last good checkpoint is kept."""

    exit_code = NUMERICAL_FAULT_EXIT_CODE


INTERRUPT_EXIT_CODE = 130  # 128 + SIGINT
TERMINATE_EXIT_CODE = 143  # 128 + SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be, so both stop a run the same way."""


class Interrupted(Exception):
    """A run stopped by Ctrl-C or SIGTERM; the message says where and how to go on.

    Args:
        message: one line, e.g. ``interrupted at step 40; continue with --resume``.
        terminated: SIGTERM rather than Ctrl-C (exit code 143 instead of 130).
    """

    def __init__(self, message: str, terminated: bool = False):
        self.exit_code = TERMINATE_EXIT_CODE if terminated else INTERRUPT_EXIT_CODE
        self.reason = message
        super().__init__(message)

    def message(self, lang: str = "en") -> str:
        """The line in ``lang`` (see :meth:`UserError.message`)."""
        if lang == "en":
            return self.reason
        from trtune.error_text import translate

        return translate(self.reason, lang)
