"""Classification metrics as one JSON-ready dictionary."""

from __future__ import annotations

from collections.abc import Sequence


def classification_metrics(
    y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str]
) -> dict:
    """Accuracy, macro-F1, per-class precision/recall/F1/support and the confusion matrix.

    Args:
        y_true: the gold label names.
        y_pred: the predicted label names.
        labels: every label name, in the order rows and columns of the matrix follow.

    Returns:
        ``{"accuracy", "macro_f1", "weighted_f1", "per_class": {label: {...}},
        "labels", "confusion_matrix"}``; ``confusion_matrix[i][j]`` counts texts of
        ``labels[i]`` predicted as ``labels[j]``.
    """
    # Imported here: scikit-learn adds about 100 MiB to a process, which tasks that never
    # score classes (lm, seq2seq) should not carry into their peak memory.
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    labels = list(labels)
    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0
    )
    _, _, macro_f1, _ = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, average="macro", zero_division=0
    )
    _, _, weighted_f1, _ = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, average="weighted", zero_division=0
    )
    per_class = {
        label: {
            "precision": float(precision[i]),
            "recall": float(recall[i]),
            "f1": float(f1[i]),
            "support": int(support[i]),
        }
        for i, label in enumerate(labels)
    }
    matrix = confusion_matrix(y_true, y_pred, labels=labels)
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(macro_f1),
        "weighted_f1": float(weighted_f1),
        "per_class": per_class,
        "labels": labels,
        "confusion_matrix": matrix.tolist(),
    }
