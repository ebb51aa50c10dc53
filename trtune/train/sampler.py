"""Length-grouped batches that still arrive in random order.

Padding each batch to its longest text is cheap only when a batch holds texts of similar
length. transformers' ``group_by_length`` sampler sorts whole mega-batches (up to a quarter
of the data) longest first, so an epoch walks from long texts to short ones a few times: on
a few thousand reviews that ordering cost several accuracy points against a shuffled run.
This sampler sorts small windows instead (``window`` batches at a time) and then shuffles
the batches, so padding stays low and the batch order stays random.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import torch
from torch.utils.data import Sampler


class ShuffledLengthGroupedSampler(Sampler[int]):
    """Indices whose consecutive ``batch_size`` slices hold texts of similar length.

    Args:
        lengths: the token count of every example.
        batch_size: examples per batch (per optimiser micro-step).
        seed: with the epoch (``set_epoch``), fixes the order: a resumed run replays it.
        window: how many batches are sorted together before the batches are shuffled.
    """

    def __init__(self, lengths: Sequence[int], batch_size: int, seed: int, window: int = 4):
        self.lengths = list(lengths)
        self.batch_size = batch_size
        self.seed = seed
        self.window = window
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        """Called by the Trainer (through Accelerate) before each epoch."""
        self.epoch = epoch

    def __len__(self) -> int:
        return len(self.lengths)

    def __iter__(self) -> Iterator[int]:
        generator = torch.Generator().manual_seed(self.seed * 100_003 + self.epoch)
        order = torch.randperm(len(self.lengths), generator=generator).tolist()
        size = self.batch_size * self.window
        batches = []
        for start in range(0, len(order), size):
            chunk = sorted(order[start : start + size], key=lambda i: -self.lengths[i])
            batches += [
                chunk[i : i + self.batch_size] for i in range(0, len(chunk), self.batch_size)
            ]
        # A short last batch stays last so that every other batch is full.
        full = [b for b in batches if len(b) == self.batch_size]
        short = [b for b in batches if len(b) < self.batch_size]
        shuffled = [full[i] for i in torch.randperm(len(full), generator=generator).tolist()]
        return iter([i for batch in shuffled + short for i in batch])
