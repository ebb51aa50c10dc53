"""Three toy tasks, one for each LLM type, generated from a seeded ``torch.Generator``.

- majority: which of three symbols occurs most often in a sequence (classification).
- repeat language: sentences that repeat a random three-word phrase (next-token prediction).
- reverse: write a sequence backwards (a toy "translation" from one order to the other).

Every task splits the space of possible sequences in two with a fixed rule
(:func:`held_out`), so that held-out accuracy is measured on sequences the model never
trained on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

HELD_OUT_BUCKETS = 5  # one bucket in five is held out, ~20% of all sequences


def held_out(tokens: torch.Tensor) -> torch.Tensor:
    """Whether each sequence belongs to the held-out part of its task.

    Args:
        tokens: (B, T) token ids.

    Returns:
        (B,) bool. A fixed hash of the tokens, the same in every run.
    """
    weights = torch.arange(1, tokens.shape[1] + 1, device=tokens.device) * 7919 + 1
    return (tokens * weights).sum(dim=1) % HELD_OUT_BUCKETS == 0


def _sample(
    draw: Callable[[int, torch.Generator], torch.Tensor],
    count: int,
    want_held_out: bool,
    generator: torch.Generator,
) -> torch.Tensor:
    """Draw (count, T) sequences with ``draw`` and keep those on the wanted side of the split."""
    kept: list[torch.Tensor] = []
    total = 0
    while total < count:
        batch = draw(count, generator)
        batch = batch[held_out(batch) == want_held_out]
        kept.append(batch)
        total += batch.shape[0]
    return torch.cat(kept)[:count]


@dataclass(frozen=True)
class MajorityTask:
    """Sequences of ``length`` symbols out of ``n_symbols``; the label is the most frequent.

    Sequences with a tie for the most frequent symbol are never drawn.
    """

    n_symbols: int = 3
    length: int = 9

    def draw(self, count: int, generator: torch.Generator) -> torch.Tensor:
        """(count, T) sequences without ties."""
        tokens = torch.randint(0, self.n_symbols, (2 * count, self.length), generator=generator)
        counts = torch.nn.functional.one_hot(tokens, self.n_symbols).sum(dim=1)  # (2N, K)
        top2 = counts.topk(2, dim=1).values
        return tokens[top2[:, 0] > top2[:, 1]][:count]

    def batch(
        self, count: int, generator: torch.Generator, held_out_part: bool = False
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Inputs (count, T) and labels (count,)."""
        tokens = _sample(self.draw, count, held_out_part, generator)
        labels = torch.nn.functional.one_hot(tokens, self.n_symbols).sum(dim=1).argmax(dim=1)
        return tokens, labels


@dataclass(frozen=True)
class RepeatLanguageTask:
    """Sentences of ``length`` words that repeat a random phrase of ``period`` words.

    Once the first phrase has been read every next word is determined, so accuracy is
    measured on positions ``period`` and later. The split is on the phrase itself: held-out
    sentences repeat phrases never seen in training.
    """

    vocab_size: int = 10
    period: int = 3
    length: int = 12

    def draw(self, count: int, generator: torch.Generator) -> torch.Tensor:
        """(count, period) phrases."""
        return torch.randint(0, self.vocab_size, (count, self.period), generator=generator)

    def batch(
        self, count: int, generator: torch.Generator, held_out_part: bool = False
    ) -> torch.Tensor:
        """(count, length) sentences."""
        phrases = _sample(self.draw, count, held_out_part, generator)
        repeats = -(-self.length // self.period)  # ceil
        return phrases.repeat(1, repeats)[:, : self.length]


@dataclass(frozen=True)
class ReverseTask:
    """Source: ``length`` digits; target: the same digits backwards.

    The decoder reads ``BOS`` followed by the target shifted right by one (teacher forcing).
    """

    n_digits: int = 10
    length: int = 6

    @property
    def bos(self) -> int:
        """The begin-of-sequence token of the decoder, after the digits."""
        return self.n_digits

    def draw(self, count: int, generator: torch.Generator) -> torch.Tensor:
        """(count, length) source sequences."""
        return torch.randint(0, self.n_digits, (count, self.length), generator=generator)

    def batch(
        self, count: int, generator: torch.Generator, held_out_part: bool = False
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Sources (count, length) and targets (count, length)."""
        sources = _sample(self.draw, count, held_out_part, generator)
        return sources, sources.flip(dims=[1])
