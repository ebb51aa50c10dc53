"""Is a test part big enough to trust? (issue 25, item 6)"""

from __future__ import annotations

import pytest

from trtune.data import Example
from trtune.data.evaluation import check_evaluation_part
from trtune.errors import UserError


def part(**counts: int) -> list[Example]:
    return [Example(f"{label} {i}", label, i) for label, n in counts.items() for i in range(n)]


def test_a_test_part_without_a_label_is_refused_naming_the_label():
    with pytest.raises(UserError) as info:
        check_evaluation_part(part(positive=1), ["negative", "positive"], file="dort.csv")
    assert info.value.message() == (
        "dort.csv: the test part (1 text) has no text labelled negative, so the model is never "
        "scored on it: add texts of that label, or choose the test share with --test-size"
    )
    # Chosen on purpose (require_every_label=False): a warning, not an error.
    warnings = check_evaluation_part(
        part(positive=1), ["negative", "positive"], require_every_label=False
    )
    assert warnings == [
        "the test part has only 1 text: its accuracy and F1 say little (20 texts or more give "
        "a rough figure)",
        "the test part has no text labelled negative: the model is not scored on it",
        "the test part has fewer than 5 texts labelled positive (1): their per-label scores "
        "say little",
    ]


def test_small_parts_and_rare_labels_are_warned_about():
    assert check_evaluation_part(part(positive=10, negative=10), ["negative", "positive"]) == []
    warnings = check_evaluation_part(
        part(positive=12, negative=10, neutral=3), ["negative", "neutral", "positive"]
    )
    assert warnings == [
        "the test part has fewer than 5 texts labelled neutral (3): their per-label scores "
        "say little"
    ]
    assert check_evaluation_part(part(a=9, b=9), ["a", "b"], what="the evaluation data") == [
        "the evaluation data has only 18 texts: its accuracy and F1 say little (20 texts or "
        "more give a rough figure)"
    ]
