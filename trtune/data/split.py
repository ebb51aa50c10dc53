"""Stratified, seeded train/validation/test splits (the report uses 75/25)."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from typing import TypeVar

from trtune.data.validate import Example

T = TypeVar("T")


@dataclass
class Split:
    """Three disjoint lists of examples."""

    train: list[Example]
    validation: list[Example]
    test: list[Example]


def _cut(items: list[T], fraction: float) -> int:
    """How many of ``items`` go to the held-out part: rounded, leaving at least one behind."""
    if fraction <= 0 or len(items) < 2:
        return 0
    return min(len(items) - 1, max(1, round(len(items) * fraction)))


def stratified_split(
    examples: list[Example],
    test_size: float = 0.25,
    validation_size: float = 0.1,
    seed: int = 42,
) -> Split:
    """Split per label so every part keeps the label proportions.

    ``validation_size`` is a fraction of what remains after the test part is taken. The
    result depends only on the examples and the seed. A label with one example stays in train.
    """
    if not 0 <= test_size < 1 or not 0 <= validation_size < 1:
        raise ValueError("test_size and validation_size must be in [0, 1)")
    rng = random.Random(seed)
    by_label: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_label[example.label].append(example)
    train, validation, test = [], [], []
    for label in sorted(by_label):
        group = list(by_label[label])
        rng.shuffle(group)
        n_test = _cut(group, test_size)
        test += group[:n_test]
        rest = group[n_test:]
        n_val = _cut(rest, validation_size)
        validation += rest[:n_val]
        train += rest[n_val:]
    for part in (train, validation, test):
        rng.shuffle(part)
    return Split(train, validation, test)
