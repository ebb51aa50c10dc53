"""Train the three LLM types on their toy tasks and measure held-out accuracy.

One explicit loop (:func:`_fit`) serves all three: draw a batch from the seeded generator,
compute the cross-entropy loss, step AdamW. Everything is small enough for a laptop CPU.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import torch
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from torch import nn
from torch.nn import functional as F

from trtune.learn.threads import torch_threads
from trtune.learn.toy_tasks import MajorityTask, RepeatLanguageTask, ReverseTask
from trtune.learn.types import DecoderOnly, EncoderDecoder, EncoderOnly, TinyConfig

TYPE_NAMES: tuple[str, ...] = ("encoder_only", "decoder_only", "encoder_decoder")


@dataclass
class TypesConfig:
    """How to train the three types.

    Attributes:
        seed: seeds data, initialisation and the held-out set.
        steps: optimisation steps per model.
        batch_size: sequences per step.
        lr: AdamW learning rate.
        eval_size: held-out sequences per model.
        n_embd: C of every model. n_layer: blocks per stack.
        threads: CPU threads torch may use while training (restored afterwards); one is
            fastest for models this small, above all on a busy machine.
    """

    seed: int = 0
    steps: int = field(default=200, metadata={"help": "optimisation steps per model"})
    batch_size: int = 64
    lr: float = 3e-3
    eval_size: int = 500
    n_embd: int = 32
    n_layer: int = 2
    threads: int = 1

    def __post_init__(self) -> None:
        for name in ("steps", "batch_size", "eval_size", "n_embd", "n_layer", "threads"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if not self.lr > 0:
            raise ValueError(f"lr must be positive, got {self.lr}")


@dataclass(frozen=True)
class TypeResult:
    """One trained type: its held-out accuracy, final training loss, size and time."""

    name: str
    accuracy: float
    final_loss: float
    parameters: int
    seconds: float


def _fit(
    model: nn.Module,
    loss_of_batch: Callable[[torch.Generator], torch.Tensor],
    config: TypesConfig,
    generator: torch.Generator,
    progress: Progress | None,
    label: str,
) -> float:
    """The training loop; returns the last loss."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=0.0)
    task = progress.add_task(label, total=config.steps) if progress else None
    model.train()
    loss = torch.tensor(float("nan"))
    with torch_threads(config.threads):
        for _ in range(config.steps):
            loss = loss_of_batch(generator)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            if progress is not None and task is not None:
                progress.update(task, advance=1, description=f"{label} loss={loss.item():.3f}")
    model.eval()
    return float(loss.item())


def _init(seed: int, build: Callable[[], nn.Module]) -> nn.Module:
    """Build a model with weights drawn from ``seed`` without touching the global RNG."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return build()


def train_encoder_only(config: TypesConfig, progress: Progress | None = None) -> TypeResult:
    """Classify the majority symbol with an :class:`EncoderOnly` model."""
    start = time.perf_counter()
    task = MajorityTask()
    size = TinyConfig(task.n_symbols, task.length, config.n_embd, n_layer=config.n_layer)
    model = _init(config.seed, lambda: EncoderOnly(size, n_classes=task.n_symbols))
    generator = torch.Generator().manual_seed(config.seed)

    def loss_of_batch(gen: torch.Generator) -> torch.Tensor:
        tokens, labels = task.batch(config.batch_size, gen)
        return F.cross_entropy(model(tokens), labels)

    loss = _fit(model, loss_of_batch, config, generator, progress, "encoder_only")
    tokens, labels = task.batch(config.eval_size, generator, held_out_part=True)
    with torch.no_grad():
        accuracy = (model(tokens).argmax(dim=-1) == labels).float().mean().item()
    return _result("encoder_only", accuracy, loss, model, start)


def train_decoder_only(config: TypesConfig, progress: Progress | None = None) -> TypeResult:
    """Predict the next word of the repeat language with a :class:`DecoderOnly` model."""
    start = time.perf_counter()
    task = RepeatLanguageTask()
    size = TinyConfig(task.vocab_size, task.length, config.n_embd, n_layer=config.n_layer)
    model = _init(config.seed, lambda: DecoderOnly(size))
    generator = torch.Generator().manual_seed(config.seed + 1)

    def loss_of_batch(gen: torch.Generator) -> torch.Tensor:
        sentences = task.batch(config.batch_size, gen)
        logits = model(sentences[:, :-1])  # (B, T-1, V)
        return F.cross_entropy(logits.flatten(0, 1), sentences[:, 1:].flatten())

    loss = _fit(model, loss_of_batch, config, generator, progress, "decoder_only")
    sentences = task.batch(config.eval_size, generator, held_out_part=True)
    with torch.no_grad():
        predicted = model(sentences[:, :-1]).argmax(dim=-1)  # (B, T-1); predicts tokens 1..T-1
    # Only words after the first phrase can be known: targets at positions >= period.
    first = task.period - 1
    correct = predicted[:, first:] == sentences[:, first + 1 :]
    return _result("decoder_only", correct.float().mean().item(), loss, model, start)


def train_encoder_decoder(config: TypesConfig, progress: Progress | None = None) -> TypeResult:
    """Reverse digit sequences with an :class:`EncoderDecoder` model (greedy decoding)."""
    start = time.perf_counter()
    task = ReverseTask()
    size = TinyConfig(task.n_digits + 1, task.length, config.n_embd, n_layer=config.n_layer)
    model = _init(config.seed, lambda: EncoderDecoder(size))
    generator = torch.Generator().manual_seed(config.seed + 2)
    bos = task.bos

    def loss_of_batch(gen: torch.Generator) -> torch.Tensor:
        sources, targets = task.batch(config.batch_size, gen)
        target_in = torch.cat([torch.full_like(targets[:, :1], bos), targets[:, :-1]], dim=1)
        logits = model(sources, target_in)  # (B, T, V)
        return F.cross_entropy(logits.flatten(0, 1), targets.flatten())

    loss = _fit(model, loss_of_batch, config, generator, progress, "encoder_decoder")
    sources, targets = task.batch(config.eval_size, generator, held_out_part=True)
    predicted = model.generate(sources, bos, task.length)
    accuracy = (predicted == targets).float().mean().item()
    return _result("encoder_decoder", accuracy, loss, model, start)


def _result(name: str, accuracy: float, loss: float, model: nn.Module, start: float) -> TypeResult:
    parameters = sum(p.numel() for p in model.parameters())
    return TypeResult(name, accuracy, loss, parameters, time.perf_counter() - start)


def train_all_types(config: TypesConfig, console: Console | None = None) -> list[TypeResult]:
    """Train the three types one after the other, with a progress bar each.

    Args:
        config: the training settings.
        console: where progress is drawn; no progress when None.

    Returns:
        One :class:`TypeResult` per type, in :data:`TYPE_NAMES` order.
    """
    trainers = (train_encoder_only, train_decoder_only, train_encoder_decoder)
    with torch_threads(config.threads):  # covers evaluation too, not only the loops
        if console is None:
            return [train(config) for train in trainers]
        columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=False) as progress:
            return [train(config, progress) for train in trainers]
