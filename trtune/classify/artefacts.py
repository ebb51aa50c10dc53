"""The files beside the model: metrics.json, figures/, report.html, README.md, trtune.json."""

from __future__ import annotations

import platform
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from trtune import __version__
from trtune.classify.settings import ClassifySettings
from trtune.data import describe_sources
from trtune.report import Section, plot_confusion_matrix, plot_curves, write_report
from trtune.train.outdir import atomic_write_json, atomic_write_text

METHOD_TITLES = {
    "features": "frozen encoder features + MLP head (the report's method)",
    "finetune": "full fine-tuning (transformers.Trainer)",
    "lora": "LoRA fine-tuning (peft)",
    "tfidf": "TF-IDF + logistic regression",
}


@dataclass
class RunRecord:
    """Everything the artefacts describe."""

    settings: ClassifySettings
    labels: list[str]
    data_summary: dict
    split_sizes: dict[str, int]
    metrics: dict
    baseline: dict
    history: dict[str, list[float]] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


def write_figures(out_dir: Path, record: RunRecord) -> list[Path]:
    """Accuracy and loss curves (when there are any) and the confusion matrix."""
    figures = out_dir / "figures"
    paths = []
    history = record.history
    if history.get("val_loss"):
        paths.append(
            plot_curves(
                {"train": history.get("train_accuracy", []), "validation": history["val_accuracy"]},
                figures / "accuracy.png",
                "Accuracy",
                ylabel="accuracy",
            )
        )
        paths.append(
            plot_curves(
                {"train": history.get("train_loss", []), "validation": history["val_loss"]},
                figures / "loss.png",
                "Loss (cross-entropy)",
                ylabel="loss",
            )
        )
    paths.append(
        plot_confusion_matrix(
            record.metrics["confusion_matrix"],
            record.labels,
            figures / "confusion_matrix.png",
            f"Confusion matrix (test, {record.settings.method})",
        )
    )
    return paths


def _metrics_table(record: RunRecord) -> list[list]:
    rows: list[list] = [["", "accuracy", "macro-F1"]]
    rows.append([record.settings.method, record.metrics["accuracy"], record.metrics["macro_f1"]])
    if record.settings.method != "tfidf":
        rows.append(["tfidf baseline", record.baseline["accuracy"], record.baseline["macro_f1"]])
    return rows


def _per_class_table(metrics: dict) -> list[list]:
    rows: list[list] = [["label", "precision", "recall", "F1", "support"]]
    for label, values in metrics["per_class"].items():
        rows.append([label, values["precision"], values["recall"], values["f1"], values["support"]])
    return rows


BALANCED_NOTE = (
    "Class-weighted loss (balanced: each class weighs n / (classes x its count)), "
    "for the method and the TF-IDF baseline."
)


def write_html_report(out_dir: Path, record: RunRecord, figures: list[Path]) -> Path:
    """The self-contained report.html."""
    s = record.settings
    summary = record.data_summary
    data_rows = [
        ["file", describe_sources(s.data)],
        ["rows read", summary.get("rows_read", "")],
        ["rows kept", summary.get("rows_kept", "")],
        ["dropped", ", ".join(f"{k}: {v}" for k, v in summary.get("dropped", {}).items()) or "0"],
        ["labels", ", ".join(f"{k}: {v}" for k, v in summary.get("label_counts", {}).items())],
        ["split", ", ".join(f"{k}: {v}" for k, v in record.split_sizes.items())],
    ]
    timing = record.metrics.get("timing", {})
    sections = [
        Section(
            "Result",
            paragraphs=[
                f"Method: {METHOD_TITLES[s.method]}"
                + ("." if s.method == "tfidf" else f"; model: {s.model}."),
                f"Test set: {record.split_sizes['test']} texts held out "
                f"({s.test_size:.0%} stratified, seed {s.seed}).",
                *(f"Warning: {w}." for w in summary.get("warnings", [])),
                *([BALANCED_NOTE] if s.class_weight == "balanced" else []),
                f"Training took {timing.get('train_seconds', 0):.1f} s "
                f"({timing.get('train_samples_per_second', 0):.1f} samples/s).",
            ],
            table=_metrics_table(record),
        ),
        Section("Per class (test)", table=_per_class_table(record.metrics)),
        Section("Figures", images=figures),
        Section("Data", table=[["", ""], *data_rows]),
        Section("Settings", data=s.to_dict()),
    ]
    return write_report(out_dir / "report.html", f"trtune classify: {s.method}", sections)


def model_card(record: RunRecord) -> str:
    """README.md: what the model is, how it was trained, how well it does, how to load it."""
    s, m, b = record.settings, record.metrics, record.baseline
    if s.method in ("finetune",) or (s.method == "lora" and s.merge):
        usage = (
            "```python\nfrom transformers import pipeline\n"
            'clf = pipeline("text-classification", model="PATH/TO/THIS/FOLDER")\n'
            'print(clf("Ürün harika, çok memnun kaldım"))\n```\n'
        )
    else:
        usage = (
            "```python\nfrom trtune.classify.predict import load_classifier\n"
            'clf = load_classifier("PATH/TO/THIS/FOLDER")\n'
            'print(clf.predict(["Ürün harika, çok memnun kaldım"]))\n```\n'
        )
    lines = [
        f"# Turkish text classifier ({s.method})",
        "",
        f"Trained with `trtune classify train` ({METHOD_TITLES[s.method]}) on "
        f"`{describe_sources(s.data, names_only=True)}`"
        + ("" if s.method == "tfidf" else f" starting from `{s.model}`")
        + f". Labels: {', '.join(record.labels)}.",
        "",
        "| | accuracy | macro-F1 |",
        "|---|---|---|",
        f"| {s.method} | {m['accuracy']:.4f} | {m['macro_f1']:.4f} |",
        *(
            []
            if s.method == "tfidf"
            else [f"| tfidf baseline | {b['accuracy']:.4f} | {b['macro_f1']:.4f} |"]
        ),
        "",
        f"Test set: {record.split_sizes['test']} held-out texts (stratified, seed {s.seed}).",
        *(f"\n**Warning:** {w}." for w in record.data_summary.get("warnings", [])),
        *(["", BALANCED_NOTE] if s.class_weight == "balanced" else []),
        "",
        "## Use",
        "",
        usage,
        'Or from the command line: `trtune classify predict --model PATH "metin"`.',
        "",
        "Full settings: `trtune.json`; metrics: `metrics.json`; report: `report.html`.",
        "",
    ]
    return "\n".join(lines)


def write_artefacts(out_dir: Path, record: RunRecord) -> dict[str, Path]:
    """Write every file beside the model; returns their paths by name."""
    metrics = dict(record.metrics)
    metrics["baseline"] = record.baseline
    metrics["method"] = record.settings.method
    metrics["history"] = record.history
    paths = {"metrics": atomic_write_json(out_dir / "metrics.json", metrics)}
    figures = write_figures(out_dir, record)
    paths["report"] = write_html_report(out_dir, record, figures)
    paths["readme"] = atomic_write_text(out_dir / "README.md", model_card(record))
    paths["trtune"] = atomic_write_json(
        out_dir / "trtune.json",
        {
            "command": "classify train",
            "trtune_version": __version__,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "settings": record.settings.to_dict(),
            "labels": record.labels,
            "split_sizes": record.split_sizes,
            "data": record.data_summary,
            **record.extra,
        },
    )
    return paths
