"""Alternating rounds: the one way every benchmark times its two (or more) sides.

Other jobs share the machine and their load comes and goes. Timing one side after the
other lets a burst of load decide the ratio (``finetune_throughput`` read 0.76 under load
and 2.28 alone minutes later). So each benchmark runs its sides in turn, A, B, A, B, ...,
and keeps the fastest round of each side, the one least disturbed; every round is printed
and returned, so that a reader sees the spread.

    rounds = alternate({"trtune": ours, "peer": theirs}, n=3)
    ratio = rounds.ratio("peer", "trtune")  # fastest peer seconds / fastest trtune seconds
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Rounds:
    """Seconds of every round of every side, and the last value each side returned."""

    seconds: dict[str, list[float]] = field(default_factory=dict)
    results: dict[str, Any] = field(default_factory=dict)

    def best(self, side: str) -> float:
        """The fastest round of ``side`` (seconds)."""
        return min(self.seconds[side])

    def ratio(self, slow: str, fast: str, digits: int = 2) -> float:
        """``best(slow) / best(fast)``: above 1 when ``fast`` is faster."""
        return round(self.best(slow) / self.best(fast), digits)

    def rate(self, side: str, items: float, digits: int = 1) -> float:
        """``items`` per second in ``side``'s fastest round."""
        return round(items / self.best(side), digits)

    def to_dict(self, digits: int = 2) -> dict[str, list[float]]:
        """Every round's seconds per side, JSON-ready (for the result's ``rounds``)."""
        return {side: [round(s, digits) for s in times] for side, times in self.seconds.items()}


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    """``(seconds, value)`` of one call of ``call``."""
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def alternate(
    sides: Mapping[str, Callable[[], Any]],
    n: int = 3,
    warmup: bool = False,
    label: str = "round",
    seconds_of: Callable[[str, float, Any], float] | None = None,
    before: Callable[[str], Any] | None = None,
) -> Rounds:
    """Run each side once per round, in the order given, for ``n`` rounds.

    Args:
        sides: name -> a call that does one round's work of that side.
        n: rounds.
        warmup: call every side once before the timed rounds (kernels, allocator, caches).
        label: the first word of each printed line.
        seconds_of: ``(side, wall seconds, value) -> seconds`` when a side measures its
            own time (e.g. a trainer's training seconds without loading); default: the wall
            time of the call.
        before: ``before(side)`` runs untimed before each timed call of ``side`` (e.g. to
            load a fresh model, so that only training is timed).

    Returns:
        The rounds; ``results[side]`` is the value of ``side``'s last call.
    """
    rounds = Rounds({name: [] for name in sides})
    if warmup:
        for name, call in sides.items():
            if before is not None:
                before(name)
            call()
    for r in range(n):
        for name, call in sides.items():
            if before is not None:
                before(name)
            wall, value = timed(call)
            seconds = seconds_of(name, wall, value) if seconds_of else wall
            rounds.seconds[name].append(seconds)
            rounds.results[name] = value
        line = ", ".join(f"{name} {times[-1]:.2f} s" for name, times in rounds.seconds.items())
        print(f"{label} {r + 1}/{n}: {line}", flush=True)
    return rounds
