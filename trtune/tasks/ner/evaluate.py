"""``ner eval``: score a saved tagger on a NER file (any of the four layouts)."""

from __future__ import annotations

from pathlib import Path

from trtune.infer.ner import load_tagger
from trtune.tasks.ner.data import load_ner_data
from trtune.tasks.ner.metrics import entity_metrics, type_confusion


def evaluate_folder(
    model_dir: str | Path,
    data: str | list[str],
    tag_names: list[str] | None = None,
    dtype: str = "float32",
    backend: str = "auto",
) -> dict:
    """Metrics (as in ``metrics.json``) of the tagger in ``model_dir`` on every sentence of
    ``data``, with ``n`` (sentences), the data's drop report and ``unknown_types``: entity
    types of the file the model has no tag for (it cannot find them; they count as missed).
    ``dtype``: the network's number format, a ``--dtype`` name (``auto``: see
    :func:`~trtune.run.devices.resolve_dtype`).
    """
    tagger = load_tagger(model_dir, dtype=dtype, backend=backend)
    labelled = load_ner_data(data, tag_names)
    gold = [list(s.tags) for s in labelled.sentences]
    predicted = tagger.tag_sentences([list(s.words) for s in labelled.sentences])
    metrics = entity_metrics(gold, predicted)
    known = {label[2:] for label in tagger.labels if label != "O"}
    names, matrix = type_confusion(gold, predicted, sorted(known | set(labelled.types)))
    metrics["type_confusion"] = {"names": names, "matrix": matrix}
    metrics["n"] = len(gold)
    metrics["unknown_types"] = sorted(set(labelled.types) - known)
    metrics["data"] = labelled.summary()
    return metrics
