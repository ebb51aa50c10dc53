"""RNN, GRU, LSTM and a small Transformer on the recall task: accuracy and speed.

The primer's "RNN-GRU-LSTM-Transformer" figure, computed, in two experiments:

- **Accuracy against distance.** For each distance in ``distances`` a fresh model of each
  kind is trained on that distance alone (same seed, same batches for the four kinds) and
  tested on new sequences. The plain RNN's gradient fades as it flows back through every
  step, so it stops learning first; the gated cells (GRU, LSTM) keep a path along which
  the state passes unchanged and reach further; attention reads the symbol directly,
  however far back it is.
- **Time against length.** One training step (forward, backward, AdamW) of an untrained
  model of each kind is timed at each length in ``lengths``: the recurrent loop takes one
  step per position, one after the other; attention handles all positions together in a
  few large matrix products.

Both run on ``threads`` CPU threads (one by default); steps are timed in CPU seconds
(``time.process_time``), the fastest of a few repeats, so that other programs on the
machine disturb the numbers little.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import torch
from torch import nn
from torch.nn import functional as F

from trtune.learn.recall_task import RecallTask
from trtune.learn.rnn import CELLS, run
from trtune.learn.threads import torch_threads
from trtune.learn.types import Stack, TinyConfig

MODEL_NAMES: tuple[str, ...] = ("rnn", "gru", "lstm", "transformer")
StepCallback = Callable[[str, int, int], None]  # (model name, distance, step)


@dataclass
class RnnConfig:
    """How to train and time the four models.

    Attributes:
        seed: seeds the weights, the training batches and the test sequences.
        steps: the most training steps per model and distance.
        solved_after: stop training early once this many batches in a row were all
            answered right (the model has solved its distance); 0 never stops early.
        batch_size: sequences per training step.
        lr: AdamW learning rate.
        hidden: the state size of the recurrent cells (and their embedding size).
        n_embd: the Transformer's width C. n_layer: its blocks. n_head: its heads.
        distances: the distances from the symbol to the question mark that are tested.
        eval_size: test sequences per distance.
        lengths: sequence lengths at which one training step is timed.
        timing_batch: sequences per timed step.
        timing_repeats: timed steps per length; the fastest counts (after one warm-up).
        threads: CPU threads torch may use (restored afterwards).
        task: the recall task's vocabulary sizes.
    """

    seed: int = 0
    steps: int = 300
    solved_after: int = 20
    batch_size: int = 16
    lr: float = 3e-3
    hidden: int = 32
    n_embd: int = 32
    n_layer: int = 2
    n_head: int = 2
    distances: tuple[int, ...] = (5, 10, 20, 50, 100, 200)
    eval_size: int = 256
    lengths: tuple[int, ...] = (10, 25, 50, 100, 200)
    timing_batch: int = 8
    timing_repeats: int = 10
    threads: int = 1
    task: RecallTask = field(default_factory=RecallTask)

    def __post_init__(self) -> None:
        for name in ("steps", "batch_size", "hidden", "n_embd", "n_layer", "n_head",
                     "eval_size", "timing_batch", "timing_repeats", "threads"):  # fmt: skip
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.solved_after < 0 or not self.lr > 0:
            raise ValueError("solved_after must be >= 0 and lr > 0")
        if not self.distances or min(self.distances) < 1:
            raise ValueError(f"distances must be >= 1, got {self.distances}")
        if not self.lengths or min(self.lengths) < 2:
            raise ValueError(f"lengths must be >= 2, got {self.lengths}")
        if self.n_embd % self.n_head != 0:
            raise ValueError(f"n_embd ({self.n_embd}) must be divisible by n_head")
        self.distances = tuple(sorted(set(self.distances)))
        self.lengths = tuple(sorted(set(self.lengths)))

    @classmethod
    def quick(cls, seed: int = 0) -> RnnConfig:
        """About 10 seconds in all, for tests: the same models at three short distances."""
        return cls(seed=seed, steps=150, distances=(2, 8, 32), eval_size=64, lengths=(8, 32),
                   timing_repeats=2)  # fmt: skip

    def max_length(self) -> int:
        """The longest sequence any model reads (training, testing or timing)."""
        return max(self.task.max_length(max(self.distances)), max(self.lengths))


class RecurrentClassifier(nn.Module):
    """Embedding -> one recurrent cell read left to right -> the last state -> classes."""

    def __init__(self, kind: str, vocab_size: int, hidden: int, n_classes: int):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, hidden)
        self.cell = CELLS[kind](hidden, hidden)
        self.head = nn.Linear(hidden, n_classes)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        """(B, T) ids -> (B, n_classes) logits."""
        _, state = run(self.cell, self.embed(tokens))  # state[0]: (B, H) after the last token
        return self.head(state[0])


class TransformerClassifier(nn.Module):
    """Causal Transformer (:mod:`trtune.learn.blocks`) -> the last position -> classes."""

    def __init__(self, size: TinyConfig, n_classes: int):
        super().__init__()
        self.stack = Stack(size, causal=True)
        self.head = nn.Linear(size.n_embd, n_classes)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        """(B, T) ids -> (B, n_classes) logits, read at the question mark."""
        return self.head(self.stack(tokens)[:, -1])  # (B, C) -> (B, n_classes)


def build_model(name: str, config: RnnConfig) -> nn.Module:
    """One of :data:`MODEL_NAMES`, with weights drawn from ``config.seed``."""
    task = config.task
    with torch.random.fork_rng(devices=[]):  # leave the global generator alone
        torch.manual_seed(config.seed)
        if name == "transformer":
            size = TinyConfig(task.vocab_size, config.max_length(), config.n_embd,
                              config.n_head, config.n_layer)  # fmt: skip
            return TransformerClassifier(size, task.n_symbols)
        return RecurrentClassifier(name, task.vocab_size, config.hidden, task.n_symbols)


@dataclass(frozen=True)
class DistanceResult:
    """One model trained and tested at one distance."""

    accuracy: float
    steps: int
    seconds: float


def train_at_distance(
    name: str, distance: int, config: RnnConfig, on_step: StepCallback | None = None
) -> DistanceResult:
    """Train a fresh model on one distance, then score it on new sequences of that distance."""
    task = config.task
    model = build_model(name, config)
    batches = torch.Generator().manual_seed(config.seed * 100_003 + distance)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=0.0)
    start, solved, step = time.perf_counter(), 0, 0
    model.train()
    while step < config.steps and (config.solved_after == 0 or solved < config.solved_after):
        tokens, symbols = task.batch(config.batch_size, distance, batches)  # (B, L), (B,)
        logits = model(tokens)  # (B, n_symbols)
        loss = F.cross_entropy(logits, symbols)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)  # an RNN's gradient can explode
        optimizer.step()
        step += 1
        solved = solved + 1 if bool((logits.argmax(dim=-1) == symbols).all()) else 0
        if on_step is not None:
            on_step(name, distance, step)
    model.eval()
    tests = torch.Generator().manual_seed(config.seed * 100_003 + distance + 50_000)
    tokens, symbols = task.batch(config.eval_size, distance, tests)
    with torch.no_grad():
        accuracy = float((model(tokens).argmax(dim=-1) == symbols).float().mean())
    return DistanceResult(accuracy, step, time.perf_counter() - start)


def seconds_per_step(name: str, config: RnnConfig) -> dict[int, float]:
    """CPU seconds of one training step (forward, backward, AdamW) at each length.

    The lengths take turns (10, 25, ..., 200, 10, 25, ...), so that a busy moment of the
    machine slows one round of all of them rather than every repeat of one; the fastest
    repeat of each length counts, after a first round that warms up.
    """
    model = build_model(name, config)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr)
    generator = torch.Generator().manual_seed(config.seed)
    times: dict[int, list[float]] = {length: [] for length in config.lengths}
    for _ in range(config.timing_repeats + 1):
        for length in config.lengths:
            tokens, symbols = config.task.batch(config.timing_batch, length, generator)
            tokens = tokens[:, -length:]  # exactly `length` positions
            start = time.process_time()
            loss = F.cross_entropy(model(tokens), symbols)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            del loss  # frees this step's graph inside its own timing, not the next length's
            times[length].append(time.process_time() - start)
    return {length: min(spent[1:]) for length, spent in times.items()}


@dataclass(frozen=True)
class ModelResult:
    """One kind of model: accuracy and steps per distance, CPU seconds per step per length."""

    name: str
    parameters: int
    by_distance: dict[int, DistanceResult]
    step_seconds: dict[int, float]

    @property
    def accuracy(self) -> dict[int, float]:
        return {d: r.accuracy for d, r in self.by_distance.items()}


def compare_models(config: RnnConfig, on_step: StepCallback | None = None) -> list[ModelResult]:
    """Both experiments for the four models, on ``config.threads`` CPU threads.

    Args:
        config: the settings.
        on_step: called after every training step with (model, distance, step).

    Returns:
        One :class:`ModelResult` per name in :data:`MODEL_NAMES`.
    """
    results = []
    with torch_threads(config.threads):
        for name in MODEL_NAMES:
            by_distance = {d: train_at_distance(name, d, config, on_step) for d in config.distances}
            parameters = sum(p.numel() for p in build_model(name, config).parameters())
            timing = seconds_per_step(name, config)
            results.append(ModelResult(name, parameters, by_distance, timing))
    return results


def results_json(config: RnnConfig, results: list[ModelResult]) -> dict[str, object]:
    """Settings and numbers as one JSON-ready dict (distances and lengths as string keys)."""
    settings = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(config).items()}
    return {
        "settings": settings,
        "chance": round(1.0 / config.task.n_symbols, 4),
        "models": {
            r.name: {
                "parameters": r.parameters,
                "accuracy": {str(d): round(x.accuracy, 4) for d, x in r.by_distance.items()},
                "train_steps": {str(d): x.steps for d, x in r.by_distance.items()},
                "train_seconds": {str(d): round(x.seconds, 2) for d, x in r.by_distance.items()},
                "ms_per_step": {str(n): round(1000 * s, 3) for n, s in r.step_seconds.items()},
            }
            for r in results
        },
    }
