"""Entity-level scores with seqeval (strict IOB2), token accuracy, and the type confusion.

An entity counts as found only when its type and both its boundaries match (seqeval's
``mode="strict"`` with the IOB2 scheme, as the CoNLL evaluation script counts). Predicted
tags are decoded first (:func:`~trtune.tasks.ner.tags.repair`: an ``I-X`` after ``O``
starts an ``X`` entity), so the entities scored are the entities ``ner predict`` shows.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from trtune.tasks.ner.tags import OUTSIDE, entity_type, repair, spans

METRIC_KEYS = ("precision", "recall", "f1", "accuracy", "per_type")


def entity_metrics(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict:
    """Micro precision, recall and F1 over entities, token accuracy, and per type
    ``{precision, recall, f1, support}`` (support: gold entities of the type).

    Args:
        gold: IOB2 tags per sentence.
        predicted: tags per sentence, as many as ``gold``'s (decoded before scoring).
    """
    from seqeval.metrics import accuracy_score, classification_report
    from seqeval.scheme import IOB2

    gold = [list(tags) for tags in gold]
    predicted = [repair(tags) for tags in predicted]
    with warnings.catch_warnings():  # numpy warns about the averages of no entities at all
        warnings.simplefilter("ignore", RuntimeWarning)
        report = classification_report(
            gold, predicted, mode="strict", scheme=IOB2, output_dict=True, zero_division=0
        )
    micro = report.get("micro avg", {"precision": 0.0, "recall": 0.0, "f1-score": 0.0})
    per_type = {
        kind: {
            "precision": float(v["precision"]),
            "recall": float(v["recall"]),
            "f1": float(v["f1-score"]),
            "support": int(v["support"]),
        }
        for kind, v in sorted(report.items(), key=lambda item: -item[1]["support"])
        if not kind.endswith(" avg")
    }
    flat = [tag for tags in gold for tag in tags]
    return {
        "precision": float(micro["precision"]),
        "recall": float(micro["recall"]),
        "f1": float(micro["f1-score"]),
        "accuracy": float(accuracy_score(gold, predicted)) if flat else 0.0,
        "per_type": per_type,
    }


def type_confusion(
    gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]], types: Sequence[str]
) -> tuple[list[str], list[list[int]]]:
    """Word-level confusion of entity types: rows the gold type of each word (``O``
    outside), columns the predicted type. Returns ``(names, matrix)``, ``O`` last."""
    names = [*sorted(set(types)), OUTSIDE]
    index = {name: i for i, name in enumerate(names)}
    matrix = [[0] * len(names) for _ in names]
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        for g, p in zip(gold_tags, predicted_tags, strict=True):
            row, column = index.get(entity_type(g)), index.get(entity_type(p))
            if row is not None and column is not None:
                matrix[row][column] += 1
    return names, matrix


def sentence_errors(gold: Sequence[str], predicted: Sequence[str]) -> int:
    """Entities in one sentence that are missed or wrong (false negatives plus false
    positives, strict): the report shows the worst sentences first."""
    gold_spans, predicted_spans = set(spans(gold)), set(spans(repair(predicted)))
    return len(gold_spans ^ predicted_spans)
