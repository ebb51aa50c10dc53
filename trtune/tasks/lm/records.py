"""A causal-LM training example (:class:`Record`) and the report of the rows left out
(:class:`DropReport`), as :mod:`trtune.tasks.lm.formats` reads them from a file."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from trtune.i18n import say
from trtune.run.plan_text import reason_name
from trtune.tasks.lm.messages import MESSAGES


@dataclass
class Record:
    """One training example.

    Attributes:
        row: the 1-based row (line or record) number in the file.
        text: the whole text (``text`` format), else None.
        messages: ``{"role", "content"}`` turns (a user turn may hold ``input``), else None.
    """

    row: int
    text: str | None = None
    messages: list[dict[str, str]] | None = None


@dataclass
class DropReport:
    """Which rows were left out and why."""

    kept: int = 0
    counts: Counter = field(default_factory=Counter)
    first_rows: dict[str, list[int]] = field(default_factory=dict)

    def drop(self, reason: str, row: int) -> None:
        """Count one dropped row under ``reason``, remembering the first few row numbers.

        Rows may come in any order (truncation is found after the shuffled split), so the
        lowest five are kept, in order."""
        self.counts[reason] += 1
        rows = self.first_rows.setdefault(reason, [])
        if len(rows) < 5 or row < rows[-1]:
            bisect.insort(rows, row)
            del rows[5:]

    @property
    def dropped(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "kept": self.kept,
            "dropped": self.dropped,
            "reasons": {
                r: {"count": c, "first_rows": self.first_rows[r]} for r, c in self.counts.items()
            },
        }

    def summary(self, lang: str = "en") -> str:
        """One line for the terminal, in ``lang``."""
        parts = []
        for reason, count in self.counts.items():
            rows = ", ".join(map(str, self.first_rows[reason]))
            name = reason_name(reason, lang)
            parts.append(say(MESSAGES, "drops.reason", lang, reason=name, n=count, rows=rows))
        kept = say(MESSAGES, "drops.kept", lang, kept=self.kept, dropped=self.dropped)
        return kept + (f" [{'; '.join(parts)}]" if parts else "")
