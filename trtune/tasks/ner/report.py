"""The files beside a tagger: metrics.json, figures/, report.html, README.md, trtune.json."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trtune.i18n import say
from trtune.report import Section, plot_confusion_matrix, plot_curves, write_report
from trtune.run.fit import FitResult
from trtune.run.messages import random_init_notice
from trtune.run.outdir import atomic_write_json, atomic_write_text
from trtune.run.record import RunRecord
from trtune.tasks.ner.highlight import worst_sentences_html
from trtune.tasks.ner.messages import MESSAGES
from trtune.tasks.ner.settings import NerSettings

if TYPE_CHECKING:
    from trtune.tasks.ner.train import Parts

SCORE_KEYS = ("precision", "recall", "f1", "accuracy")


@dataclass
class NerRun:
    """Everything the artefacts describe."""

    settings: NerSettings
    parts: Parts
    names: list[str]  # the model's tags, in id order
    metrics: dict
    baseline: dict
    fitted: FitResult
    truncated: int
    predicted: list[list[str]]  # the saved folder's tags for the test sentences


def write_figures(out_dir: Path, run: NerRun, lang: str) -> list[Path]:
    """Validation F1 and loss curves (per epoch) and the entity-type confusion."""
    figures, history = out_dir / "figures", run.fitted.history
    train, val = say(MESSAGES, "figure.train", lang), say(MESSAGES, "figure.validation", lang)
    paths = []
    if history.get("val_f1"):
        paths.append(
            plot_curves(
                {val: history["val_f1"]},
                figures / "f1.png",
                say(MESSAGES, "figure.f1", lang),
                ylabel="F1",
                lang=lang,
            )
        )
    if history.get("val_loss"):
        paths.append(
            plot_curves(
                {train: history.get("train_loss", []), val: history["val_loss"]},
                figures / "loss.png",
                say(MESSAGES, "figure.loss", lang),
                ylabel="loss",
                lang=lang,
            )
        )
    confusion = run.metrics["type_confusion"]
    paths.append(
        plot_confusion_matrix(
            confusion["matrix"],
            confusion["names"],
            figures / "type_confusion.png",
            say(MESSAGES, "report.confusion", lang),
            lang=lang,
        )
    )
    return paths


def _t(key: str, lang: str, **fields) -> str:
    return say(MESSAGES, key, lang, **fields)


def _result_table(run: NerRun, lang: str) -> list[list]:
    header = ["", *(_t(f"report.{k}", lang) if k != "f1" else "F1" for k in SCORE_KEYS)]
    return [
        header,
        [run.settings.method, *(run.metrics[k] for k in SCORE_KEYS)],
        [_t("report.baseline", lang), *(run.baseline[k] for k in SCORE_KEYS)],
    ]


def _per_type_table(run: NerRun, lang: str) -> list[list]:
    rows: list[list] = [
        [
            _t("report.type", lang),
            _t("report.support", lang),
            _t("report.precision", lang),
            _t("report.recall", lang),
            "F1",
            f"F1 ({_t('report.baseline', lang)})",
        ]
    ]
    base = run.baseline["per_type"]
    for kind, v in run.metrics["per_type"].items():
        rows.append(
            [
                kind,
                v["support"],
                v["precision"],
                v["recall"],
                v["f1"],
                base.get(kind, {}).get("f1", 0.0),
            ]
        )
    return rows


def _test_source(run: NerRun, lang: str) -> str:
    s = run.settings
    if s.test_data:
        return s.test_data
    return _t("report.share", lang, share=100 * s.test_size, seed=s.seed)


def write_html_report(out_dir: Path, run: NerRun, figures: list[Path], lang: str) -> Path:
    """The self-contained report.html."""
    s, timing = run.settings, run.metrics["timing"]
    test = run.parts.test
    sentences_html, shown = worst_sentences_html(
        [list(x.words) for x in test],
        [list(x.tags) for x in test],
        run.predicted,
        run.parts.types,
        (_t("report.gold", lang), _t("report.predicted", lang)),
    )
    result = [
        _t(
            "report.method",
            lang,
            method=_t(f"method.{s.method}", lang),
            model=s.model,
            n=len(test),
            source=_test_source(run, lang),
        ),
        _t("report.scoring", lang),
        _t(
            "report.timing",
            lang,
            seconds=timing["train_seconds"],
            rate=timing["train_samples_per_second"],
            test_rate=timing["predict_sentences_per_second"],
        ),
    ]
    if run.truncated:
        result.append(_t("report.truncated", lang, count=run.truncated))
    sections = [
        Section(_t("report.result", lang), paragraphs=result, table=_result_table(run, lang)),
        Section(_t("report.per_type", lang), table=_per_type_table(run, lang)),
        Section(_t("report.figures", lang), images=figures),
        Section(
            _t("report.sentences", lang),
            paragraphs=[_t("report.sentences_note", lang, shown=shown, total=len(test))],
            markup=sentences_html,
        ),
        Section(
            _t("report.data", lang),
            data={"split_sizes": run.parts.sizes, **run.parts.data.summary()},
        ),
        Section(_t("report.settings", lang), data=s.to_dict()),
    ]
    title = _t("report.title", lang, method=_t(f"method.{s.method}", lang))
    notice = random_init_notice(s.is_preset, lang)
    return write_report(out_dir / "report.html", title, sections, lang=lang, notice=notice)


def model_card(run: NerRun, lang: str) -> str:
    """README.md: what the model is, how well it does beside the baseline, how to load it."""
    s, m, b = run.settings, run.metrics, run.baseline
    types = ", ".join(run.parts.types)
    pipeline_ok = s.method == "finetune" or s.merge
    usage = (
        "```python\nfrom transformers import pipeline\n"
        'ner = pipeline("token-classification", model="PATH/TO/THIS/FOLDER", '
        'aggregation_strategy="simple")\n'
        "print(ner(\"Mustafa Kemal Atatürk 19 Mayıs 1919'da Samsun'a çıktı.\"))\n```\n"
        if pipeline_ok
        else "```python\nfrom trtune.infer.ner import load_tagger\n"
        'tagger = load_tagger("PATH/TO/THIS/FOLDER")\n'
        "print(tagger.predict([\"Mustafa Kemal Atatürk 19 Mayıs 1919'da Samsun'a çıktı.\"]))\n"
        "```\n"
    )
    lines = [
        _t("card.title", lang, method=s.method),
        "",
        _t("card.trained", lang, data=", ".join(s.data), model=s.model, types=types),
        "",
        _t("card.header", lang),
        "|---|---|---|---|---|",
        f"| {s.method} | {m['precision']:.4f} | {m['recall']:.4f} | {m['f1']:.4f} | "
        f"{m['accuracy']:.4f} |",
        f"| {_t('card.baseline', lang)} | {b['precision']:.4f} | {b['recall']:.4f} | "
        f"{b['f1']:.4f} | {b['accuracy']:.4f} |",
        "",
        _t("card.test", lang, n=len(run.parts.test), source=_test_source(run, lang)),
        "",
        _t("card.use", lang),
        "",
        usage,
        _t("card.cli", lang),
        "",
        _t("card.files", lang),
        "",
    ]
    return "\n".join(lines)


def run_record(run: NerRun) -> RunRecord:
    """``trtune.json`` of a NER run."""
    s, data = run.settings, run.parts.data
    return RunRecord(
        command="ner train",
        task="ner",
        method=s.method,
        settings=s.to_dict(),
        data={
            "paths": list(s.data),
            "format": data.format,
            "scheme": data.scheme,
            "sha256": data.sha256(),
            "drops": data.drops(),
            "split_sizes": run.parts.sizes,
            "validation_data": s.validation_data,
            "test_data": s.test_data,
            "truncated_training_sentences": run.truncated,
        },
        model={
            "base": s.model,
            "random_init": s.is_preset,
            "labels": run.names,
            "types": run.parts.types,
            "max_length": s.max_length,
            "subword_labels": s.subword_labels,
        },
        steps=run.fitted.steps,
        resumed_from=run.fitted.resumed_from,
        timings={k: v for k, v in run.metrics["timing"].items() if k.endswith("seconds")},
    )


def write_artefacts(out_dir: Path, run: NerRun, lang: str = "en") -> dict[str, Path]:
    """Write every file beside the model; returns their paths by name."""
    metrics = dict(run.metrics)
    metrics["baseline"] = run.baseline
    metrics["method"] = run.settings.method
    metrics["history"] = run.fitted.history
    paths = {"metrics": atomic_write_json(out_dir / "metrics.json", metrics)}
    figures = write_figures(out_dir, run, lang)
    paths["report"] = write_html_report(out_dir, run, figures, lang)
    paths["readme"] = atomic_write_text(out_dir / "README.md", model_card(run, lang))
    paths["trtune"] = run_record(run).write(out_dir)
    return paths
