"""The baselines beside every seq2seq model, scored like the model: the first sentences of
the source for summaries (lead-1, lead-3: hard to beat on news), the source itself for
translation and question generation (copying scores what the two sides share: names,
numbers, punctuation; a model must do better than that to have learnt anything)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from trtune.tasks.seq2seq.metrics import score
from trtune.tasks.seq2seq.pairs import Pair

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def lead(text: str, sentences: int) -> str:
    """The first ``sentences`` sentences of ``text``."""
    parts = [p for p in _SENTENCE_END.split(text.strip()) if p]
    return " ".join(parts[:sentences])


def baseline_outputs(task: str, pairs: Sequence[Pair]) -> dict[str, list[str]]:
    """The outputs of each baseline of ``task``, by name (the first is the headline one)."""
    if task == "summarize":
        return {
            "lead-3": [lead(p.source, 3) for p in pairs],
            "lead-1": [lead(p.source, 1) for p in pairs],
        }
    return {"copy": [p.copy_text for p in pairs]}


def score_baselines(task: str, pairs: Sequence[Pair]) -> dict[str, dict[str, float]]:
    """Every baseline's metrics on ``pairs``, by name."""
    references = [p.target for p in pairs]
    return {name: score(out, references) for name, out in baseline_outputs(task, pairs).items()}
