"""``classify eval``: score a saved classifier on a labelled file."""

from __future__ import annotations

from pathlib import Path

from trtune.data import load_labeled
from trtune.data.evaluation import check_evaluation_part
from trtune.errors import UserError
from trtune.infer.classify import load_classifier
from trtune.report import classification_metrics
from trtune.run.progress import Reporter, map_in_chunks


def evaluate_folder(
    model_dir: str | Path,
    data: str | Path | list[str],
    text_col: str | None = None,
    label_col: str | None = None,
    label_map: dict[str, str] | None = None,
    reporter: Reporter | None = None,
    dtype: str = "float32",
    backend: str = "auto",
) -> dict:
    """Metrics (as in ``metrics.json``) of the classifier in ``model_dir`` on every row of
    ``data`` (a file, a label folder, ``FILE:LABEL`` or a list: see ``load_labeled``), with
    ``warnings`` about data too small to trust. ``dtype``: the network's number format, a
    ``--dtype`` name (``auto``: see :func:`~trtune.run.devices.resolve_dtype`); ``backend``
    as in ``load_classifier``.

    Raises:
        UserError: the file holds labels the classifier does not know.
    """
    classifier = load_classifier(model_dir, dtype=dtype, backend=backend)
    labelled = load_labeled(data, text_col, label_col, label_map, min_classes=1)
    unknown = sorted(set(labelled.labels) - set(classifier.labels))
    if unknown:
        raise UserError(
            f"labels not known to the model: {', '.join(unknown)} (the model knows "
            f"{', '.join(classifier.labels)}; use --label-map)",
            file=labelled.path,
        )
    texts = [e.text for e in labelled.examples]
    found = map_in_chunks(texts, classifier.predict, reporter, "evaluating")
    predictions = [p.label for p in found]
    metrics = classification_metrics(
        [e.label for e in labelled.examples], predictions, classifier.labels
    )
    metrics["n"] = len(texts)
    metrics["warnings"] = check_evaluation_part(
        labelled.examples, classifier.labels, require_every_label=False, what="the data"
    )
    return metrics
