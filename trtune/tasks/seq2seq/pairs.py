"""Source-target pairs: what every reader returns, the drop report, and the grouped split.

A pair keeps the row it came from and a *group*: the source sentence for translation and
summaries, the paragraph for question generation. The split puts whole groups on one side,
so that the several Turkish translations of one English sentence in Tatoeba, or the several
questions asked about one TQuAD paragraph, never sit in training and test at once.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from trtune.run.record import drop_report, examples_sha256

MAX_CHARS = 50_000  # a side longer than this is refused as over-long (a broken file, likely)
FIRST_ROWS = 5  # rows kept per drop reason, to show where to look


@dataclass(frozen=True)
class Pair:
    """One example.

    Attributes:
        source: the model's input (without the task prefix).
        target: the reference output.
        row: the 1-based line or record the pair came from.
        group: what the split keeps together (the source, or a question's paragraph).
        copy: what the copy baseline answers (``None``: the source).
    """

    source: str
    target: str
    row: int
    group: str
    copy: str | None = None

    @property
    def copy_text(self) -> str:
        return self.source if self.copy is None else self.copy


@dataclass
class Drops:
    """Rows left out, by reason, with the first few row numbers of each."""

    counts: Counter = field(default_factory=Counter)
    first_rows: dict[str, list[int]] = field(default_factory=dict)

    def add(self, reason: str, row: int) -> None:
        self.counts[reason] += 1
        rows = self.first_rows.setdefault(reason, [])
        if len(rows) < FIRST_ROWS:
            rows.append(row)

    def merge(self, other: Drops) -> None:
        for reason, count in other.counts.items():
            self.counts[reason] += count
            rows = self.first_rows.setdefault(reason, [])
            rows.extend(other.first_rows.get(reason, [])[: FIRST_ROWS - len(rows)])

    def report(self, kept: int) -> dict:
        """The drop report in the one shape every task records."""
        return drop_report(kept, dict(self.counts), self.first_rows)


@dataclass
class PairData:
    """The pairs of one or more files and how they were read.

    Attributes:
        pairs: the kept pairs, in file order.
        task: the task the file says (``question-generation`` for SQuAD, ...).
        direction: the translation direction, when there is one.
        format: ``squad``, ``csv``, ``jsonl``, ``json`` or ``parquet``.
        columns: the source and target columns used (``None`` for SQuAD).
        drops: what was left out and why.
        notes: what was decided on the way (which column is Turkish, ...).
    """

    pairs: list[Pair]
    task: str | None
    direction: str | None
    format: str
    columns: tuple[str, str] | None
    drops: Drops = field(default_factory=Drops)
    notes: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    rows_read: int = 0

    def summary(self) -> dict:
        """What ``--dry-run`` and the report show about the data."""
        return {
            "paths": self.paths,
            "format": self.format,
            "columns": list(self.columns) if self.columns else None,
            "rows_read": self.rows_read,
            "pairs_kept": len(self.pairs),
            "dropped": dict(self.drops.counts),
            "notes": list(self.notes),
        }


def keep_clean(pairs: list[Pair], drops: Drops) -> list[Pair]:
    """Pairs with both sides present, not over-long, not repeated (the first of a repeated
    source-target pair is kept)."""
    kept, seen = [], set()
    for pair in pairs:
        if not pair.source.strip():
            drops.add("empty_source", pair.row)
        elif not pair.target.strip():
            drops.add("empty_target", pair.row)
        elif max(len(pair.source), len(pair.target)) > MAX_CHARS:
            drops.add("too_long", pair.row)
        elif (pair.source, pair.target) in seen:
            drops.add("duplicate", pair.row)
        else:
            seen.add((pair.source, pair.target))
            kept.append(pair)
    return kept


def pairs_sha256(pairs: list[Pair]) -> str:
    """SHA-256 of the pairs (source, target), in order."""
    return examples_sha256(f"{p.source}\t{p.target}" for p in pairs)


@dataclass
class PairSplit:
    """Training, validation and test pairs."""

    train: list[Pair]
    validation: list[Pair]
    test: list[Pair]

    def sizes(self) -> dict[str, int]:
        return {
            "train": len(self.train),
            "validation": len(self.validation),
            "test": len(self.test),
        }

    def sha256(self) -> str:
        """Which pair went to which part."""
        return examples_sha256(
            f"{name}\t{pairs_sha256(getattr(self, name))}"
            for name in ("train", "validation", "test")
        )


def grouped_split(
    pairs: list[Pair], test_size: float, validation_size: float, seed: int
) -> PairSplit:
    """Split whole groups: about ``test_size`` of the pairs for test, then about
    ``validation_size`` of the rest for validation; seeded, in file order within each part.

    Groups are shuffled and taken until a part holds its share of pairs, so a part may hold
    slightly more than its share (a group is never cut).
    """
    groups: dict[str, list[int]] = {}
    for i, pair in enumerate(pairs):
        groups.setdefault(pair.group, []).append(i)
    keys = list(groups)
    random.Random(seed).shuffle(keys)
    test_goal = round(test_size * len(pairs))
    validation_goal = round(validation_size * (len(pairs) - test_goal))
    part_of: dict[int, str] = {}
    counts = {"test": 0, "validation": 0}
    for key in keys:
        members = groups[key]
        if counts["test"] < test_goal:
            part = "test"
        elif counts["validation"] < validation_goal:
            part = "validation"
        else:
            part = "train"
        counts[part] = counts.get(part, 0) + len(members)
        part_of.update((i, part) for i in members)
    parts: dict[str, list[Pair]] = {"train": [], "validation": [], "test": []}
    for i, pair in enumerate(pairs):
        parts[part_of[i]].append(pair)
    return PairSplit(parts["train"], parts["validation"], parts["test"])
