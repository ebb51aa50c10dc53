"""Stratified, seeded train/validation/test splits (the report uses 75/25).

Each cut is scikit-learn's ``train_test_split`` stratified by label, the call most Python
notebooks make (and the one behind the reference figures in ``../shared/data/README.md``), so
the same examples and seed give the same test texts as theirs. Very small sets, where a
stratified cut is impossible, are cut at random.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from trtune.data.validate import Example


@dataclass
class Split:
    """Three disjoint lists of examples."""

    train: list[Example]
    validation: list[Example]
    test: list[Example]


def _hold_out(
    examples: list[Example], fraction: float, seed: int
) -> tuple[list[Example], list[Example]]:
    """Cut ``fraction`` of ``examples`` off as a held-out part: ``(rest, held_out)``.

    A label with a single example stays in the rest. The cut is stratified by label where
    every label can have a share on both sides; otherwise it is a plain seeded shuffle cut.
    """
    counts = Counter(e.label for e in examples)
    kept = [e for e in examples if counts[e.label] > 1]
    alone = [e for e in examples if counts[e.label] == 1]
    if fraction <= 0 or len(kept) < 2:
        return examples, []
    labels = [e.label for e in kept]
    n_held = math.ceil(fraction * len(kept))
    n_labels = len(set(labels))
    stratify = labels if n_labels <= n_held <= len(kept) - n_labels else None
    from sklearn.model_selection import train_test_split  # slow to import: only when used

    rest, held = train_test_split(kept, test_size=fraction, stratify=stratify, random_state=seed)
    return rest + alone, held


def stratified_split(
    examples: list[Example],
    test_size: float = 0.25,
    validation_size: float = 0.1,
    seed: int = 42,
) -> Split:
    """Split ``examples`` (in file order) so every part keeps the label proportions.

    ``validation_size`` is a fraction of what remains after the test part is taken. The
    result depends only on the examples and the seed. A label with one example stays in train.
    """
    if not 0 <= test_size < 1 or not 0 <= validation_size < 1:
        raise ValueError("test_size and validation_size must be in [0, 1)")
    rest, test = _hold_out(list(examples), test_size, seed)
    train, validation = _hold_out(rest, validation_size, seed)
    return Split(train, validation, test)
