"""``lm train --dry-run``: the plan line the run prints first, and the plan object the
shared printer (:mod:`trtune.run.plan_text`) shows or ``--json`` prints."""

from __future__ import annotations

from trtune.i18n import say
from trtune.run.plan import count_parameters, estimate
from trtune.tasks.lm.messages import MESSAGES as LM_MESSAGES
from trtune.tasks.lm.settings import LMSettings
from trtune.tasks.lm.setup import Prepared


def plan_line(
    settings: LMSettings, prep: Prepared, steps_per_epoch: int, total: int, lang: str = "en"
) -> str:
    """The one line a run starts with: data, template, parameters trained, steps."""
    return say(
        LM_MESSAGES,
        "plan",
        lang,
        format=prep.data.format,
        train=len(prep.train),
        val=len(prep.val),
        drops=prep.data.drops.summary(lang),
        template=prep.template,
        trained=prep.trainable_params,
        total=prep.total_params,
        method=settings.method,
        per_epoch=steps_per_epoch,
        steps=total,
    )


def dry_run_plan(
    settings: LMSettings, prep: Prepared, batches: list, steps_per_epoch: int, total: int
) -> dict:
    """What ``--dry-run`` shows: ``plan`` (the line, in English), ``steps`` (the total, as
    before) and ``format``, plus the parts every task's plan has (``schedule`` holds what
    the others call ``steps``), and the time estimate from the batches of one epoch."""
    schedule = {
        "examples": len(prep.train),
        "batch_size": settings.batch_size,
        "per_epoch": steps_per_epoch,
        "epochs": settings.epochs,
        "max_steps": settings.max_steps,
        "total": total,
    }
    epoch_tokens = sum(b.input_ids.numel() for b in batches)  # padded, as trained
    per_example = epoch_tokens / max(1, len(batches)) / settings.batch_size
    params = count_parameters(prep.model, "causal-lm")
    return {
        "plan": plan_line(settings, prep, steps_per_epoch, total),
        "steps": total,
        "format": prep.data.format,
        "method": settings.method,
        "model": {
            "name": prep.source.name,
            "kind": prep.source.kind,
            "location": prep.source.location,
        },  # fmt: skip
        "data": {
            "format": prep.data.format,
            "kept": prep.data.drops.kept,
            "dropped": dict(prep.data.drops.counts),
            "template": prep.template,
        },
        "split_sizes": {"train": len(prep.train), "validation": len(prep.val)},
        "schedule": schedule,
        "estimate": estimate(settings.method, params, per_example, schedule, len(prep.val)),
    }
