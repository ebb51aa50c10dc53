"""From start/end logits over windows to one answer: the n-best span search.

Per window, as ``transformers``' question-answering pipeline computes it (so a folder
answers the same through trtune and through ``pipeline("question-answering")``): logits
outside the context are set to -10000 (the ``[CLS]`` token stays), each side goes through a
softmax, a span ``(s, e)`` scores ``p_start[s] * p_end[e]`` with ``s <= e < s +
max_answer_length``, and the no-answer score is ``p_start[CLS] * p_end[CLS]`` (Chen et al.
2017 for the span product; Devlin et al. 2019 for the null score). Each window's best spans
are widened to whole words of the context; the same answer found in several windows (or as
several spans) adds its scores up, and the no-answer score is the lowest of the windows'.
The answer is the exact substring of the context with its character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from trtune.data.turkish import lower

MASKED_LOGIT = -10000.0  # the pipeline's value for tokens that cannot be in an answer


@dataclass(frozen=True)
class QaAnswer:
    """The answer to one question.

    Attributes:
        answer: the exact substring ``context[start:end]`` (``""``: no answer).
        score: the span's probability product (or the no-answer score for ``""``).
        start, end: character offsets in the context.
        null_score: the question's no-answer score (lowest over its windows).
    """

    answer: str
    score: float
    start: int
    end: int
    null_score: float = 0.0

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {"answer": self.answer, "score": self.score, "start": self.start, "end": self.end}


def window_spans(
    start_logits: np.ndarray,
    end_logits: np.ndarray,
    context: np.ndarray,
    max_answer_length: int,
    n_best: int,
) -> tuple[float, list[tuple[float, int, int]]]:
    """The no-answer score and the ``n_best`` best ``(score, start, end)`` spans of a window.

    Args:
        start_logits, end_logits: ``(T,)`` logits of one window (padding after its tokens
            is ignored: ``context`` is shorter or marks it False).
        context: ``(T,)`` True for the context's tokens.
    """
    T = len(context)
    allowed = context.copy()
    allowed[0] = True  # [CLS] stays in the softmax (it is the no-answer position)
    start = np.where(allowed, start_logits[:T].astype(np.float64), MASKED_LOGIT)  # (T,)
    end = np.where(allowed, end_logits[:T].astype(np.float64), MASKED_LOGIT)  # (T,)
    start = np.exp(start - start.max())
    start /= start.sum()
    end = np.exp(end - end.max())
    end /= end.sum()
    null = float(start[0] * end[0])
    start[0] = end[0] = 0.0
    scores = np.tril(np.triu(np.outer(start, end)), max_answer_length - 1)  # (T, T)
    flat = scores.ravel()
    if n_best == 1:
        order = [int(np.argmax(flat))]
    elif flat.size <= n_best:
        order = np.argsort(-flat, kind="stable")
    else:
        top = np.argpartition(-flat, n_best)[:n_best]
        order = top[np.argsort(-flat[top], kind="stable")]
    starts, ends = np.unravel_index(np.asarray(order), scores.shape)
    keep = context[starts] & context[ends]
    return null, [
        (float(scores[s, e]), int(s), int(e)) for s, e in zip(starts[keep], ends[keep], strict=True)
    ]


def span_characters(
    offsets: list[tuple[int, int] | None],
    word_ids: list[int | None],
    start_token: int,
    end_token: int,
) -> tuple[int, int]:
    """The characters of a token span widened to the whole words it touches (in this
    window), as the pipeline's ``align_to_words`` does."""
    start_word, end_word = word_ids[start_token], word_ids[end_token]
    first = min(offsets[t][0] for t, w in enumerate(word_ids) if w == start_word)
    last = max(offsets[t][1] for t, w in enumerate(word_ids) if w == end_word)
    return first, last


def best_answer(
    context: str,
    windows: list[tuple[np.ndarray, np.ndarray, list, list]],
    max_answer_length: int,
    n_best: int = 12,
    null_threshold: float | None = None,
) -> QaAnswer:
    """The answer to one question from its windows.

    The ``n_best`` spans of every window are widened to whole words; spans that give the
    same text (in any case) add their scores up, within and across windows, and the text
    with the highest sum wins (the first found on a tie), as in the pipeline.

    Args:
        context: the question's context.
        windows: per window ``(start_logits, end_logits, offsets, word_ids)``.
        n_best: spans kept per window (the pipeline keeps 12 when it returns one answer).
        null_threshold: ``None``: always answer (SQuAD v1); else answer ``""`` when the
            no-answer score exceeds the best answer's by more than this (0 is the
            pipeline's ``handle_impossible_answer=True``).
    """
    null_score = 1.0
    found: dict[str, list] = {}  # lower-cased text -> [score, start, end]
    for start_logits, end_logits, offsets, word_ids in windows:
        mask = np.array([span is not None for span in offsets])
        null, spans = window_spans(start_logits, end_logits, mask, max_answer_length, n_best)
        null_score = min(null_score, null)
        for score, s, e in spans:
            start, end = span_characters(offsets, word_ids, s, e)
            key = lower(context[start:end])
            if key in found:
                found[key][0] += score
            else:
                found[key] = [score, start, end]
    best = max(found.values(), key=lambda item: item[0], default=None)  # first on a tie
    if best is None or (null_threshold is not None and null_score - best[0] > null_threshold):
        return QaAnswer("", null_score, 0, 0, null_score)
    score, start, end = best
    return QaAnswer(context[start:end], score, start, end, null_score)
