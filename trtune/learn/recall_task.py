"""A toy task with a long-range dependency: recall the symbol seen N steps earlier.

A sequence is noise, one symbol, more noise, and a question mark:
``n n S n n n ... n ?``. The model reads it and must answer the symbol S, which stands
``distance`` positions before the question mark. Symbols and noise come from separate
vocabularies, so finding S is easy; keeping it in mind over many noise tokens is not,
for a network that reads one token at a time. Chance is ``1 / n_symbols``.

Token ids: symbols ``0 .. n_symbols-1``, noise after them, the question mark last.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class RecallTask:
    """Sizes of the recall task.

    Attributes:
        n_symbols: how many symbols can be asked for (the classes).
        n_noise: how many distinct noise tokens fill the gap.
        max_prefix: up to this many noise tokens come before the symbol, so that it is
            not always the first token.
    """

    n_symbols: int = 8
    n_noise: int = 8
    max_prefix: int = 4

    def __post_init__(self) -> None:
        if self.n_symbols < 2 or self.n_noise < 1 or self.max_prefix < 0:
            raise ValueError("need at least 2 symbols, 1 noise token and max_prefix >= 0")

    @property
    def vocab_size(self) -> int:
        """Symbols, noise tokens and the question mark."""
        return self.n_symbols + self.n_noise + 1

    @property
    def query(self) -> int:
        """The id of the question mark."""
        return self.n_symbols + self.n_noise

    def max_length(self, max_distance: int) -> int:
        """The longest sequence for distances up to ``max_distance``."""
        return self.max_prefix + max_distance + 1

    def batch(
        self, count: int, distance: int, generator: torch.Generator
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """``count`` sequences whose symbol stands ``distance`` positions before the end.

        Args:
            count: B.
            distance: positions from the symbol to the question mark (at least 1).
            generator: the source of randomness.

        Returns:
            Tokens (B, prefix + distance + 1) and the symbols to recall (B,).
        """
        if distance < 1:
            raise ValueError(f"distance must be at least 1, got {distance}")
        prefix = int(torch.randint(0, self.max_prefix + 1, (1,), generator=generator))
        length = prefix + distance + 1
        tokens = self.n_symbols + torch.randint(
            0, self.n_noise, (count, length), generator=generator
        )  # (B, L): all noise to start with
        symbols = torch.randint(0, self.n_symbols, (count,), generator=generator)  # (B,)
        tokens[:, prefix] = symbols
        tokens[:, -1] = self.query
        return tokens, symbols
