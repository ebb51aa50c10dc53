"""The files beside a seq2seq model: metrics.json, figures/, report.html, README.md,
trtune.json."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trtune.infer.kinds import base_reference
from trtune.report import Section, plot_curves, plot_histograms, write_report
from trtune.run.messages import random_init_notice
from trtune.run.models import resolve_model
from trtune.run.outdir import atomic_write_json, atomic_write_text
from trtune.run.record import RunRecord
from trtune.tasks.seq2seq.baseline import baseline_outputs
from trtune.tasks.seq2seq.metrics import METRIC_KEYS
from trtune.tasks.seq2seq.pairs import pairs_sha256
from trtune.tasks.seq2seq.report_text import TITLES, model_card, title
from trtune.tasks.seq2seq.settings import HEADLINE, Seq2SeqSettings

if TYPE_CHECKING:
    from trtune.tasks.seq2seq.finetune import ModelRun
    from trtune.tasks.seq2seq.train import Prepared

EXAMPLES = 12


@dataclass
class Seq2SeqRun:
    """Everything the artefacts describe."""

    settings: Seq2SeqSettings
    prepared: Prepared
    run: ModelRun
    metrics: dict[str, float]
    baselines: dict[str, dict[str, float]]
    outputs: list[str]
    test_seconds: float

    @property
    def task(self) -> str:
        return self.prepared.plan.task

    @property
    def baseline_name(self) -> str:
        return next(iter(self.baselines))

    @property
    def history(self) -> dict[str, list[float]]:
        return self.run.fit.history


def metrics_json(record: Seq2SeqRun) -> dict:
    """``metrics.json``: the test metrics, ``baseline`` with the same keys, timings."""
    fit = record.run.fit
    epochs_run = max(1, len(record.history.get("val_loss", [])))
    return {
        **{k: record.metrics[k] for k in METRIC_KEYS},
        "baseline": {k: record.baselines[record.baseline_name][k] for k in METRIC_KEYS},
        "baseline_name": record.baseline_name,
        "baselines": record.baselines,
        "task": record.task,
        "headline": HEADLINE[record.task],
        "method": record.settings.method,
        "n_test": len(record.prepared.split.test),
        "generation": record.settings.generation().to_dict(),
        "timing": {
            "train_seconds": fit.train_seconds,
            "train_tokens_per_second": record.run.train_tokens
            * epochs_run
            / max(fit.train_seconds, 1e-9),
            "steps": fit.steps,
            "epochs_run": epochs_run,
            "test_seconds": record.test_seconds,
        },
        "history": record.history,
    }


def _words(texts: list[str]) -> list[int]:
    return [len(t.split()) for t in texts]


def write_figures(out_dir: Path, record: Seq2SeqRun, lang: str) -> list[Path]:
    """Loss curves, the validation metric per evaluation and the length histograms."""
    figures, history, paths = out_dir / "figures", record.history, []
    headline = HEADLINE[record.task]
    if history.get("val_loss"):
        paths.append(
            plot_curves(
                {"train": history.get("train_loss", []), "validation": history["val_loss"]},
                figures / "loss.png",
                title("loss", lang),
                ylabel="loss",
                lang=lang,
            )
        )
        paths.append(
            plot_curves(
                {"validation": history.get(f"val_{headline}", [])},
                figures / "validation_metric.png",
                title("validation_metric", lang, metric=headline),
                ylabel=headline,
                lang=lang,
            )
        )
    test = record.prepared.split.test
    paths.append(
        plot_histograms(
            {
                title("sources", lang): _words([p.source for p in test]),
                title("references", lang): _words([p.target for p in test]),
                title("generated", lang): _words(record.outputs),
            },
            figures / "lengths.png",
            title("lengths", lang),
            xlabel=title("words", lang),
            lang=lang,
        )
    )
    return paths


def _scores_table(record: Seq2SeqRun, lang: str) -> list[list]:
    rows: list[list] = [["", *METRIC_KEYS]]
    rows.append([record.settings.method, *(record.metrics[k] for k in METRIC_KEYS)])
    for name, values in record.baselines.items():
        rows.append([f"{name} ({title('baseline', lang)})", *(values[k] for k in METRIC_KEYS)])
    return rows


def _examples_table(record: Seq2SeqRun, lang: str) -> list[list]:
    test = record.prepared.split.test[:EXAMPLES]
    baseline = baseline_outputs(record.task, test)[record.baseline_name]
    header = [title(k, lang) for k in ("source", "reference", "generated", "baseline")]
    rows: list[list] = [header]
    for pair, output, base in zip(test, record.outputs, baseline, strict=False):
        rows.append([pair.source[:400], pair.target, output, base[:400]])
    return rows


def write_html_report(out_dir: Path, record: Seq2SeqRun, figures: list[Path], lang: str) -> Path:
    """The self-contained report.html."""
    s, plan = record.settings, record.prepared.plan
    timing = metrics_json(record)["timing"]
    intro = title(
        "intro",
        lang,
        method=s.method,
        model=s.model,
        task=plan.task,
        prefix=plan.prefix or "-",
        n=len(record.prepared.split.test),
        seconds=timing["train_seconds"],
        tps=timing["train_tokens_per_second"],
    )
    sections = [
        Section(
            TITLES["result"][lang],
            paragraphs=[intro, *record.prepared.warnings],
            table=_scores_table(record, lang),
        ),
        Section(TITLES["figures"][lang], images=figures),
        Section(TITLES["examples"][lang], table=_examples_table(record, lang)),
        Section(
            TITLES["data"][lang],
            data={
                **record.prepared.data.summary(),
                "split": record.prepared.split.sizes(),
                "too_long": dict(record.run.drops.counts),
            },
        ),
        Section(TITLES["settings"][lang], data=s.to_dict()),
    ]
    notice = random_init_notice(s.is_preset, lang)
    heading = f"trtune seq2seq: {plan.task}"
    return write_report(out_dir / "report.html", heading, sections, lang, notice=notice)


def run_record(record: Seq2SeqRun) -> RunRecord:
    """``trtune.json`` of a seq2seq run."""
    s, prepared, run = record.settings, record.prepared, record.run
    drops = prepared.data.drops
    dropped = type(drops)()
    dropped.merge(drops)
    dropped.merge(run.drops)
    adapter = s.method == "lora" and not s.merge
    return RunRecord(
        command="seq2seq train",
        task="seq2seq",
        method=s.method,
        settings=s.to_dict(),
        data={
            "paths": list(s.data),
            "format": prepared.data.format,
            "columns": list(prepared.data.columns) if prepared.data.columns else None,
            "sha256": pairs_sha256(prepared.data.pairs),
            "drops": dropped.report(len(prepared.data.pairs) - sum(run.drops.counts.values())),
            "split_sizes": prepared.split.sizes(),
            "notes": prepared.data.notes,
            "warnings": prepared.warnings,
        },
        model={
            "base": base_reference(resolve_model(s.model), adapter),
            "random_init": s.is_preset,
            "model_type": run.model_type,
            "task_kind": prepared.plan.task,
            "prefix": prepared.plan.prefix,
            "direction": prepared.plan.direction,
            "max_source_length": s.source_limit,
            "max_target_length": s.max_target_length,
            "context_chars": s.context_chars,
            "generation": s.generation().to_dict(),
        },
        steps=run.fit.steps,
        resumed_from=run.fit.resumed_from,
        timings={"train_seconds": run.fit.train_seconds, "test_seconds": record.test_seconds},
        details={"trainable_parameters": run.trainable_parameters},
    )


def write_artefacts(out_dir: Path, record: Seq2SeqRun, lang: str = "en") -> dict[str, Path]:
    """Write every file beside the model; returns their paths by name."""
    metrics = metrics_json(record)
    paths = {"metrics": atomic_write_json(out_dir / "metrics.json", metrics)}
    figures = write_figures(out_dir, record, lang)
    paths["report"] = write_html_report(out_dir, record, figures, lang)
    paths["readme"] = atomic_write_text(out_dir / "README.md", model_card(record, metrics))
    paths["trtune"] = run_record(record).write(out_dir)
    return paths
