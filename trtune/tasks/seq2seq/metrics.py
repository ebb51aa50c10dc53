"""Scores of generated text against references, safe for Turkish: ROUGE-1/2/L (summaries,
questions), BLEU and chrF (translation, sacrebleu), all on a 0-100 scale.

``rouge_score``'s default tokenizer lower-cases the English way and keeps only ``[a-z0-9]``:
``güzel`` becomes the two tokens ``g`` and ``zel``, so ``güzel`` and ``gözel`` match
perfectly, and ``IŞIK`` never matches ``ışık``. :class:`TurkishTokenizer` keeps every letter
and lower-cases with Turkish rules (``I`` -> ``ı``, ``İ`` -> ``i``). sacrebleu keeps
non-ASCII letters as they are; its ``lowercase`` option uses Python's ``str.lower`` (``I``
-> ``i``), so BLEU and chrF here are cased, as is their standard.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trtune.data.turkish import lower

_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script
ROUGE_KEYS = ("rouge1", "rouge2", "rougeL")
METRIC_KEYS = (*ROUGE_KEYS, "bleu", "chrf")


class TurkishTokenizer:
    """Words of a text for ROUGE: Turkish lower-casing, then runs of letters and digits
    (any script); punctuation is dropped, as ``rouge_score`` drops it."""

    def tokenize(self, text: str) -> list[str]:
        """``"IŞIK, güzel!"`` -> ``["ışık", "güzel"]``."""
        return _WORD.findall(lower(text))


def rouge(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """Mean ROUGE-1, ROUGE-2 and ROUGE-L F1 (x100) with the Turkish tokenizer, no stemming
    (Porter's stemmer is English)."""
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(list(ROUGE_KEYS), use_stemmer=False, tokenizer=TurkishTokenizer())
    totals = dict.fromkeys(ROUGE_KEYS, 0.0)
    for prediction, reference in zip(predictions, references, strict=True):
        scores = scorer.score(reference, prediction)
        for key in ROUGE_KEYS:
            totals[key] += scores[key].fmeasure
    n = max(len(predictions), 1)
    return {key: 100.0 * value / n for key, value in totals.items()}


def bleu_and_chrf(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """Corpus BLEU (sacrebleu's ``13a`` tokenisation, cased) and chrF (character 6-grams,
    beta 2), one reference per prediction."""
    import sacrebleu

    predictions, references = list(predictions), [list(references)]
    return {
        "bleu": float(sacrebleu.corpus_bleu(predictions, references).score),
        "chrf": float(sacrebleu.corpus_chrf(predictions, references).score),
    }


def score(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """Every metric of :data:`METRIC_KEYS` (each task reports them all; its headline metric
    is chosen in :data:`trtune.tasks.seq2seq.settings.HEADLINE`)."""
    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions for {len(references)} references")
    if not predictions:
        return dict.fromkeys(METRIC_KEYS, 0.0)
    return {**rouge(predictions, references), **bleu_and_chrf(predictions, references)}
