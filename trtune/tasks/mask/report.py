"""The files beside a masked LM: metrics.json, figures/, report.html, README.md, trtune.json."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trtune.i18n import say
from trtune.infer.kinds import base_reference
from trtune.report import Section, plot_steps, write_report
from trtune.run.messages import random_init_notice
from trtune.run.outdir import atomic_write_json, atomic_write_text
from trtune.run.plan_text import part_name, reason_name
from trtune.run.record import RunRecord
from trtune.tasks.mask.messages import MESSAGES
from trtune.tasks.mask.settings import MaskSettings
from trtune.tasks.mask.texts import RawTexts

if TYPE_CHECKING:
    from trtune.run.fit import FitResult
    from trtune.tasks.mask.evaluate import ProbeOutcome
    from trtune.tasks.mask.setup import Setup

SCORE_KEYS = ("perplexity", "accuracy", "fill_top1", "fill_top5")


@dataclass
class MaskRun:
    """Everything the artefacts describe."""

    settings: MaskSettings
    raw: RawTexts
    split_sizes: dict[str, int]
    setup: Setup
    result: FitResult
    data_sha256: str

    @property
    def vocab_size(self) -> int:
        return len(self.setup.tokenizer)

    def part_scores(self, index: int) -> dict[str, Any]:
        """``before``, ``after``, ``baseline`` and ``chance`` scores of one part."""
        part = self.setup.parts[index]
        scores = {k: dict(part.scores[k]) for k in ("before", "after", "baseline")}
        scores["chance"] = {"fill_top1": 1 / self.vocab_size, "fill_top5": 5 / self.vocab_size}
        scores["fill_probes"] = len(part.probes)
        return scores

    def metrics(self) -> dict[str, Any]:
        """``metrics.json``: validation scores after training under the plain names, the
        baseline with the same keys, before/after beside them, the test part if any."""
        val = self.part_scores(0)
        metrics: dict[str, Any] = {k: val["after"][k] for k in SCORE_KEYS}
        metrics.update(
            perplexity_before=val["before"]["perplexity"],
            perplexity_after=val["after"]["perplexity"],
            part="validation",
            baseline={k: val["baseline"][k] for k in SCORE_KEYS},
            **{k: val[k] for k in ("before", "after", "chance", "fill_probes")},
        )
        if len(self.setup.parts) > 1:
            metrics["test"] = self.part_scores(1)
        metrics["history"] = self.result.history
        metrics["timing"] = {
            "train_seconds": self.result.train_seconds,
            "steps": self.result.steps,
            "train_texts_per_second": self.split_sizes["train"]
            * max(1, len(self.result.history.get("val_perplexity", [])))
            / max(self.result.train_seconds, 1e-9),
        }
        return metrics


def write_figures(out_dir: Path, run: MaskRun, lang: str) -> list[Path]:
    """The validation perplexity at every epoch (epoch 0: before training) beside the
    frequency baseline, and the training loss."""
    val = run.part_scores(0)
    curve = [val["before"]["perplexity"], *run.result.history.get("val_perplexity", [])]
    epochs = len(curve) - 1
    baseline = val["baseline"]["perplexity"]
    paths = [
        plot_steps(
            {
                "validation": list(enumerate(curve)),
                say(MESSAGES, "report.row_baseline", lang): [
                    (0, baseline),
                    (max(epochs, 1), baseline),
                ],
            },
            out_dir / "figures" / "perplexity.png",
            say(MESSAGES, "report.curve", lang),
            xlabel=say(MESSAGES, "report.epoch", lang),
            ylabel="perplexity",
            lang=lang,
        )
    ]
    losses = run.result.history.get("step_loss", [])
    if losses:
        paths.append(
            plot_steps(
                {"train": list(enumerate(losses, 1))},
                out_dir / "figures" / "loss.png",
                "Loss (masked tokens)",
                xlabel="log step",
                ylabel="cross-entropy",
                lang=lang,
            )
        )
    return paths


def _scores_table(scores: dict, lang: str) -> list[list]:
    columns = ("col_perplexity", "col_accuracy", "col_top1", "col_top5")
    rows: list[list] = [["", *(say(MESSAGES, f"report.{k}", lang) for k in columns)]]
    for key in ("before", "after", "baseline"):
        s = scores[key]
        label = say(MESSAGES, f"report.row_{key}", lang)
        rows.append([label, s["perplexity"], s["accuracy"], s["fill_top1"], s["fill_top5"]])
    chance = scores["chance"]
    rows.append(
        [say(MESSAGES, "report.row_chance", lang), "", "", chance["fill_top1"], chance["fill_top5"]]
    )
    return rows


def _top5(outcome: ProbeOutcome) -> str:
    pairs = zip(outcome.tokens, outcome.probabilities, strict=True)
    return ", ".join(f"{token} {p:.0%}" for token, p in pairs)


def _examples_table(run: MaskRun, lang: str) -> list[list]:
    part = run.setup.parts[-1]  # the test part when there is one
    rows: list[list] = [
        [say(MESSAGES, k, lang) for k in ("report.sentence", "report.hidden", "report.before5")]
        + [say(MESSAGES, "report.after5", lang)]
    ]
    n = run.settings.fill_examples
    for probe, before, after in list(
        zip(part.probes, part.outcomes["before"], part.outcomes["after"], strict=True)
    )[:n]:
        rows.append([probe.masked, probe.answer, _top5(before), _top5(after)])
    return rows


def write_html_report(out_dir: Path, run: MaskRun, figures: list[Path], lang: str) -> Path:
    """The self-contained report.html, section titles in ``lang``."""
    s = run.settings
    t = lambda key, **f: say(MESSAGES, key, lang, **f)  # noqa: E731
    reasons = run.raw.drop_report()["reasons"]
    dropped = ", ".join(f"{reason_name(k, lang)}: {v['count']}" for k, v in reasons.items())
    parts = ", ".join(f"{part_name(k, lang)}: {v}" for k, v in run.split_sizes.items())
    data_rows = [
        [t("report.files"), ", ".join(run.raw.files)],
        [t("report.format"), run.raw.format],
        [t("report.encodings"), ", ".join(dict.fromkeys(run.raw.encodings))],
        [t("report.read_kept"), f"{run.raw.rows_read} / {len(run.raw.texts)}"],
        [t("report.dropped"), dropped or "0"],
        [t("report.split"), parts],
    ]
    sections = [
        Section(
            t("report.result"),
            paragraphs=[
                t(
                    "report.setup",
                    method=s.method,
                    model=s.model,
                    masking=t("report.whole_word" if s.whole_word_mask else "report.token_masking"),
                    share=100 * s.mlm_probability,
                    layout=t("report.packed" if s.pack else "report.line_by_line"),
                    max_length=s.max_length,
                ),
                t("report.head", head=t(f"report.head_{run.setup.loaded.head}")),
                t("report.measure", seed=s.seed),
            ],
            table=_scores_table(run.part_scores(0), lang),
        )
    ]
    if len(run.setup.parts) > 1:
        sections.append(Section("Test", table=_scores_table(run.part_scores(1), lang)))
    sections += [
        Section(t("report.curve"), images=figures),
        Section(t("report.examples"), table=_examples_table(run, lang)),
        Section(t("report.data"), table=[["", ""], *data_rows]),
        Section(t("report.settings"), data=s.to_dict()),
    ]
    notice = random_init_notice(s.is_preset, lang)
    return write_report(out_dir / "report.html", t("report.title"), sections, lang, notice=notice)


def model_card(run: MaskRun) -> str:
    """README.md: what the model is, how it was trained, how well it fills blanks, how to use
    it."""
    s, val = run.settings, run.part_scores(0)
    b, a, base = val["before"], val["after"], val["baseline"]
    plain = s.method == "full" or s.merge
    lines = [
        f"# Turkish masked language model ({s.method})",
        "",
        f"Continued masked-LM training with `trtune mask train` from `{s.model}` on "
        f"{run.split_sizes['train']} texts ({', '.join(Path(f).name for f in run.raw.files)}).",
        f"Masked-LM head: {say(MESSAGES, 'report.head_' + run.setup.loaded.head, 'en')}.",
        "",
        "| validation | perplexity | fill top-5 |",
        "|---|---|---|",
        f"| before training | {b['perplexity']:.2f} | {b['fill_top5']:.3f} |",
        f"| after training | {a['perplexity']:.2f} | {a['fill_top5']:.3f} |",
        f"| frequency baseline | {base['perplexity']:.2f} | {base['fill_top5']:.3f} |",
        "",
        f"Fill top-5: a one-token word hidden in {val['fill_probes']} held-out sentences; "
        f"chance is {val['chance']['fill_top5']:.5f}.",
        "",
        "## Use",
        "",
        "```python\nfrom transformers import pipeline\n"
        'fill = pipeline("fill-mask", model="PATH/TO/THIS/FOLDER")\n'
        f'print(fill("Ankara Türkiye\'nin {run.setup.tokenizer.mask_token} şehridir."))\n```\n'
        if plain
        else 'A LoRA adapter: `trtune mask predict --model PATH "... [MASK] ..."`.\n',
        'Or: `trtune mask predict --model PATH "Ankara Türkiye\'nin [MASK] şehridir."`; '
        "fine-tune it further with `trtune classify train --model PATH ...`.",
        "",
        "Full settings: `trtune.json`; metrics: `metrics.json`; report: `report.html`.",
        "",
    ]
    return "\n".join(lines)


def run_record(run: MaskRun) -> RunRecord:
    """``trtune.json`` of a masked-LM run."""
    s, loaded = run.settings, run.setup.loaded
    adapter = s.method == "lora" and not s.merge
    return RunRecord(
        command="mask train",
        task="mask",
        method=s.method,
        settings=s.to_dict(),
        data={
            "paths": list(s.data),
            "format": run.raw.format,
            "sha256": run.data_sha256,
            "drops": run.raw.drop_report(),
            "split_sizes": run.split_sizes,
            "encodings": list(dict.fromkeys(run.raw.encodings)),
            "warnings": list(run.raw.warnings),
        },
        model={
            "base": base_reference(run.setup.source, adapter),
            "random_init": s.is_preset,
            "max_length": s.max_length,
            "mask_token": run.setup.tokenizer.mask_token,
            "head": {
                "state": loaded.head,
                "tied": loaded.tied,
                "new_weights": loaded.new_weights if loaded.head == "added" else [],
            },
            "whole_word_mask": s.whole_word_mask,
            "pack": s.pack,
            "tokenizer_folds_dotless_i": run.setup.folds_dotless_i,
        },
        steps=run.result.steps,
        resumed_from=run.result.resumed_from,
        timings={
            "train_seconds": run.result.train_seconds,
            "score_seconds": run.setup.after_seconds,
        },
    )


def write_artefacts(out_dir: Path, run: MaskRun, lang: str = "en") -> dict[str, Path]:
    """Write every file beside the model; returns their paths by name."""
    paths = {"metrics": atomic_write_json(out_dir / "metrics.json", run.metrics())}
    figures = write_figures(out_dir, run, lang)
    paths["report"] = write_html_report(out_dir, run, figures, lang)
    paths["readme"] = atomic_write_text(out_dir / "README.md", model_card(run))
    paths["trtune"] = run_record(run).write(out_dir)
    return paths
