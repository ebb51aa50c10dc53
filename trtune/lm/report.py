"""Loss figure, self-contained report.html (images inlined) and model card of an LM run."""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path
from typing import Any

from trtune.train.outdir import atomic_write_bytes


def write_loss_figure(
    path: Path,
    train_curve: list[tuple[int, float]],
    val_curve: list[tuple[int, float]],
    val_before: float,
) -> Path:
    """Training loss per step and validation loss per evaluation (step 0 = before)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path.parent.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    if train_curve:
        steps, losses = zip(*train_curve, strict=True)
        ax.plot(steps, losses, label="train loss", alpha=0.6)
    val = [(0, val_before), *val_curve]
    steps, losses = zip(*val, strict=True)
    ax.plot(steps, losses, "o-", label="validation loss")
    ax.set_xlabel("step")
    ax.set_ylabel("loss (nats per token)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def _image_tag(path: Path) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img alt="loss curves" src="data:image/png;base64,{data}">'


def _small(text: str) -> str:
    return f"<br><small>{html.escape(text[:300])}</small>" if text else ""


def write_report(
    path: Path,
    record: dict[str, Any],
    metrics: dict[str, Any],
    figure: Path,
    generations: dict[str, Any],
) -> Path:
    """A single HTML file: before/after table, loss curves, generations, settings."""
    e = html.escape
    rows = "".join(
        f"<tr><th>{e(name)}</th><td>{metrics[k + '_before']:.4f}</td>"
        f"<td>{metrics[k + '_after']:.4f}</td></tr>"
        for name, k in (("validation loss", "val_loss"), ("perplexity", "perplexity"))
    )
    gens = "".join(
        f"<tr><td>{e(p['prompt'])}{_small(p.get('input', ''))}"
        f"</td><td>{e(b)}</td><td>{e(a)}</td><td>{e(p.get('reference', ''))}</td></tr>"
        for p, b, a in zip(
            generations["prompts"], generations["before"], generations["after"], strict=True
        )
    )
    config = e(json.dumps(record, ensure_ascii=False, indent=2))
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>trtune lm report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:4px 8px;
vertical-align:top;text-align:left}}img{{max-width:100%}}pre{{background:#f6f6f6;padding:1em;
overflow:auto}}</style></head><body>
<h1>trtune lm: {e(record["config"]["model"])} ({e(record["method"])})</h1>
<p>Data: {e(record["config"]["data"])} ({e(record["data_format"])}),
{metrics["train_sequences"]} training / {metrics["val_sequences"]} validation sequences,
{metrics["steps"]} steps, {metrics["tokens_per_second"]:.0f} tokens/s.</p>
<h2>Before and after</h2>
<table><tr><th></th><th>before</th><th>after</th></tr>{rows}</table>
<h2>Loss curves</h2>{_image_tag(figure)}
<h2>Held-out prompts</h2>
<table><tr><th>prompt</th><th>before</th><th>after</th><th>reference</th></tr>{gens}</table>
<h2>Settings</h2><pre>{config}</pre>
</body></html>
"""
    atomic_write_bytes(path, page.encode("utf-8"))
    return path


def write_model_card(path: Path, record: dict[str, Any], metrics: dict[str, Any]) -> Path:
    """A short README.md: what was trained, on what, how well, how to use it."""
    config = record["config"]
    base = record.get("base_model") or config["model"]
    usage = (
        "trtune lm merge --model THIS_FOLDER --out merged  # then AutoModelForCausalLM"
        if record["method"] != "full"
        else "AutoModelForCausalLM.from_pretrained(THIS_FOLDER)"
    )
    card = f"""---
library_name: {"peft" if record["method"] != "full" else "transformers"}
language: tr
tags: [trtune, causal-lm, {record["method"]}]
---
# {Path(config["out"]).name}

Fine-tuned with `trtune lm train` ({record["method"]}) from `{base}` on
`{Path(config["data"]).name}` ({record["data_format"]} data, template `{record["template"]}`).

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
    atomic_write_bytes(path, card.encode("utf-8"))
    return path
