"""Is a test part big enough to trust? Warnings for small ones, a refusal for a missing label.

A handful of test texts gives an accuracy of 0 or 1 that says nothing about the model; a
label with no test text is never scored. The thresholds are rough: with 20 texts an
accuracy of 0.8 has a 95 % interval of about ±0.18, and per-label scores from fewer than 5
texts move by 0.2 with each text.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from trtune.data.validate import Example
from trtune.errors import UserError

MIN_TEXTS = 20
MIN_TEXTS_PER_LABEL = 5


def _texts(n: int) -> str:
    return f"{n} text" if n == 1 else f"{n} texts"


def check_evaluation_part(
    examples: list[Example],
    labels: list[str],
    require_every_label: bool = True,
    what: str = "the test part",
    file: str | Path | None = None,
) -> list[str]:
    """Check that ``examples`` can score a classifier of ``labels``.

    Args:
        examples: the texts the classifier is scored on.
        labels: every label the classifier knows.
        require_every_label: refuse when a label has no text (else only warn).
        what: how messages name the part (``the test part``, ``the evaluation data``).
        file: the data, named in the refusal.

    Returns:
        One warning per problem (none when the part is fine), without a ``warning:`` prefix.

    Raises:
        UserError: ``require_every_label`` and some label has no text.
    """
    counts = Counter(e.label for e in examples)
    missing = [label for label in labels if not counts[label]]
    if missing and require_every_label:
        raise UserError(
            f"{what} ({_texts(len(examples))}) has no text labelled {', '.join(missing)}, so "
            "the model is never scored on it: add texts of that label, or choose the test "
            "share with --test-size",
            file,
        )
    warnings = []
    if len(examples) < MIN_TEXTS:
        warnings.append(
            f"{what} has only {_texts(len(examples))}: its accuracy and F1 say little "
            f"({MIN_TEXTS} texts or more give a rough figure)"
        )
    if missing:
        warnings.append(f"{what} has no text labelled {', '.join(missing)}: "
                        "the model is not scored on it")  # fmt: skip
    rare = sorted((n, label) for label, n in counts.items() if n < MIN_TEXTS_PER_LABEL)
    if rare:
        listed = ", ".join(f"{label} ({n})" for n, label in rare)
        warnings.append(
            f"{what} has fewer than {MIN_TEXTS_PER_LABEL} texts labelled {listed}: "
            "their per-label scores say little"
        )
    return warnings
