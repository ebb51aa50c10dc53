"""``qa eval``: score a saved QA model, and the word-overlap baseline, on a file."""

from __future__ import annotations

from pathlib import Path

from trtune.infer.qa import load_qa_model
from trtune.tasks.qa.baseline import OverlapBaseline
from trtune.tasks.qa.formats import load_qa
from trtune.tasks.qa.metrics import qa_scores


def evaluate_folder(
    model_dir: str | Path,
    data: str | list[str],
    context_col: str | None = None,
    question_col: str | None = None,
    answer_col: str | None = None,
    dtype: str = "float32",
    backend: str = "auto",
) -> dict:
    """Metrics (as in ``metrics.json``) of the model in ``model_dir`` on every question of
    ``data``, with the baseline (at the span length its run chose) beside them and the
    file's drop report. ``dtype``: the network's number format, a ``--dtype`` name
    (``auto``: see :func:`~trtune.run.devices.resolve_dtype`).

    Raises:
        UserError: not a QA folder, or an unusable file.
    """
    predictor = load_qa_model(model_dir, dtype=dtype, backend=backend)
    found = load_qa(data, context_col, question_col, answer_col)
    questions = [e.question for e in found.examples]
    contexts = [e.context for e in found.examples]
    references = [[a.text for a in e.answers] for e in found.examples]
    answers = predictor.predict(questions, contexts, strict=False)
    metrics, _ = qa_scores([a.answer for a in answers], references)
    details = predictor.record.get("details", {})
    span_words = details.get("baseline_span_words") or OverlapBaseline().span_words
    baseline = OverlapBaseline(int(span_words)).predict(questions, contexts)
    metrics["baseline"] = qa_scores([a.answer for a in baseline], references)[0]
    metrics["data"] = found.report
    return metrics
