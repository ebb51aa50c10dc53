"""``trtune lm train``: fine-tune a causal LM and write the output folder.

The loop runs through :class:`accelerate.Accelerator`, so ``accelerate launch -m trtune lm
train ...`` spreads it over several processes (each takes every n-th batch). It reads top
to bottom: prepare, evaluate before, train with periodic evaluation and early stopping on
validation loss, restore the best weights, evaluate after, save, report. Ctrl-C or SIGTERM
stops it with one line naming the step; the last checkpoint stays for ``--resume``.
"""

from __future__ import annotations

import math
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from trtune.errors import Interrupted, Terminated
from trtune.i18n import say
from trtune.run.activations import use_fused_gelu
from trtune.run.attention import apply_attention_dropout
from trtune.run.guard import check_finite
from trtune.run.memory import release_training_memory
from trtune.run.messages import MESSAGES
from trtune.run.outdir import prepare_out_dir, removed_if_left_empty
from trtune.run.progress import Reporter, silent_if_none
from trtune.tasks.lm.checkpoint import latest_checkpoint, load_checkpoint, save_checkpoint
from trtune.tasks.lm.encode import make_batches
from trtune.tasks.lm.loop import History, Loop, trainable_state
from trtune.tasks.lm.loss import evaluate, lr_at, micro_batches, token_loss_sum
from trtune.tasks.lm.messages import MESSAGES as LM_MESSAGES
from trtune.tasks.lm.plan import dry_run_plan, plan_line
from trtune.tasks.lm.sample import held_out_prompts, sample_generations
from trtune.tasks.lm.settings import LMSettings
from trtune.tasks.lm.setup import prepare_run


@dataclass
class TrainResult:
    """The finished run: its folder and metrics (None paths for a dry run)."""

    out_dir: Path | None
    metrics: dict[str, Any]
    report: Path | None = None


def train_lm(
    settings: LMSettings,
    resume: bool = False,
    overwrite: bool = False,
    dry_run: bool = False,
    reporter: Reporter | None = None,
) -> TrainResult:
    """Train as ``settings`` says and write the output folder.

    Raises:
        UserError: bad data, flags or output folder. NumericalFault: a NaN/inf loss.
        Interrupted: Ctrl-C or SIGTERM during training.
    """
    with removed_if_left_empty(settings.out):  # a failed start leaves no empty folder
        return _train_lm(settings, resume, overwrite, dry_run, silent_if_none(reporter))


def _train_lm(
    settings: LMSettings, resume: bool, overwrite: bool, dry_run: bool, reporter: Reporter
) -> TrainResult:
    from accelerate import Accelerator

    # cpu=True without CUDA, so that `accelerate launch` of several CPU processes splits the
    # data (gloo) instead of each process training alone on all of it.
    accelerator = Accelerator(cpu=not torch.cuda.is_available())
    if not accelerator.is_main_process:
        reporter = Reporter.silent()  # one process reports
    out_dir = None
    if not dry_run:
        if accelerator.is_main_process:  # check/clear the folder once, then all use it
            prepare_out_dir(settings.out, resume=resume, overwrite=overwrite)
        accelerator.wait_for_everyone()
        out_dir = Path(settings.out)
    prep = prepare_run(settings, out_dir, reporter)
    pad_id = prep.tokenizer.pad_token_id
    probe = make_batches(prep.train, settings.batch_size, prep.max_length, pad_id, settings.pack)
    steps_per_epoch = math.ceil(len(probe) / accelerator.num_processes)
    total = settings.max_steps or max(1, math.ceil(settings.epochs * steps_per_epoch))
    if dry_run:
        return TrainResult(None, dry_run_plan(settings, prep, probe, steps_per_epoch, total))
    reporter.line(plan_line(settings, prep, steps_per_epoch, total, reporter.lang))
    _training_kernels(prep.model, settings, accelerator.device)  # a dry run trains nothing
    params = [p for p in prep.model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=settings.lr, weight_decay=settings.weight_decay)
    model, optimizer = accelerator.prepare(prep.model, optimizer)
    loop = Loop(settings, prep, accelerator, model, optimizer, out_dir, total, steps_per_epoch)
    val_batches = make_batches(prep.val, settings.batch_size, prep.max_length, pad_id, False)
    prompts = held_out_prompts(prep.val_records, settings.num_generations)
    _start(loop, resume, val_batches, prompts, reporter)
    try:
        _run_steps(loop, val_batches, reporter)
    except KeyboardInterrupt as exc:
        kept = latest_checkpoint(out_dir)
        lang = reporter.lang
        where = (
            say(LM_MESSAGES, "checkpoint_kept", lang, folder=kept)
            if kept
            else say(LM_MESSAGES, "no_checkpoint_yet", lang)
        )
        raise Interrupted(
            say(LM_MESSAGES, "interrupted", lang, step=loop.step, where=where),
            terminated=isinstance(exc, Terminated),
        ) from None
    return _finish(loop, val_batches, prompts, reporter)


def _start(loop: Loop, resume: bool, val_batches, prompts, reporter: Reporter) -> None:
    """Resume from the last checkpoint, or evaluate the untrained model ("before")."""
    checkpoint = latest_checkpoint(loop.out_dir) if resume else None
    if resume and checkpoint is None:
        reporter.line(say(MESSAGES, "no_checkpoint", reporter.lang, folder=loop.out_dir))
    if checkpoint is not None:
        state = load_checkpoint(checkpoint, loop.unwrapped, loop.optimizer)
        loop.step, loop.before = state["step"], state["before"]
        loop.history = History(**state["history"])
        loop.best_state, loop.bad_evals = state.get("best_state"), state.get("bad_evals", 0)
        loop.resumed_from = str(checkpoint)
        reporter.line(
            say(LM_MESSAGES, "resuming", reporter.lang, checkpoint=checkpoint.name, step=loop.step)
        )
    device = loop.accelerator.device
    if loop.before is None:
        result = evaluate(loop.model, val_batches, device)
        gens = sample_generations(loop.unwrapped, loop.prep, prompts)
        loop.before = {"loss": result.loss, "perplexity": result.perplexity, "generations": gens}
        loop.best_eval = result
    before = {"loss": loop.before["loss"], "perplexity": loop.before["perplexity"]}
    reporter.line(say(LM_MESSAGES, "before", reporter.lang, **before))
    if checkpoint is None:
        # The best weights so far start as the untrained ones (kept if training never improves).
        loop.best_state = trainable_state(loop.unwrapped)
        loop.history.best_loss = loop.before["loss"]


def _training_kernels(model: torch.nn.Module, settings: LMSettings, device) -> None:
    """What training changes in the model for speed and memory, outputs unchanged or as the
    settings say: ``--attention-dropout`` (``auto``: none for a loaded model on a CPU, so
    that PyTorch's fused attention kernel runs; :mod:`trtune.run.attention`) and GPT-2's
    GELU as one kernel (:mod:`trtune.run.activations`)."""
    apply_attention_dropout(model, settings, device)
    use_fused_gelu(model)


def _run_steps(loop: Loop, val_batches, reporter: Reporter) -> None:
    """Train until the step budget is spent or early stopping says enough."""
    s, prep, device = loop.settings, loop.prep, loop.accelerator.device
    params = [p for p in loop.model.parameters() if p.requires_grad]
    eval_every = s.eval_every or max(1, loop.total // 5)
    warmup = int(s.warmup_ratio * loop.total)
    loop.model.train()
    title = say(LM_MESSAGES, "training", reporter.lang)
    with reporter.progress(title, loop.total, loop.step) as bar:
        while loop.step < loop.total and not loop.history.stopped_early:
            epoch = loop.step // loop.steps_per_epoch
            generator = torch.Generator().manual_seed(s.seed + epoch)
            batches = make_batches(
                prep.train,
                s.batch_size,
                prep.max_length,
                prep.tokenizer.pad_token_id,
                s.pack,
                generator,
            )
            mine = batches[loop.accelerator.process_index :: loop.accelerator.num_processes]
            for batch in mine[loop.step % loop.steps_per_epoch :]:
                if loop.step >= loop.total:
                    break
                for group in loop.optimizer.param_groups:
                    group["lr"] = lr_at(loop.step, loop.total, warmup, s.lr)
                start = time.perf_counter()
                loss = _accumulate(loop, batch.to(device))
                loop.accelerator.clip_grad_norm_(params, 1.0)
                loop.optimizer.step()
                loop.optimizer.zero_grad(set_to_none=True)
                loop.history.seconds += time.perf_counter() - start
                loop.history.tokens += batch.tokens
                loop.step += 1
                loop.history.train.append((loop.step, loss))
                bar.update(loop.step, f"loss {loop.history.train[-1][1]:.3f}")
                if loop.step % eval_every == 0 or loop.step == loop.total:
                    _evaluate_and_checkpoint(loop, val_batches, reporter)
                    if loop.history.stopped_early:
                        break


def _accumulate(loop: Loop, batch) -> float:
    """Forward and backward over ``batch`` in micro-batches of ``--micro-batch-tokens``
    (gradients add up to the whole batch's mean token loss); the mean loss.

    Under several processes the gradients are averaged once, at the last micro-batch: each
    process cuts its own batch into as many micro-batches as its lengths need, so a sync per
    micro-batch would pair different calls across processes (and cost a sync each)."""
    total = max(batch.trained_tokens, 1)
    loss_sum = 0.0
    parts = micro_batches(batch, loop.settings.micro_batch_tokens)
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        with nullcontext() if last else loop.accelerator.no_sync(loop.model):
            part_sum, _ = token_loss_sum(loop.model, part)
            check_finite(part_sum, loop.step + 1, lambda: latest_checkpoint(loop.out_dir))
            loop.accelerator.backward(part_sum / total)
        loss_sum += float(part_sum.detach())  # no autograd warning on the terminal
    return loss_sum / total


def _evaluate_and_checkpoint(loop: Loop, val_batches, reporter: Reporter) -> None:
    """Validation loss now; keep the best weights; checkpoint; count evaluations without
    improvement for early stopping."""
    history = loop.history
    val = evaluate(loop.model, val_batches, loop.accelerator.device)
    history.val.append((loop.step, val.loss))
    if val.loss < history.best_loss - 1e-4:
        history.best_loss, history.best_step = val.loss, loop.step
        loop.best_state, loop.bad_evals = trainable_state(loop.unwrapped), 0
        loop.best_eval = val
    else:
        loop.bad_evals += 1
        history.stopped_early = loop.bad_evals >= loop.settings.patience
    if loop.is_main:
        save_checkpoint(
            loop.out_dir,
            loop.step,
            loop.unwrapped,
            loop.optimizer,
            loop.before,
            history,
            loop.best_state,
            loop.bad_evals,
        )
    loop.accelerator.wait_for_everyone()


def _finish(loop: Loop, val_batches, prompts, reporter: Reporter) -> TrainResult:
    """Restore the best weights, evaluate after, write the folder (main process)."""
    release_training_memory(loop.model, loop.optimizer)  # training is over
    if loop.best_state is not None:
        loop.unwrapped.load_state_dict(loop.best_state, strict=False)
    # the best weights were evaluated on these batches when kept (unless a resume loaded them)
    after = loop.best_eval or evaluate(loop.model, val_batches, loop.accelerator.device)
    generations_after = sample_generations(loop.unwrapped, loop.prep, prompts)
    reporter.line(
        say(LM_MESSAGES, "after", reporter.lang, loss=after.loss, perplexity=after.perplexity)
    )
    metrics = _metrics(loop, after)
    metrics.update(_test_metrics(loop))
    if not loop.is_main:
        return TrainResult(loop.out_dir, metrics, None)
    from trtune.tasks.lm.report import write_outputs

    generations = {
        "before": loop.before["generations"],
        "after": generations_after,
        "prompts": prompts,
    }
    report = write_outputs(loop, metrics, generations, reporter.lang)
    return TrainResult(loop.out_dir, metrics, report)


def _test_metrics(loop: Loop) -> dict[str, float]:
    """Loss and perplexity on the test part (``--test-data`` or ``--test-size``), if any."""
    prep, s = loop.prep, loop.settings
    if not prep.test:
        return {}
    batches = make_batches(
        prep.test, s.batch_size, prep.max_length, prep.tokenizer.pad_token_id, False
    )
    test = evaluate(loop.model, batches, loop.accelerator.device)
    return {
        "test_loss": test.loss,
        "test_perplexity": test.perplexity,
        "test_sequences": len(prep.test),
    }


def _metrics(loop: Loop, after) -> dict[str, Any]:
    history, prep, before = loop.history, loop.prep, loop.before
    return {
        "val_loss": after.loss,
        "perplexity": after.perplexity,
        "baseline": {"val_loss": before["loss"], "perplexity": before["perplexity"]},
        "val_loss_before": before["loss"],
        "val_loss_after": after.loss,
        "perplexity_before": before["perplexity"],
        "perplexity_after": after.perplexity,
        "tokens_per_second": history.tokens / max(history.seconds, 1e-9),
        "train_tokens": history.tokens,
        "train_seconds": history.seconds,
        "steps": loop.step,
        "best_step": history.best_step,
        "stopped_early": history.stopped_early,
        "train_sequences": len(prep.train),
        "val_sequences": len(prep.val),
        "val_tokens": after.tokens,
        "trainable_parameters": prep.trainable_params,
        "total_parameters": prep.total_params,
        "data_format": prep.data.format,
        "drops": prep.data.drops.to_dict(),
    }
