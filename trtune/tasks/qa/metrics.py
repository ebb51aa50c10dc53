"""Exact match and token F1 of predicted answers against every reference answer.

Two normalisations, both reported:

- **Turkish** (the headline figures): Unicode NFC, Turkish lower-casing (``I`` -> ``ı``,
  ``İ`` -> ``i``), every punctuation character removed (Unicode category P, so the
  typographic apostrophe of ``Roma’ya`` and the quotes ``“ ”`` go too), whitespace
  collapsed. No article stripping: Turkish has no articles, and ``a``/``an``/``the`` are
  not Turkish words to drop.
- **SQuAD** (the official v1.1 script, for comparison with published figures): Python's
  ``lower`` (``İ`` -> ``i̇`` with a combining dot, ``I`` -> ``i``), ASCII punctuation only,
  English articles removed. On Turkish text it counts ``İstanbul``/``istanbul`` and
  ``Napoli’ye``/``Napoli'ye`` as different answers.

For each question the best score over its references counts (SQuAD's rule); an
unanswerable question scores 1 only for an empty prediction (SQuAD v2's rule).
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from trtune.data.turkish import lower

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_ASCII_PUNCTUATION = set(string.punctuation)


def normalize_turkish(text: str) -> str:
    """Turkish normalisation: ``"İstanbul’da, IŞIK!"`` -> ``"istanbulda ışık"``."""
    text = lower(unicodedata.normalize("NFC", text))
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("P"))
    return " ".join(text.split())


def normalize_squad(text: str) -> str:
    """The official SQuAD v1.1 ``normalize_answer``: lower, ASCII punctuation, articles,
    whitespace."""
    text = "".join(ch for ch in text.lower() if ch not in _ASCII_PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


NORMALISERS: dict[str, Callable[[str], str]] = {
    "turkish": normalize_turkish,
    "squad": normalize_squad,
}


def exact_match(prediction: str, reference: str, normalize: Callable[[str], str]) -> float:
    """1.0 when the normalised texts are equal."""
    return float(normalize(prediction) == normalize(reference))


def token_f1(prediction: str, reference: str, normalize: Callable[[str], str]) -> float:
    """The harmonic mean of token precision and recall (tokens split on whitespace after
    normalising); both empty is 1, one empty is 0."""
    predicted, gold = normalize(prediction).split(), normalize(reference).split()
    if not predicted or not gold:
        return float(predicted == gold)
    common = sum((Counter(predicted) & Counter(gold)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def question_scores(
    prediction: str, references: Sequence[str], normalize: Callable[[str], str]
) -> tuple[float, float]:
    """``(exact match, F1)`` of one prediction: the best over the references, or against
    the empty answer when there is none (an unanswerable question)."""
    references = list(references) or [""]
    em = max(exact_match(prediction, ref, normalize) for ref in references)
    f1 = max(token_f1(prediction, ref, normalize) for ref in references)
    return em, f1


def qa_scores(
    predictions: Sequence[str], references: Sequence[Sequence[str]]
) -> tuple[dict, list[dict]]:
    """Corpus figures (percent, as SQuAD reports them) and per-question scores.

    Returns:
        ``({"exact_match", "f1", "n", "squad": {"exact_match", "f1"}, "differs":
        bool}, [{"exact_match", "f1", "squad_exact_match", "squad_f1"} per question])``;
        ``differs`` says whether the two normalisations disagree on any question.
    """
    rows = []
    for prediction, refs in zip(predictions, references, strict=True):
        em, f1 = question_scores(prediction, refs, normalize_turkish)
        squad_em, squad_f1 = question_scores(prediction, refs, normalize_squad)
        rows.append(
            {"exact_match": em, "f1": f1, "squad_exact_match": squad_em, "squad_f1": squad_f1}
        )
    n = max(len(rows), 1)

    def mean(key: str) -> float:
        return round(100 * sum(r[key] for r in rows) / n, 2)

    figures = {
        "exact_match": mean("exact_match"),
        "f1": mean("f1"),
        "n": len(rows),
        "squad": {"exact_match": mean("squad_exact_match"), "f1": mean("squad_f1")},
    }
    figures["differs"] = any(
        r["exact_match"] != r["squad_exact_match"] or r["f1"] != r["squad_f1"] for r in rows
    )
    return figures, rows


def tune_null_threshold(answers, references: Sequence[Sequence[str]]) -> float:
    """The no-answer threshold with the best F1 on these (validation) questions.

    A question is answered ``""`` when its no-answer score exceeds its best answer's score
    by more than the threshold (SQuAD v2's ``best_f1_thresh``, in the pipeline's
    probability scale). Candidates are 0 and the margins seen; the first best wins.

    Args:
        answers: :class:`~trtune.infer.spans.QaAnswer` per question, found with no
            threshold (each holds its best answer and its ``null_score``).
    """
    margin = [a.null_score - a.score for a in answers]
    answered = [
        question_scores(a.answer, r, normalize_turkish)[1]
        for a, r in zip(answers, references, strict=True)
    ]
    empty = [question_scores("", r, normalize_turkish)[1] for r in references]
    candidates = sorted({0.0, min(margin, default=0.0) - 1.0, *margin})
    best, best_f1 = 0.0, -1.0
    for threshold in candidates:
        f1 = sum(e if m > threshold else a for m, a, e in zip(margin, answered, empty, strict=True))
        if f1 > best_f1 + 1e-12:
            best, best_f1 = threshold, f1
    return best
