"""The word-overlap baseline: the sliding window of Richardson et al. (2013, MCTest), as the
SQuAD paper's first baseline used it, with Turkish stems.

1. Words are ``\\w+`` runs, matched by their first five letters after Turkish lower-casing
   (the "F5" stem of Turkish retrieval, Can et al. 2008: ``Roma’ya`` and ``Roma`` meet).
2. Each context word weighs ``log(1 + 1/count)`` (its count in the context): rare words
   that the question shares say more than common ones.
3. The window of ``question words + N`` context words with the highest summed weight of
   question words wins (the first on a tie).
4. In that window, the answer is a run of up to ``N`` words that are not the question's
   own (the answer is what the question does not already say), taken beside the
   strongest match: runs are scored by the weights of the matched words that border them.

No training: ``N`` is the only setting, chosen on the validation part. The answer is an
exact substring of the context, scored exactly as the model's answers are.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from trtune.data.turkish import lower
from trtune.infer.spans import QaAnswer
from trtune.tasks.qa.metrics import qa_scores

WORD = re.compile(r"\w+")
STEM = 5
SPAN_CHOICES = (1, 2, 3, 4, 6, 8)


def _words(text: str) -> list[tuple[str, int, int]]:
    """``(stem, start, end)`` of every word of ``text``."""
    return [(lower(m.group())[:STEM], m.start(), m.end()) for m in WORD.finditer(text)]


def _best_window(matched: list[float], size: int) -> int:
    """Start of the ``size``-word window with the highest summed weight (first on a tie)."""
    best, best_start, total = -1.0, 0, sum(matched[:size])
    for start in range(max(1, len(matched) - size + 1)):
        if start:
            total += matched[start + size - 1] - matched[start - 1]
        if total > best + 1e-12:
            best, best_start = total, start
    return best_start


def _runs(matched: list[float], lo: int, hi: int) -> list[tuple[int, int]]:
    """Maximal runs ``[a, b)`` of unmatched words within ``[lo, hi)``."""
    runs, start = [], None
    for i in range(lo, hi):
        if matched[i] == 0.0 and start is None:
            start = i
        elif matched[i] > 0.0 and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, hi))
    return runs


@dataclass(frozen=True)
class OverlapBaseline:
    """The sliding-window word-overlap answerer with spans of up to ``span_words`` words."""

    span_words: int = 3

    def answer(self, question: str, context: str) -> QaAnswer:
        """The baseline's answer to one question (empty only for a context without words)."""
        words = _words(context)
        if not words:
            return QaAnswer("", 0.0, 0, 0)
        asked = {stem for stem, _, _ in _words(question)}
        counts = Counter(stem for stem, _, _ in words)
        matched = [math.log(1 + 1 / counts[stem]) if stem in asked else 0.0 for stem, _, _ in words]
        size = len(asked) + self.span_words
        lo = _best_window(matched, size)
        hi = min(len(words), lo + size)
        first, last, score = self._span_in_window(matched, lo, hi)
        start, end = words[first][1], words[last][2]
        return QaAnswer(context[start:end], score, start, end)

    def _span_in_window(self, matched: list[float], lo: int, hi: int) -> tuple[int, int, float]:
        """``(first word, last word, score)`` of the answer run inside window ``[lo, hi)``."""
        n, best = self.span_words, None
        for a, b in _runs(matched, lo, hi):
            left = matched[a - 1] if a > 0 else 0.0
            right = matched[b] if b < len(matched) else 0.0
            # cut a long run on the side of its stronger neighbour
            span = (a, min(b, a + n)) if left >= right else (max(a, b - n), b)
            if best is None or left + right > best[2] + 1e-12:
                best = (span[0], span[1] - 1, left + right)
        if best is None:  # the window is all question words: its first words
            return lo, min(hi, lo + n) - 1, 0.0
        return best

    def predict(self, questions: Sequence[str], contexts: Sequence[str]) -> list[QaAnswer]:
        """Answers to many questions, in order."""
        return [self.answer(q, c) for q, c in zip(questions, contexts, strict=True)]


def choose_baseline(examples) -> tuple[OverlapBaseline, dict[int, float]]:
    """The span length (of :data:`SPAN_CHOICES`) with the best F1 on ``examples`` (the
    validation part), and the F1 of every choice."""
    questions = [e.question for e in examples]
    contexts = [e.context for e in examples]
    references = [[a.text for a in e.answers] for e in examples]
    tried = {}
    for n in SPAN_CHOICES:
        answers = OverlapBaseline(n).predict(questions, contexts)
        tried[n] = qa_scores([a.answer for a in answers], references)[0]["f1"]
    best = max(SPAN_CHOICES, key=lambda n: tried[n])
    return OverlapBaseline(best), tried
