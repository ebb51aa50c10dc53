"""The files beside a classifier: metrics.json, figures/, report.html, README.md, trtune.json."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from trtune.data import LabeledData, describe_sources
from trtune.data.label_names import display_label
from trtune.i18n import say
from trtune.report import Section, plot_confusion_matrix, plot_curves, write_report
from trtune.run.messages import random_init_notice
from trtune.run.outdir import atomic_write_json, atomic_write_text
from trtune.run.plan_text import part_name, reason_name
from trtune.run.record import RunRecord, drop_report
from trtune.tasks.classify.messages import MESSAGES
from trtune.tasks.classify.settings import ClassifySettings

if TYPE_CHECKING:
    from trtune.tasks.classify.train import MethodResult

METHOD_TITLES = {
    "en": {
        "features": "frozen encoder features + MLP head (the report's method)",
        "finetune": "full fine-tuning (transformers.Trainer)",
        "lora": "LoRA fine-tuning (peft)",
        "tfidf": "TF-IDF + logistic regression",
    },
    "tr": {
        "features": "dondurulmuş kodlayıcı öznitelikleri + MLP başlığı (raporun yöntemi)",
        "finetune": "tam ince ayar (transformers.Trainer)",
        "lora": "LoRA ile ince ayar (peft)",
        "tfidf": "TF-IDF + lojistik regresyon",
    },
}


@dataclass
class ClassifyRun:
    """Everything the artefacts describe."""

    settings: ClassifySettings
    data: LabeledData
    split_sizes: dict[str, int]
    metrics: dict
    baseline: dict
    method: MethodResult
    tokenizer_folds_dotless_i: bool
    data_sha256: str
    lang: str = "en"
    examples: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        return self.data.labels

    @property
    def history(self) -> dict[str, list[float]]:
        return self.method.history

    @property
    def data_summary(self) -> dict:
        return self.data.report.to_dict()


def write_figures(out_dir: Path, record: ClassifyRun) -> list[Path]:
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
                lang=record.lang,
            )
        )
        paths.append(
            plot_curves(
                {"train": history.get("train_loss", []), "validation": history["val_loss"]},
                figures / "loss.png",
                "Loss (cross-entropy)",
                ylabel="loss",
                lang=record.lang,
            )
        )
    paths.append(
        plot_confusion_matrix(
            record.metrics["confusion_matrix"],
            [display_label(label, record.lang) for label in record.labels],
            figures / "confusion_matrix.png",
            f"Confusion matrix (test, {record.settings.method})",
            lang=record.lang,
        )
    )
    return paths


def _metrics_table(record: ClassifyRun) -> list[list]:
    lang = record.lang
    accuracy = "doğruluk" if lang == "tr" else "accuracy"
    baseline = "tfidf temel çizgisi" if lang == "tr" else "tfidf baseline"
    rows: list[list] = [["", accuracy, "macro-F1"]]
    rows.append([record.settings.method, record.metrics["accuracy"], record.metrics["macro_f1"]])
    if record.settings.method != "tfidf":
        rows.append([baseline, record.baseline["accuracy"], record.baseline["macro_f1"]])
    return rows


def _per_class_table(metrics: dict, lang: str) -> list[list]:
    names = ["kesinlik", "duyarlılık"] if lang == "tr" else ["precision", "recall"]
    rows: list[list] = [[_t("col.label", lang), *names, "F1", _t("col.support", lang)]]
    for label, values in metrics["per_class"].items():
        name = display_label(label, lang)
        rows.append([name, values["precision"], values["recall"], values["f1"], values["support"]])
    return rows


def _t(key: str, lang: str, **fields) -> str:
    return say(MESSAGES, key, lang, **fields)


# How many test texts the report shows: the most confidently wrong, and a few right ones.
WRONG_SHOWN = 10
RIGHT_SHOWN = 3


def shown_examples(predictions: list, gold: list[str]) -> dict[str, list[dict]]:
    """The test texts the model got most confidently wrong, and its most confident right
    ones: ``{"wrong": [...], "right": [...]}``, each ``{"text", "gold", "predicted",
    "probability"}`` (the probability of the predicted label)."""
    rows = [
        {
            "text": p.text,
            "gold": label,
            "predicted": p.label,
            "probability": float(p.probabilities.get(p.label, 0.0)),
        }
        for p, label in zip(predictions, gold, strict=True)
    ]
    rows.sort(key=lambda row: -row["probability"])
    wrong = [row for row in rows if row["predicted"] != row["gold"]]
    right = [row for row in rows if row["predicted"] == row["gold"]]
    return {"wrong": wrong[:WRONG_SHOWN], "right": right[:RIGHT_SHOWN]}


def _examples_sections(record: ClassifyRun) -> list[Section]:
    """Tables of the most confidently wrong and a few right test texts."""
    lang = record.lang
    header = [_t(f"col.{c}", lang) for c in ("text", "gold", "predicted", "probability")]
    sections = []
    for kind in ("wrong", "right"):
        rows = record.examples.get(kind, [])
        if rows:
            cells = [
                [r["text"], display_label(r["gold"], lang), display_label(r["predicted"], lang)]
                + [r["probability"]]
                for r in rows
            ]
            sections.append(Section(_t(f"report.{kind}", lang), table=[header, *cells]))
    return sections


def _settings_table(settings: ClassifySettings, lang: str) -> list[list]:
    """The settings of the run's method only (a fine-tuning report lists no ``lora_*``)."""
    rows = [[name, _setting_text(value)] for name, value in settings.method_settings().items()]
    return [[_t("col.setting", lang), _t("col.value", lang)], *rows]


def _setting_text(value) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _test_sentence(record: ClassifyRun) -> str:
    s, n = record.settings, record.split_sizes["test"]
    if s.test_data:
        return _t("report.test_file", record.lang, n=n, path=s.test_data)
    return _t("report.test_held", record.lang, n=n, share=100 * s.test_size, seed=s.seed)


def _data_rows(record: ClassifyRun) -> list[list]:
    summary, lang = record.data_summary, record.lang
    drops = summary.get("dropped", {}).items()
    dropped = ", ".join(f"{reason_name(k, lang)}: {v}" for k, v in drops) or "0"
    counts = summary.get("label_counts", {}).items()
    rows = {
        "file": describe_sources(record.settings.data),
        "rows_read": summary.get("rows_read", ""),
        "rows_kept": summary.get("rows_kept", ""),
        "dropped": dropped,
        "labels": ", ".join(f"{display_label(k, lang)}: {v}" for k, v in counts),
        "split": ", ".join(f"{part_name(k, lang)}: {v}" for k, v in record.split_sizes.items()),
    }
    return [["", ""], *([_t(f"row.{k}", lang), v] for k, v in rows.items())]


def write_html_report(out_dir: Path, record: ClassifyRun, figures: list[Path]) -> Path:
    """The self-contained report.html, in the run's language."""
    s, lang = record.settings, record.lang
    timing = record.metrics.get("timing", {})
    method = _t("report.method", lang, method=METHOD_TITLES[lang][s.method])
    result = [
        method + ("." if s.method == "tfidf" else _t("report.model", lang, model=s.model)),
        _test_sentence(record),
        *(_t("report.warning", lang, warning=w) for w in record.data_summary.get("warnings", [])),
        *([_t("report.balanced", lang)] if s.class_weight == "balanced" else []),
        _t(
            "report.timing",
            lang,
            seconds=timing.get("train_seconds", 0),
            speed=timing.get("train_samples_per_second", 0),
        ),
    ]
    sections = [
        Section(_t("report.result", lang), paragraphs=result, table=_metrics_table(record)),
        Section(_t("report.per_class", lang), table=_per_class_table(record.metrics, lang)),
        *_examples_sections(record),
        Section(_t("report.figures", lang), images=figures),
        Section(_t("report.data", lang), table=_data_rows(record)),
        Section(_t("report.settings", lang), table=_settings_table(s, lang)),
    ]
    notice = random_init_notice(s.method != "tfidf" and s.is_preset, lang)
    title = f"trtune classify: {s.method}"
    return write_report(out_dir / "report.html", title, sections, lang, notice)


def model_card(record: ClassifyRun) -> str:
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
            "```python\nfrom trtune.infer.classify import load_classifier\n"
            'clf = load_classifier("PATH/TO/THIS/FOLDER")\n'
            'print(clf.predict(["Ürün harika, çok memnun kaldım"]))\n```\n'
        )
    lines = [
        f"# Turkish text classifier ({s.method})",
        "",
        f"Trained with `trtune classify train` ({METHOD_TITLES['en'][s.method]}) on "
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
        _test_sentence(record),
        *(f"\n**Warning:** {w}." for w in record.data_summary.get("warnings", [])),
        *(["", say(MESSAGES, "report.balanced", "en")] if s.class_weight == "balanced" else []),
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


def write_artefacts(out_dir: Path, record: ClassifyRun) -> dict[str, Path]:
    """Write every file beside the model; returns their paths by name."""
    metrics = dict(record.metrics)
    metrics["baseline"] = record.baseline
    metrics["method"] = record.settings.method
    metrics["history"] = record.history
    paths = {"metrics": atomic_write_json(out_dir / "metrics.json", metrics)}
    figures = write_figures(out_dir, record)
    paths["report"] = write_html_report(out_dir, record, figures)
    paths["readme"] = atomic_write_text(out_dir / "README.md", model_card(record))
    paths["trtune"] = run_record(record).write(out_dir)
    return paths


def run_record(record: ClassifyRun) -> RunRecord:
    """``trtune.json`` of a classifier run."""
    s, report = record.settings, record.data.report
    return RunRecord(
        command="classify train",
        task="classify",
        method=s.method,
        settings=s.to_dict(),
        data={
            "paths": list(s.data),
            "format": report.format,
            "sha256": record.data_sha256,
            "drops": drop_report(report.rows_kept, report.dropped, report.dropped_rows),
            "split_sizes": record.split_sizes,
            "warnings": list(report.warnings),
            "inspect": report.to_dict(),
        },
        model={
            "base": s.model if s.method != "tfidf" else None,
            "labels": record.labels,
            "max_length": s.max_length,
            "tokenizer_folds_dotless_i": record.tokenizer_folds_dotless_i,
            "random_init": s.method != "tfidf" and s.is_preset,
        },
        steps=record.method.steps,
        resumed_from=record.method.resumed_from,
        timings={"train_seconds": record.method.train_seconds},
        details=record.method.details,
    )
