"""The training loop, written out step by step: batch, forward, loss, backward, clip, step.

Two tasks share it: minGPT's sort task (the default) and character-level text
(``text_file`` set). The run writes one folder: ``model.safetensors`` + ``config.json``
(GPT-2 format, loadable by ``transformers``), ``trtune.json`` (settings, vocabulary),
``metrics.json`` and ``checkpoints/last.pt`` (for ``--resume``).

The sort defaults differ from minGPT's (batch 64, lr 5e-4, 2,000 iterations): a larger
batch and learning rate with a short warmup and cosine decay, and an exact-match check
every ``eval_every`` steps that stops the run once all 729 inputs come out sorted.
"""

from __future__ import annotations

import math
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from trtune import __version__
from trtune.errors import UserError
from trtune.i18n import say
from trtune.nanogpt import sort
from trtune.nanogpt.checkpoint import TrainState, checkpoint_path, load_checkpoint, save_checkpoint
from trtune.nanogpt.hf import save_pretrained
from trtune.nanogpt.messages import MESSAGES
from trtune.nanogpt.model import GPT, preset
from trtune.nanogpt.step import optimizer_step
from trtune.nanogpt.text import TextData, read_text, text_batch
from trtune.run.outdir import atomic_write_json, removed_if_left_empty

# Per-task defaults for the settings left as None.
_DEFAULTS = {
    "sort": {"preset": "gpt-nano", "steps": 800, "batch_size": 256, "lr": 7e-3, "warmup": 10},
    "text": {"preset": "gpt-char-mini", "steps": 1000, "batch_size": 32, "lr": 2e-3, "warmup": 50},
}
_OUR_FILES = ("model.safetensors", "config.json", "metrics.json", "trtune.json", "checkpoints")


@dataclass
class TrainConfig:
    """Settings of one training run (None means the task's default).

    Attributes:
        out_dir: the run's folder.
        text_file: train a character-level model on this file instead of sorting.
        preset: model size (``gpt-nano`` for sort, ``gpt-char-mini`` for text).
        steps: most optimiser steps.
        batch_size: sequences per step.
        lr: peak learning rate (AdamW), reached after ``warmup`` steps, then cosine to lr/10.
        warmup: linear warmup steps.
        dropout: dropout in the model while training (minGPT's default is 0.1).
        schedule: ``cosine`` (warmup, then cosine to lr/10) or ``constant`` (lr throughout,
            as minGPT's sort demo trains; ``warmup`` is ignored).
        weight_decay: AdamW weight decay on matrices (not on biases and LayerNorm).
        grad_clip: clip the gradient norm to this.
        seed: seeds the initial weights and the batch order.
        eval_every: evaluate (sort: exact match on all 729; text: validation loss) this often.
        checkpoint_every: write ``checkpoints/last.pt`` this often.
        stop_at_100: sort only: stop as soon as all 729 inputs are sorted exactly.
        block_size: text only: context length in characters.
        max_chars: text only: use at most this many characters of the file.
        resume: continue the run in ``out_dir`` from its checkpoint.
        overwrite: replace an existing run in ``out_dir``.
        threads: CPU threads for torch during the run (1 is fastest for these tiny models,
            above all on a shared machine, where extra threads wait on each other).
    """

    out_dir: Path
    text_file: Path | None = None
    preset: str | None = None
    steps: int | None = None
    batch_size: int | None = None
    lr: float | None = None
    warmup: int | None = None
    schedule: str = "cosine"
    dropout: float = 0.0
    weight_decay: float = 0.1
    grad_clip: float = 1.0
    seed: int = 0
    eval_every: int = 10
    checkpoint_every: int = 50
    stop_at_100: bool = True
    block_size: int = 64
    max_chars: int | None = 2_000_000
    resume: bool = False
    overwrite: bool = False
    threads: int = 1

    def __post_init__(self) -> None:
        self.out_dir = Path(self.out_dir)
        self.text_file = Path(self.text_file) if self.text_file is not None else None
        for name, value in _DEFAULTS[self.task].items():
            if getattr(self, name) is None:
                setattr(self, name, value)
        for name in (
            "steps",
            "batch_size",
            "eval_every",
            "checkpoint_every",
            "block_size",
            "threads",
        ):
            if int(getattr(self, name)) < 1:
                raise UserError(f"{name.replace('_', '-')} must be at least 1")
        if not self.lr > 0 or self.warmup < 0 or self.weight_decay < 0:
            raise UserError("lr must be > 0; warmup and weight-decay must be >= 0")
        if self.resume and self.overwrite:
            raise UserError("choose one of --resume and --overwrite")
        if not 0.0 <= self.dropout < 1.0:
            raise UserError(f"dropout must be in [0, 1), not {self.dropout}")
        if self.schedule not in ("cosine", "constant"):
            raise UserError(f"schedule must be cosine or constant, not {self.schedule!r}")

    @property
    def task(self) -> str:
        return "sort" if self.text_file is None else "text"


def lr_at(step: int, config: TrainConfig) -> float:
    """Linear warmup to ``lr`` over ``warmup`` steps, then cosine decay to ``lr / 10``."""
    if config.schedule == "constant":
        return config.lr
    if step < config.warmup:
        return config.lr * (step + 1) / config.warmup
    progress = (step - config.warmup) / max(1, config.steps - config.warmup)
    return config.lr * (0.1 + 0.9 * 0.5 * (1.0 + math.cos(math.pi * min(progress, 1.0))))


def make_optimizer(model: GPT, config: TrainConfig) -> torch.optim.AdamW:
    """AdamW (betas 0.9/0.95) with weight decay on matrices only, as in nanoGPT."""
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    groups = [
        {"params": decay, "weight_decay": config.weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]
    return torch.optim.AdamW(groups, lr=config.lr, betas=(0.9, 0.95))


def prepare_out_dir(config: TrainConfig) -> None:
    """Refuse to mix runs: an existing run needs ``--resume`` or ``--overwrite``."""
    out = config.out_dir
    if config.resume:
        if not checkpoint_path(out).is_file():
            raise UserError("nothing to resume: no checkpoints/last.pt", out)
        return
    if out.exists() and not out.is_dir():
        raise UserError("output path exists and is not a folder", out)
    if out.is_dir() and any(out.iterdir()):
        if not config.overwrite:
            raise UserError("output folder exists; pass --resume or --overwrite", out)
        for name in _OUR_FILES:
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    out.mkdir(parents=True, exist_ok=True)


def _evaluate(model: GPT, config: TrainConfig, text: TextData | None) -> dict:
    """Sort: exact-match counts; text: mean validation loss on fixed batches."""
    model.eval()
    if text is None:
        result = {"exact_all": sort.exact_match(model, "all").correct}
    else:
        gen = torch.Generator().manual_seed(config.seed + 1)  # the same batches every time
        with torch.no_grad():
            losses = []
            for _ in range(4):
                x, y = text_batch(text.val, config.block_size, config.batch_size, gen)
                losses.append(float(model(x, y)[1]))
        result = {"val_loss": sum(losses) / len(losses)}
    model.train()
    return result


def train(config: TrainConfig, console: Console | None = None, lang: str = "en") -> dict:
    """Train (or resume) one run and write its folder.

    Args:
        config: the run's settings.
        console: where to print progress (a quiet console when None).
        lang: the language of the lines printed (tr or en).

    Returns:
        The metrics written to ``metrics.json``.

    Raises:
        UserError: bad settings or folder. NumericalFault: the loss became NaN/inf (the
            last good checkpoint is kept).
    """
    console = console or Console(quiet=True)
    threads_before = torch.get_num_threads()
    try:
        with removed_if_left_empty(config.out_dir):  # a failed start leaves no empty folder
            prepare_out_dir(config)
            torch.set_num_threads(config.threads)
            return _train(config, console, lang)
    finally:
        torch.set_num_threads(threads_before)


def _train(config: TrainConfig, console: Console, lang: str = "en") -> dict:
    """The loop itself (see :func:`train`)."""
    text = None
    if config.task == "text":
        raw = read_text(config.text_file, config.max_chars)
        text = TextData.from_text(raw, config.block_size, config.text_file)
        model_config = preset(config.preset, text.vocab.size, config.block_size, config.dropout)
    else:
        model_config = preset(config.preset, sort.NUM_DIGITS, sort.BLOCK_SIZE, config.dropout)
    train_inputs = sort.all_inputs("train")  # (N, 6): the sort task's training split

    torch.manual_seed(config.seed)
    model = GPT(model_config)
    optimizer = make_optimizer(model, config)
    sampler = torch.Generator().manual_seed(config.seed)  # batch order, saved in checkpoints
    state = TrainState()
    if config.resume:
        state = load_checkpoint(config.out_dir, model, optimizer)
        sampler.set_state(state.sampler_state)
        console.print(say(MESSAGES, "resuming", lang, step=state.step))
    without, with_head = model.num_params(False), model.num_params()
    console.print(
        say(MESSAGES, "params", lang, preset=config.preset, without=without, with_head=with_head)
    )

    model.train()
    started = time.perf_counter() - state.seconds
    with _progress(console) as progress:
        title = say(MESSAGES, "training", lang)
        bar = progress.add_task(title, total=config.steps, completed=state.step, info="")
        while state.step < config.steps and not state.done:
            lr = lr_at(state.step, config)  # steps 1-3: trtune/nanogpt/step.py
            loss = optimizer_step(
                model, optimizer, config, state.step, lr, text, train_inputs, sampler
            )
            state.step += 1
            # 4. evaluate now and then; stop early once sorting is perfect
            info = f"loss {loss:.4f}"
            if state.step % config.eval_every == 0 or state.step == config.steps:
                record = {"step": state.step, "loss": loss, **_evaluate(model, config, text)}
                state.history.append(record)
                if record.get("exact_all") == 729 and state.steps_to_100 is None:
                    state.steps_to_100 = state.step
                    state.done = config.stop_at_100
                info += "".join(
                    f"  {k} {v:.4g}" for k, v in record.items() if k not in ("step", "loss")
                )
            progress.update(bar, completed=state.step, info=info)
            # 5. checkpoint (atomically) so that --resume can continue from here
            if state.step % config.checkpoint_every == 0 or state.done:
                state.seconds = time.perf_counter() - started
                state.sampler_state = sampler.get_state()
                save_checkpoint(config.out_dir, model, optimizer, state)

    state.done = True
    state.seconds = time.perf_counter() - started
    state.sampler_state = sampler.get_state()
    save_checkpoint(config.out_dir, model, optimizer, state)
    return _finish(model, config, state, text, console, lang)


def _progress(console: Console) -> Progress:
    """The training bar: title, bar, the latest loss and scores, time elapsed."""
    info = TextColumn("{task.fields[info]}")
    columns = [TextColumn("[bold]{task.description}"), BarColumn(), info]
    return Progress(*columns, TimeElapsedColumn(), console=console, transient=False)


def _scores(result: sort.ExactMatch) -> dict:
    return {"correct": result.correct, "total": result.total, "percent": result.percent}


def _finish(
    model: GPT,
    config: TrainConfig,
    state: TrainState,
    text: TextData | None,
    console: Console,
    lang: str = "en",
) -> dict:
    """Evaluate, then write the model, ``trtune.json`` and ``metrics.json``."""
    model.eval()
    metrics: dict = {
        "task": config.task,
        "steps": state.step,
        "train_seconds": round(state.seconds, 2),
        "params_without_lm_head": model.num_params(False),
        "params": model.num_params(),
        "final_loss": state.history[-1]["loss"] if state.history else None,
        "history": state.history,
    }
    if text is None:
        test, every = sort.exact_match(model, "test"), sort.exact_match(model, "all")
        metrics.update(
            steps_to_100=state.steps_to_100,
            exact_test=test.correct,
            total_test=test.total,
            exact_all=every.correct,
            total_all=every.total,
        )
        console.print(say(MESSAGES, "held_out", lang, **_scores(test)), markup=False)
        console.print(say(MESSAGES, "all_inputs", lang, **_scores(every)), markup=False)
        if state.steps_to_100 is not None:
            console.print(say(MESSAGES, "exact_after", lang, steps=state.steps_to_100))
    else:
        metrics["val_loss"] = _evaluate(model, config, text)["val_loss"]
        console.print(say(MESSAGES, "val_loss", lang, loss=metrics["val_loss"]))
    save_pretrained(model, config.out_dir)
    info = {
        "trtune_version": __version__,
        "torch_version": torch.__version__,
        "task": config.task,
        "model": model.config.to_dict(),
        "train": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(config).items()},
        "chars": text.vocab.chars if text is not None else list(sort.LETTERS),
    }
    atomic_write_json(config.out_dir / "trtune.json", info)
    atomic_write_json(config.out_dir / "metrics.json", metrics)
    folder, seconds = config.out_dir, state.seconds
    done = say(MESSAGES, "done", lang, steps=state.step, seconds=seconds, folder=folder)
    console.print(done, markup=False)
    return metrics
