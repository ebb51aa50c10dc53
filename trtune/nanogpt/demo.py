"""The NanoGPT stop of ``trtune demo``: train the sort model, sort CBABBC, write the page."""

from __future__ import annotations

import json
from pathlib import Path

from trtune.i18n import say
from trtune.nanogpt.checkpoint import checkpoint_path
from trtune.nanogpt.hf import load_pretrained
from trtune.nanogpt.messages import MESSAGES
from trtune.nanogpt.page import write_page
from trtune.nanogpt.sort import exact_match, sort_text
from trtune.nanogpt.train import TrainConfig, train
from trtune.run.progress import Reporter, silent_if_none


def demo_tour(out_dir: Path, lang: str = "en", reporter: Reporter | None = None) -> list[Path]:
    """Train gpt-nano on the sort task (or reuse a finished run), sort, and draw the page.

    Args:
        out_dir: where the run folder and the page go.
        lang: ``"tr"`` or ``"en"`` for the page.

    Returns:
        The page and the run's metrics file.
    """
    console = silent_if_none(reporter).rich_console()
    out_dir = Path(out_dir)
    run = out_dir / "nanogpt-sort"
    done = (run / "metrics.json").is_file() and (run / "model.safetensors").is_file()
    if done:
        console.print(say(MESSAGES, "demo_reuse", lang, folder=run))
    else:
        console.print(say(MESSAGES, "demo_train", lang))
        resume = checkpoint_path(run).is_file()
        train(TrainConfig(out_dir=run, resume=resume, overwrite=not resume), console, lang)
    model = load_pretrained(run)
    every = exact_match(model, "all")
    scores = {"correct": every.correct, "total": every.total, "percent": every.percent}
    console.print(say(MESSAGES, "all_729", lang, **scores))
    console.print(f"CBABBC -> {sort_text(model, 'CBABBC')}")
    metrics = json.loads((run / "metrics.json").read_text(encoding="utf-8"))
    console.print(say(MESSAGES, "exact_after", lang, steps=metrics.get("steps_to_100")))
    page = write_page("CBABBC", run, out_dir / f"nanogpt-{lang}.html", lang=lang)
    console.print(say(MESSAGES, "page", lang, path=page), markup=False)
    return [page, run / "metrics.json"]
