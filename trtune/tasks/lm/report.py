"""The output folder of ``trtune lm train``: model, trtune.json, metrics, figures, report, card.

A ``full`` run saves a plain Hugging Face folder; a ``lora``/``qlora`` run saves the adapter
and the tokenizer (:func:`trtune.infer.kinds.save_trained`), its base recorded in
``adapter_config.json`` and ``trtune.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trtune.i18n import say
from trtune.infer.kinds import base_reference, save_trained
from trtune.report import Section, plot_steps, write_report
from trtune.run.messages import random_init_notice
from trtune.run.outdir import atomic_write_json, atomic_write_text
from trtune.run.record import RunRecord, drop_report, examples_sha256
from trtune.tasks.lm.messages import MESSAGES

if TYPE_CHECKING:
    from trtune.tasks.lm.train import Loop

METRICS_FILE = "metrics.json"


def records_sha256(records) -> str:
    """SHA-256 of the kept records (text or messages), in file order."""
    return examples_sha256(
        json.dumps({"text": r.text, "messages": r.messages}, ensure_ascii=False, sort_keys=True)
        for r in records
    )


def run_record(loop: Loop, metrics: dict[str, Any]) -> RunRecord:
    """``trtune.json`` of an LM run."""
    s, prep = loop.settings, loop.prep
    drops = prep.data.drops
    return RunRecord(
        command="lm train",
        task="lm",
        method=s.method,
        settings=s.to_dict(),
        data={
            "paths": list(s.data),
            "format": prep.data.format,
            "sha256": records_sha256(prep.data.records),
            "drops": drop_report(drops.kept, dict(drops.counts), drops.first_rows),
            "split_sizes": {"train": len(prep.train_records), "validation": len(prep.val_records)},
        },
        model={
            "base": base_reference(prep.source, adapter=s.method != "full" and not s.merge),
            "model_type": prep.model.config.model_type,
            "template": prep.template,
            "instruction_tuned": prep.data.format != "text",
            "max_length": prep.max_length,
            "random_init": prep.source.kind == "preset",
        },
        steps=loop.step,
        resumed_from=loop.resumed_from,
        timings={"train_seconds": metrics["train_seconds"]},
        details={"tokens_per_second": metrics["tokens_per_second"]},
    )


def _prompt_cell(prompt: dict[str, str]) -> str:
    extra = prompt.get("input", "")
    return prompt["prompt"] + (f"\n\n{extra[:300]}" if extra else "")


def write_report_html(
    loop: Loop, metrics: dict[str, Any], generations: dict, figure: Path, lang: str = "en"
):
    """report.html: before/after, loss curves, held-out prompts, data, settings."""
    s, prep = loop.settings, loop.prep

    def t(key: str, **fields: Any) -> str:
        return say(MESSAGES, key, lang, **fields)

    rows = [["", t("report.before"), t("report.after")]]
    for key in ("val_loss", "perplexity"):
        rows.append([t(f"report.{key}"), metrics[f"{key}_before"], metrics[f"{key}_after"]])
    prompts = [[t("report.prompt"), t("report.before"), t("report.after"), t("report.reference")]]
    for p, before, after in zip(
        generations["prompts"], generations["before"], generations["after"], strict=True
    ):
        prompts.append([_prompt_cell(p), before, after, p.get("reference", "")])
    summary = t(
        "report.summary",
        paths=", ".join(s.data),
        format=prep.data.format,
        train=metrics["train_sequences"],
        val=metrics["val_sequences"],
        steps=metrics["steps"],
        speed=metrics["tokens_per_second"],
    )
    sections = [
        Section(t("report.before_after"), paragraphs=[summary], table=rows),
        Section(t("report.curves"), images=[figure]),
        Section(t("report.prompts"), table=prompts),
        Section(t("report.data"), data=prep.data.drops.to_dict()),
        Section(t("report.settings"), data=s.to_dict()),
    ]
    title = t("report.title", model=s.model, method=s.method)
    notice = random_init_notice(prep.source.kind == "preset", lang)
    return write_report(loop.out_dir / "report.html", title, sections, lang, notice)


def model_card(loop: Loop, metrics: dict[str, Any]) -> str:
    """A short README.md: what was trained, on what, how well, how to use it."""
    s, prep = loop.settings, loop.prep
    adapter = s.method != "full" and not s.merge
    usage = (
        "trtune lm merge --model THIS_FOLDER --out merged  # then AutoModelForCausalLM"
        if adapter
        else "AutoModelForCausalLM.from_pretrained(THIS_FOLDER)"
    )
    data = ", ".join(Path(p).name for p in s.data)
    return f"""---
library_name: {"peft" if adapter else "transformers"}
language: tr
tags: [trtune, causal-lm, {s.method}]
---
# {Path(s.out).name}

Fine-tuned with `trtune lm train` ({s.method}) from `{s.model}` on `{data}`
({prep.data.format} data, template `{prep.template}`).

| | before | after |
|---|---|---|
| validation loss | {metrics["val_loss_before"]:.4f} | {metrics["val_loss_after"]:.4f} |
| perplexity | {metrics["perplexity_before"]:.2f} | {metrics["perplexity_after"]:.2f} |

{metrics["steps"]} steps, {metrics["trainable_parameters"]:,} trained parameters,
{metrics["tokens_per_second"]:.0f} tokens/s.

## Use

```bash
trtune lm generate --model THIS_FOLDER "Kripto para nedir?"
{usage}
```
"""


def write_outputs(
    loop: Loop, metrics: dict[str, Any], generations: dict[str, Any], lang: str = "en"
) -> Path:
    """Write everything a finished run leaves behind; returns the report's path."""
    out_dir, s = loop.out_dir, loop.settings
    save_trained(loop.unwrapped, loop.prep.tokenizer, out_dir, s.merge, loop.prep.source)
    run_record(loop, metrics).write(out_dir)
    atomic_write_json(out_dir / METRICS_FILE, metrics)
    figure = plot_steps(
        {
            say(MESSAGES, "figure.train", lang): loop.history.train,
            say(MESSAGES, "figure.val", lang): [
                (0, metrics["val_loss_before"]),
                *loop.history.val,
            ],
        },
        out_dir / "figures" / "loss.png",
        say(MESSAGES, "figure.title", lang),
        xlabel=say(MESSAGES, "figure.step", lang),
        ylabel=say(MESSAGES, "figure.ylabel", lang),
        lang=lang,
    )
    report = write_report_html(loop, metrics, generations, figure, lang)
    atomic_write_text(out_dir / "README.md", model_card(loop, metrics))
    return report
