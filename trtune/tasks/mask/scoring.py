"""The scores of a ``mask train`` run: the model before training and the context-free
baselines (kept in ``checkpoints/before.json``, so a resumed run reports the same numbers),
and the saved folder loaded back after training, on every evaluation part."""

from __future__ import annotations

import json
import time
from pathlib import Path

from trtune.i18n import say
from trtune.infer.mask import MaskFiller, load_filler
from trtune.run.devices import resolve_device
from trtune.run.outdir import CHECKPOINT_DIR, atomic_write_json
from trtune.run.progress import Reporter
from trtune.tasks.mask.evaluate import (
    ProbeOutcome,
    fill_accuracy,
    frequency_fill_accuracy,
    probe_outcomes,
    score_masked,
    unigram_scores,
)
from trtune.tasks.mask.messages import MESSAGES
from trtune.tasks.mask.settings import MaskSettings
from trtune.tasks.mask.setup import Part, Setup

BEFORE_JSON = "before.json"


def _say(reporter: Reporter, key: str, **fields: object) -> None:
    reporter.line(say(MESSAGES, key, reporter.lang, **fields))


def _evaluate(model, filler: MaskFiller, part: Part, setup: Setup, batch_size: int, when: str):
    """Perplexity, accuracy and fill-in accuracy of ``model`` on one part."""
    pad = setup.tokenizer.pad_token_id or 0
    scores = score_masked(model, part.items, pad, batch_size)
    outcomes = probe_outcomes(filler, part.probes)
    scores.update(fill_accuracy(outcomes))
    part.scores[when] = scores
    part.outcomes[when] = outcomes


def score_before(setup: Setup, settings: MaskSettings, out_dir: Path, reporter: Reporter):
    """The model before training, and the context-free baselines, on every part (kept in
    ``checkpoints/before.json`` so that a resumed run reports the same numbers)."""
    path = out_dir / CHECKPOINT_DIR / BEFORE_JSON
    cached = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    model = setup.loaded.model.to(resolve_device("auto"))
    filler = MaskFiller(model, setup.tokenizer, settings.max_length)
    for part in setup.parts:
        if part.name in cached:
            part.scores.update(cached[part.name]["scores"])
            part.outcomes["before"] = [ProbeOutcome(**o) for o in cached[part.name]["outcomes"]]
        else:
            _evaluate(model, filler, part, setup, settings.batch_size * 2, "before")
            baseline = unigram_scores(setup.token_counts, len(setup.tokenizer), part.items)
            baseline.update(frequency_fill_accuracy(setup.word_counts, part.probes))
            part.scores["baseline"] = baseline
            cached[part.name] = {
                "scores": {k: part.scores[k] for k in ("before", "baseline")},
                "outcomes": [o.to_dict() for o in part.outcomes["before"]],
            }
    atomic_write_json(path, cached)
    validation = setup.parts[0].scores
    _say(
        reporter,
        "train.before",
        ppl=validation["before"]["perplexity"],
        baseline=validation["baseline"]["perplexity"],
        top5=validation["before"]["fill_top5"],
    )


def score_after(setup: Setup, settings: MaskSettings, out_dir: Path, reporter: Reporter):
    """Load the saved folder back and score it on every part, as a user will get it."""
    start = time.perf_counter()
    filler = load_filler(out_dir, resolve_device("auto"), max_length=settings.max_length)
    for part in setup.parts:
        _evaluate(filler.model, filler, part, setup, settings.batch_size * 2, "after")
    setup.after_seconds = time.perf_counter() - start
    validation = setup.parts[0].scores
    _say(
        reporter,
        "train.after",
        before=validation["before"]["perplexity"],
        after=validation["after"]["perplexity"],
        baseline=validation["baseline"]["perplexity"],
        top5_before=validation["before"]["fill_top5"],
        top5_after=validation["after"]["fill_top5"],
        top5_baseline=validation["baseline"]["fill_top5"],
        n=len(setup.parts[0].probes),
    )
