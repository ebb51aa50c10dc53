"""The files beside a QA model: metrics.json, predictions.jsonl, figures/, report.html,
README.md and trtune.json."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trtune.i18n import say
from trtune.infer.spans import QaAnswer
from trtune.report import Section, plot_curves, plot_histogram, write_report
from trtune.run.fit import FitResult
from trtune.run.messages import random_init_notice
from trtune.run.outdir import atomic_write_json, atomic_write_text
from trtune.run.plan_text import part_name, reason_name
from trtune.run.record import RunRecord
from trtune.tasks.qa.examples import QaSplit
from trtune.tasks.qa.formats import QaData
from trtune.tasks.qa.messages import MESSAGES
from trtune.tasks.qa.settings import QaSettings

WORST_SHOWN = 10
PREDICTIONS_FILE = "predictions.jsonl"


@dataclass
class QaRun:
    """Everything the artefacts describe."""

    settings: QaSettings
    data: dict[str, QaData]
    split: QaSplit
    metrics: dict
    rows: list[dict]
    answers: list[QaAnswer]
    baseline: dict
    baseline_rows: list[dict]
    baseline_answers: list[QaAnswer]
    baseline_span_words: int
    baseline_tried: dict[int, float]
    baseline_seconds: float
    fit: FitResult
    null_threshold: float | None
    data_sha256: str
    lang: str = "en"
    extra: dict[str, Any] = field(default_factory=dict)

    def metrics_json(self) -> dict:
        """``metrics.json``: the test figures, ``baseline`` with the same keys, timings."""
        return {
            **self.metrics,
            "baseline": self.baseline,
            "method": self.settings.method,
            "null_threshold": self.null_threshold,
            "timing": {
                "train_seconds": self.fit.train_seconds,
                "steps": self.fit.steps,
                "baseline_seconds": self.baseline_seconds,
            },
            "history": self.fit.history,
        }


def prediction_rows(run: QaRun) -> list[dict]:
    """One JSON object per test question: references, both answers, their scores."""
    rows = []
    for e, a, scores, b, b_scores in zip(
        run.split.test,
        run.answers,
        run.rows,
        run.baseline_answers,
        run.baseline_rows,
        strict=True,
    ):
        rows.append(
            {
                "id": e.id,
                "question": e.question,
                "references": [{"text": x.text, "start": x.start} for x in e.answers],
                "prediction": a.to_dict(),
                **scores,
                "baseline": {**b.to_dict(), **b_scores},
            }
        )
    return rows


def write_figures(out_dir: Path, run: QaRun) -> list[Path]:
    """The F1 histogram of model and baseline, and the validation F1 and loss curves."""
    figures = out_dir / "figures"
    paths = [
        plot_histogram(
            {
                run.settings.method: [100 * r["f1"] for r in run.rows],
                "baseline": [100 * r["f1"] for r in run.baseline_rows],
            },
            figures / "f1_histogram.png",
            "F1 per test question",
            bins=[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100.0001],
            xlabel="F1",
            ylabel="questions",
            lang=run.lang,
        )
    ]
    history = run.fit.history
    if history.get("val_f1"):
        paths.append(
            plot_curves(
                {"validation": history["val_f1"]},
                figures / "f1.png",
                "Validation F1",
                ylabel="F1",
                lang=run.lang,
            )
        )
        paths.append(
            plot_curves(
                {"train": history.get("train_loss", []), "validation": history["val_loss"]},
                figures / "loss.png",
                "Loss (start + end cross-entropy / 2)",
                ylabel="loss",
                lang=run.lang,
            )
        )
    return paths


def _marked_context(context: str, gold: list[tuple[int, int]], predicted: tuple[int, int]) -> str:
    """The context as HTML with the reference spans and the predicted span marked."""
    cuts = sorted({0, len(context), *[p for span in gold for p in span], *predicted})
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        in_gold = any(s <= a and b <= e for s, e in gold)
        in_pred = predicted[0] <= a and b <= predicted[1] and predicted[0] < predicted[1]
        text = html.escape(context[a:b])
        kind = "both" if in_gold and in_pred else "gold" if in_gold else "pred" if in_pred else ""
        parts.append(f'<mark class="{kind}">{text}</mark>' if kind else text)
    return "".join(parts)


def worst_questions_html(run: QaRun, lang: str) -> str:
    """The lowest-F1 test questions, each with its context and both spans marked."""
    order = sorted(range(len(run.rows)), key=lambda i: run.rows[i]["f1"])[:WORST_SHOWN]
    blocks = [f"<p>{html.escape(say(MESSAGES, 'report.legend', lang))}</p>"]
    for i in order:
        e, a = run.split.test[i], run.answers[i]
        gold = [(x.start, x.end) for x in e.answers]
        answer = a.answer or say(MESSAGES, "no_answer", lang)
        refs = " | ".join(x.text for x in e.answers) or say(MESSAGES, "no_answer", lang)
        blocks.append(
            f"<h3>{html.escape(e.question)}</h3><p><b>F1 {100 * run.rows[i]['f1']:.0f}</b> · "
            f"{html.escape(say(MESSAGES, 'report.gold_model', lang, gold=refs, answer=answer))}"
            "</p>"
            f"<blockquote>{_marked_context(e.context, gold, (a.start, a.end))}</blockquote>"
        )
    return "\n".join(blocks)


def _result_table(run: QaRun, lang: str) -> list[list]:
    m, b = run.metrics, run.baseline
    em = say(MESSAGES, "report.exact_match", lang)
    squad = [say(MESSAGES, "report.squad", lang, metric=name) for name in (em, "F1")]
    return [
        ["", em, "F1", *squad],
        [
            run.settings.method,
            m["exact_match"],
            m["f1"],
            m["squad"]["exact_match"],
            m["squad"]["f1"],
        ],
        [
            say(MESSAGES, "report.baseline_row", lang),
            b["exact_match"],
            b["f1"],
            b["squad"]["exact_match"],
            b["squad"]["f1"],
        ],
    ]


def _result_paragraphs(run: QaRun, lang: str) -> list[str]:
    s = run.settings
    where = s.test_data or say(MESSAGES, "report.where", lang, share=100 * s.test_size, seed=s.seed)
    differing = sum(
        r["exact_match"] != r["squad_exact_match"] or r["f1"] != r["squad_f1"] for r in run.rows
    )
    tried = ", ".join(f"{n}: {f1:.1f}" for n, f1 in run.baseline_tried.items())
    found = [
        say(MESSAGES, "report.test", lang, n=len(run.rows), where=where),
        say(MESSAGES, "report.differs", lang, count=differing)
        if differing
        else say(MESSAGES, "report.same", lang),
        say(MESSAGES, "report.baseline", lang, n=run.baseline_span_words, tried=tried),
        say(MESSAGES, "report.timing", lang, seconds=run.fit.train_seconds, steps=run.fit.steps),
    ]
    if run.null_threshold is not None:
        found.append(say(MESSAGES, "report.threshold", lang, threshold=run.null_threshold))
    return found


def write_html_report(out_dir: Path, run: QaRun, figures: list[Path], lang: str) -> Path:
    """The self-contained report.html (Turkish section titles when ``lang`` is ``tr``)."""
    s = run.settings
    header = [say(MESSAGES, f"report.{k}", lang) for k in ("questions_kept", "read", "drops")]
    data_rows = [["", *header]]
    for name, data in run.data.items():
        report = data.report
        drops = ", ".join(
            f"{reason_name(k, lang)}: {v['count']}" for k, v in report["reasons"].items()
        )
        data_rows.append(
            [part_name(name, lang), len(data.examples), data.questions_read, drops or "0"]
        )
    sections = [
        Section(
            say(MESSAGES, "report.result", lang),
            paragraphs=_result_paragraphs(run, lang),
            table=_result_table(run, lang),
        ),
        Section(say(MESSAGES, "report.histogram", lang), images=figures[:1]),
        Section(say(MESSAGES, "report.curves", lang), images=figures[1:]),
        Section(say(MESSAGES, "report.worst", lang), markup=worst_questions_html(run, lang)),
        Section(say(MESSAGES, "report.data", lang), table=data_rows),
        Section(say(MESSAGES, "report.settings", lang), data=s.to_dict()),
    ]
    method = say(MESSAGES, f"method.{s.method}", lang)
    title = say(MESSAGES, "report.title", lang, method=method)
    notice = random_init_notice(s.is_preset, lang)
    return write_report(out_dir / "report.html", title, sections, lang=lang, notice=notice)


def model_card(run: QaRun) -> str:
    """README.md: what the model is, how well it does beside the baseline, how to use it."""
    s, m, b = run.settings, run.metrics, run.baseline
    full = s.method == "finetune" or s.merge
    usage = (
        "```python\nfrom transformers import pipeline  # transformers 4.x\n"
        'qa = pipeline("question-answering", model="PATH/TO/THIS/FOLDER")\n'
        f'print(qa(question="Soru?", context="Metin...", max_answer_len={s.max_answer_length}))'
        "\n```\n"
        if full
        else "```python\nfrom trtune.infer.qa import load_qa_model\n"
        'qa = load_qa_model("PATH/TO/THIS/FOLDER")\n'
        'print(qa.predict(["Soru?"], ["Metin..."]))\n```\n'
    )
    method = say(MESSAGES, f"method.{s.method}", "en")
    return "\n".join(
        [
            f"# Turkish extractive question answering ({s.method})",
            "",
            f"Trained with `trtune qa train` ({method}) from `{s.model}`.",
            "",
            "| | exact match | F1 |",
            "|---|---|---|",
            f"| {s.method} | {m['exact_match']:.2f} | {m['f1']:.2f} |",
            f"| word-overlap baseline | {b['exact_match']:.2f} | {b['f1']:.2f} |",
            "",
            f"Test part: {m['n']} questions; Turkish normalisation (SQuAD script: "
            f"{m['squad']['exact_match']:.2f} / {m['squad']['f1']:.2f}).",
            "",
            "## Use",
            "",
            usage,
            'Or: `trtune qa predict --model PATH --context "Metin..." "Soru?"`.',
            "",
        ]
    )


def run_record(run: QaRun) -> RunRecord:
    """``trtune.json`` of a QA run."""
    s = run.settings
    return RunRecord(
        command="qa train",
        task="qa",
        method=s.method,
        settings=s.to_dict(),
        data={
            "paths": list(s.data),
            "format": run.data["train"].format,
            "sha256": run.data_sha256,
            "drops": run.data["train"].report,
            "split_sizes": run.split.sizes(),
            "files": {name: {"paths": d.paths, "drops": d.report} for name, d in run.data.items()},
        },
        model={
            "base": s.model,
            "random_init": s.is_preset,
            "max_length": s.max_length,
            "doc_stride": s.doc_stride,
            "max_answer_length": s.max_answer_length,
            "n_best": s.n_best,
            "null_threshold": run.null_threshold,
        },
        steps=run.fit.steps,
        resumed_from=run.fit.resumed_from,
        timings={"train_seconds": run.fit.train_seconds},
        details={"baseline_span_words": run.baseline_span_words},
    )


def write_artefacts(out_dir: Path, run: QaRun) -> dict[str, Path]:
    """Write every file beside the model; returns their paths by name."""
    paths = {"metrics": atomic_write_json(out_dir / "metrics.json", run.metrics_json())}
    lines = [json.dumps(row, ensure_ascii=False) for row in prediction_rows(run)]
    paths["predictions"] = atomic_write_text(out_dir / PREDICTIONS_FILE, "\n".join(lines) + "\n")
    figures = write_figures(out_dir, run)
    paths["report"] = write_html_report(out_dir, run, figures, run.lang)
    paths["readme"] = atomic_write_text(out_dir / "README.md", model_card(run))
    paths["trtune"] = run_record(run).write(out_dir)
    return paths
