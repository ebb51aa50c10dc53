"""How library code tells the user what it is doing: a :class:`Reporter` the caller passes in.

Library functions never import the CLI. They take a ``reporter`` argument (``None`` means
silent) and call :meth:`Reporter.line` for a status line or :meth:`Reporter.progress` for
anything that takes more than a few seconds, or :meth:`Reporter.waiting` for work with
nothing to count (a model loading). On a terminal a progress is a bar with the
count, the elapsed time and an ETA; elsewhere (CI logs, pipes) it is a plain line every
``plain_every`` seconds and one at the end, so a long run never sits silent for minutes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

T = TypeVar("T")
R = TypeVar("R")


def _clock(seconds: float) -> str:
    seconds = int(max(0.0, seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class ProgressTask:
    """One running progress: call :meth:`update` as work gets done."""

    def __init__(self, reporter: Reporter, title: str, total: int | None, start: int = 0):
        self.reporter = reporter
        self.title = title
        self.total = total
        self.completed = start
        self.info = ""
        self._start = time.monotonic()
        self._first = start
        self._last_line = self._start
        self._lines = 0  # plain lines printed so far
        self._bar: Progress | None = None
        self._task = None

    def update(self, completed: int | None = None, info: str | None = None) -> None:
        """Set how much is done (``None``: one more) and an optional short status text."""
        self.completed = self.completed + 1 if completed is None else completed
        if info is not None:
            self.info = info
        if self._bar is not None:
            self._bar.update(self._task, completed=self.completed, info=self.info)
            return
        now = time.monotonic()
        if now - self._last_line >= self.reporter.plain_every:
            self._last_line = now
            self._lines += 1
            self.reporter.line(self._plain_line(now))

    def eta_seconds(self, now: float | None = None) -> float | None:
        """Seconds left at the rate so far (None before any progress or without a total)."""
        now = time.monotonic() if now is None else now
        done = self.completed - self._first
        if not self.total or done <= 0:
            return None
        return (now - self._start) / done * (self.total - self.completed)

    def _plain_line(self, now: float) -> str:
        count = f"{self.completed}/{self.total}" if self.total else str(self.completed)
        parts = [f"{self.title}: {count}", f"{_clock(now - self._start)} elapsed"]
        eta = self.eta_seconds(now)
        if eta is not None and self.completed < (self.total or 0):
            parts.append(f"ETA {_clock(eta)}")
        if self.info:
            parts.append(self.info)
        return "  ".join(parts)

    def _finish(self) -> None:
        """A last plain line for work long enough to have printed one before."""
        if self._bar is None and self._lines:
            self.reporter.line(self._plain_line(time.monotonic()))


class Reporter:
    """Status lines and progress bars on a rich console (stderr in the CLI).

    Args:
        console: where to print; ``None`` makes a silent reporter.
        plain_every: seconds between progress lines when ``console`` is not a terminal.
        lang: the language of what is said (``tr`` or ``en``, see :mod:`trtune.i18n`).
    """

    def __init__(self, console: Console | None = None, plain_every: float = 30.0, lang: str = "en"):
        self.console = console
        self.plain_every = plain_every
        self.lang = lang

    @classmethod
    def silent(cls) -> Reporter:
        """A reporter that prints nothing (the default of every library function)."""
        return cls(None)

    @property
    def enabled(self) -> bool:
        """Whether anything is printed."""
        return self.console is not None

    def rich_console(self) -> Console:
        """A rich console for tables and rules (a quiet one when silent)."""
        return self.console if self.console is not None else Console(quiet=True)

    def line(self, text: str) -> None:
        """One status line, printed as it is (no markup, no wrapping of paths)."""
        if self.console is not None:
            self.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def warn(self, text: str) -> None:
        """One line starting with ``warning:`` (``uyarı:`` and the Turkish in Turkish)."""
        if self.lang == "tr":
            from trtune.error_text import translate_warning

            self.line(f"uyarı: {translate_warning(text, 'tr')}")
        else:
            self.line(f"warning: {text}")

    @contextmanager
    def progress(self, title: str, total: int | None, start: int = 0) -> Iterator[ProgressTask]:
        """A progress for ``total`` units of work (``None``: unknown), starting at ``start``."""
        task = ProgressTask(self, title, total, start)
        if self.console is None:
            yield task
            return
        if not self.console.is_terminal:
            yield task
            task._finish()  # not after a failure: its error line says enough
            return
        columns = [
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[info]}"),
        ]
        with Progress(*columns, console=self.console, transient=True) as bar:
            task._bar = bar
            task._task = bar.add_task(title, total=total, completed=start, info="")
            yield task

    @contextmanager
    def waiting(self, title: str) -> Iterator[None]:
        """Work with nothing to count (loading a model, training a tokenizer): a spinner with
        ``title`` and the elapsed time on a terminal; elsewhere ``title: m:ss elapsed``
        every ``plain_every`` seconds while it lasts (nothing for quick work)."""
        if self.console is None:
            yield
            return
        if not self.console.is_terminal:
            with _Ticker(self, title):
                yield
            return
        columns = [SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn()]
        with Progress(*columns, console=self.console, transient=True) as spinner:
            spinner.add_task(title, total=None)
            yield


class _Ticker:
    """A plain line ``title: m:ss elapsed`` every ``every`` seconds from a helper thread,
    while work with nothing to count (a model loading) blocks the caller."""

    def __init__(self, reporter: Reporter, title: str) -> None:
        self.reporter, self.title = reporter, title
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="trtune-ticker")

    def _run(self) -> None:
        start = time.monotonic()
        while not self._stop.wait(self.reporter.plain_every):
            self.reporter.line(f"{self.title}: {_clock(time.monotonic() - start)} elapsed")

    def __enter__(self) -> _Ticker:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def map_in_chunks(
    items: Sequence[T], work: Callable[[Sequence[T]], list[R]], reporter: Reporter | None,
    title: str, chunk: int = 64,
) -> list[R]:  # fmt: skip
    """``work`` applied to ``items`` a chunk at a time, with a progress bar over the items
    (prediction over a file, scoring a test part): ``work`` gets a slice and returns one
    result per item."""
    reporter = silent_if_none(reporter)
    results: list[R] = []
    with reporter.progress(title, len(items)) as task:
        for start in range(0, len(items), chunk):
            results += work(items[start : start + chunk])
            task.update(len(results))
    return results


def silent_if_none(reporter: Reporter | None) -> Reporter:
    """``reporter``, or a silent one."""
    return reporter if reporter is not None else Reporter.silent()
