"""`trtune lm train`: fine-tune a causal LM and write the output folder.

The loop runs through :class:`accelerate.Accelerator`, so ``accelerate launch -m trtune lm
train ...`` spreads it over several GPUs (each process takes every n-th batch). It reads
top to bottom: prepare, evaluate before, train with periodic evaluation and early stopping
on validation loss, restore the best weights, evaluate after, save, report.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from trtune.cli.console import console
from trtune.lm.checkpoint import latest_checkpoint, load_checkpoint, save_checkpoint
from trtune.lm.encode import make_batches
from trtune.lm.loop import evaluate, lr_at, token_loss_sum
from trtune.lm.sample import held_out_prompts, sample_generations
from trtune.lm.settings import LMTrainConfig
from trtune.lm.setup import Prepared, prepare_run
from trtune.train.guard import check_finite
from trtune.train.outdir import prepare_out_dir, removed_if_left_empty, save_pretrained_atomic


@dataclass
class History:
    """What the loop recorded: (step, loss) pairs and evaluation results."""

    train: list[tuple[int, float]] = field(default_factory=list)
    val: list[tuple[int, float]] = field(default_factory=list)
    best_loss: float = math.inf
    best_step: int = 0
    stopped_early: bool = False
    tokens: int = 0
    seconds: float = 0.0


@dataclass
class TrainResult:
    """The finished run: its folder and metrics (None paths for a dry run)."""

    out_dir: Path | None
    metrics: dict[str, Any]
    report: Path | None = None


def _plan(config: LMTrainConfig, prep: Prepared, steps_per_epoch: int, total: int) -> str:
    return (
        f"{prep.data.format} data: {len(prep.train)} train / {len(prep.val)} val sequences "
        f"({prep.data.drops.summary()}); template {prep.template}; "
        f"{prep.trainable_params:,} of {prep.total_params:,} parameters trained "
        f"({config.method}); {steps_per_epoch} steps/epoch, {total} steps"
    )


def _trainable_state(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    return {n: p.detach().cpu().clone() for n, p in model.named_parameters() if p.requires_grad}


def train_lm(
    config: LMTrainConfig,
    resume: bool = False,
    overwrite: bool = False,
    dry_run: bool = False,
    show_progress: bool = True,
) -> TrainResult:
    """Train as ``config`` says and write the output folder.

    Raises:
        UserError: bad data, flags or output folder. NumericalFault: a NaN/inf loss.
    """
    with removed_if_left_empty(config.out):  # a failed start leaves no empty folder
        return _train_lm(config, resume, overwrite, dry_run, show_progress)


def _train_lm(
    config: LMTrainConfig, resume: bool, overwrite: bool, dry_run: bool, show_progress: bool
) -> TrainResult:
    from accelerate import Accelerator

    # cpu=True without CUDA, so that `accelerate launch` of several CPU processes splits the
    # data (gloo) instead of each process training alone on all of it.
    accelerator = Accelerator(cpu=not torch.cuda.is_available())
    main = accelerator.is_main_process
    console.quiet = console.quiet or not main  # one process reports
    out_dir = None
    if not dry_run:
        if main:  # check/clear the folder once, then every process uses it
            out_dir = prepare_out_dir(config.out, resume=resume, overwrite=overwrite)
        accelerator.wait_for_everyone()
        out_dir = Path(config.out)
    prep = prepare_run(config, out_dir, resume=resume)
    pad_id = prep.tokenizer.pad_token_id
    probe = make_batches(prep.train, config.batch_size, config.max_length, pad_id, config.pack)
    steps_per_epoch = math.ceil(len(probe) / accelerator.num_processes)
    total = config.max_steps or max(1, math.ceil(config.epochs * steps_per_epoch))
    console.print(_plan(config, prep, steps_per_epoch, total), markup=False)
    if dry_run:
        return TrainResult(None, {"dry_run": True, "steps": total, "format": prep.data.format})
    assert out_dir is not None
    if config.model.startswith("tiny-") and main:
        save_pretrained_atomic(prep.tokenizer, out_dir)

    device = accelerator.device
    model = prep.model
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=config.learning_rate, weight_decay=0.0)
    model, optimizer = accelerator.prepare(model, optimizer)
    val_batches = make_batches(prep.val, config.batch_size, config.max_length, pad_id, False)
    prompts = held_out_prompts(prep.val_records, config.num_generations)
    unwrapped = accelerator.unwrap_model(model)

    history, step, before, saved_best, bad_evals = History(), 0, None, None, 0
    checkpoint = latest_checkpoint(out_dir) if resume else None
    if checkpoint is not None:
        state = load_checkpoint(checkpoint, unwrapped, optimizer)
        step, before = state["step"], state["before"]
        history = History(**state["history"])
        saved_best, bad_evals = state.get("best_state"), state.get("bad_evals", 0)
        console.print(f"resuming from {checkpoint.name} (step {step})")
    if before is None:
        result = evaluate(model, val_batches, device)
        gens = sample_generations(unwrapped, prep.tokenizer, prompts, prep.template, device)
        before = {"loss": result.loss, "perplexity": result.perplexity, "generations": gens}
    console.print(f"before: val loss {before['loss']:.4f}, perplexity {before['perplexity']:.2f}")

    eval_every = config.eval_every or max(1, total // 5)
    # The best weights so far start as the untrained ones (kept if training never improves).
    best_state = saved_best if checkpoint is not None else _trainable_state(unwrapped)
    if checkpoint is None:
        history.best_loss = before["loss"]
    warmup = int(config.warmup_fraction * total)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeRemainingColumn(),
        console=console,
        # Off when output is not a terminal: there it draws nothing but a blank line.
        disable=not show_progress or not console.is_terminal,
        transient=True,
    )
    model.train()
    with progress:
        task = progress.add_task("training", total=total, completed=step)
        while step < total and not history.stopped_early:
            epoch = step // steps_per_epoch
            generator = torch.Generator().manual_seed(config.seed + epoch)
            batches = make_batches(
                prep.train, config.batch_size, config.max_length, pad_id, config.pack, generator
            )
            mine = batches[accelerator.process_index :: accelerator.num_processes]
            for batch in mine[step % steps_per_epoch :]:
                if step >= total:
                    break
                for group in optimizer.param_groups:
                    group["lr"] = lr_at(step, total, warmup, config.learning_rate)
                start = time.perf_counter()
                loss_sum, n = token_loss_sum(model, batch.to(device))
                loss = loss_sum / max(n, 1)
                check_finite(loss, step + 1, lambda: latest_checkpoint(out_dir))
                accelerator.backward(loss)
                accelerator.clip_grad_norm_(params, 1.0)
                optimizer.step()
                optimizer.zero_grad(set_to_none=True)
                history.seconds += time.perf_counter() - start
                history.tokens += batch.tokens
                step += 1
                history.train.append((step, loss.item()))
                progress.update(
                    task, completed=step, description=f"loss {history.train[-1][1]:.3f}"
                )
                if step % eval_every == 0 or step == total:
                    val = evaluate(model, val_batches, device)
                    history.val.append((step, val.loss))
                    if val.loss < history.best_loss - 1e-4:
                        history.best_loss, history.best_step = val.loss, step
                        best_state, bad_evals = _trainable_state(unwrapped), 0
                    else:
                        bad_evals += 1
                        history.stopped_early = bad_evals >= config.patience
                    if main:
                        save_checkpoint(
                            out_dir, step, unwrapped, optimizer, before, history,
                            best_state, bad_evals,
                        )  # fmt: skip
                    accelerator.wait_for_everyone()
                    if history.stopped_early:
                        break

    if best_state is not None:
        unwrapped.load_state_dict(best_state, strict=False)
    after = evaluate(model, val_batches, device)
    gens_after = sample_generations(unwrapped, prep.tokenizer, prompts, prep.template, device)
    console.print(f"after:  val loss {after.loss:.4f}, perplexity {after.perplexity:.2f}")
    metrics = {
        "val_loss_before": before["loss"],
        "val_loss_after": after.loss,
        "perplexity_before": before["perplexity"],
        "perplexity_after": after.perplexity,
        "tokens_per_second": history.tokens / max(history.seconds, 1e-9),
        "train_tokens": history.tokens,
        "train_seconds": history.seconds,
        "steps": step,
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
    if not main:
        return TrainResult(out_dir, metrics, None)
    from trtune.lm.artefacts import write_outputs

    report = write_outputs(
        out_dir,
        config,
        prep,
        unwrapped,
        metrics,
        history.train,
        history.val,
        {"before": before["generations"], "after": gens_after, "prompts": prompts},
    )
    return TrainResult(out_dir, metrics, report)
