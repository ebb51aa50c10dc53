"""minGPT's sort task: read six symbols from {A, B, C}, write them back sorted.

The model sees ``input + sorted[:-1]`` (11 tokens) and must predict the sorted half;
the targets on the first five positions are -1 (ignored), so only the answer is
learned. There are 3**6 = 729 possible inputs; a deterministic hash of each input puts
about a quarter of them in the test split (minGPT uses Python's ``hash`` of the pickled
list, which changes between runs; we use SHA-256).

Reference: karpathy/minGPT, ``projects/adder`` and ``demo.ipynb`` (SortDataset).
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass
from typing import Literal

import torch

from trtune.errors import UserError
from trtune.nanogpt.model import GPT

LENGTH = 6
NUM_DIGITS = 3
LETTERS = "ABC"
BLOCK_SIZE = 2 * LENGTH - 1  # the last output token is never fed back

Split = Literal["train", "test", "all"]


def is_test(digits: tuple[int, ...] | list[int]) -> bool:
    """Whether an input sequence belongs to the held-out split (about one in four)."""
    key = ",".join(str(d) for d in digits).encode()
    return int(hashlib.sha256(key).hexdigest(), 16) % 4 == 0


def all_inputs(split: Split = "all") -> torch.Tensor:
    """Every possible input of the split, (N, LENGTH) int64, in lexicographic order."""
    rows = [
        seq
        for seq in itertools.product(range(NUM_DIGITS), repeat=LENGTH)
        if split == "all" or is_test(seq) == (split == "test")
    ]
    return torch.tensor(rows, dtype=torch.long)


def make_example(inp: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Inputs and targets for a batch of sequences.

    Args:
        inp: (B, LENGTH) digits.

    Returns:
        ``(x, y)``, both (B, 2*LENGTH-1): x = input + sorted[:-1]; y is the next token,
        with -1 on the first LENGTH-1 positions (those predictions are not scored).
    """
    sol = torch.sort(inp, dim=1).values  # (B, LENGTH)
    cat = torch.cat((inp, sol), dim=1)  # (B, 2*LENGTH)
    x = cat[:, :-1].clone()  # (B, 2*LENGTH-1)
    y = cat[:, 1:].clone()  # (B, 2*LENGTH-1)
    y[:, : LENGTH - 1] = -1
    return x, y


@torch.no_grad()
def greedy_sort(model: GPT, inp: torch.Tensor) -> torch.Tensor:
    """The model's sorted output for each input, (B, LENGTH), by greedy decoding."""
    model.eval()
    out = model.generate(inp, LENGTH, do_sample=False)  # (B, 2*LENGTH)
    return out[:, LENGTH:]


@dataclass
class ExactMatch:
    """How many sequences came out exactly sorted."""

    correct: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / max(self.total, 1)

    def __str__(self) -> str:
        return f"{self.correct}/{self.total} exact ({self.percent:.2f}%)"


@torch.no_grad()
def exactly_sorted(model: GPT, inp: torch.Tensor) -> torch.Tensor:
    """Whether greedy decoding sorts each input exactly, (B,) bool, in one forward pass.

    Greedy decoding writes the right answer exactly when, at every answer position, the
    arg-max given the right answer so far is the right next symbol: by induction, each step
    then sees the same prefix as the right answer, and at the first position where the
    arg-max is wrong the decoded answer leaves the right one. So one pass over ``input +
    sorted[:-1]`` (teacher forcing, all 11 positions at once) decides exact match; decoding
    needs six passes over growing prefixes (:func:`greedy_sort`).
    """
    model.eval()
    x, y = make_example(inp)  # (B, 2*LENGTH-1) each; y is -1 before the answer
    logits, _ = model(x)  # (B, 2*LENGTH-1, V)
    answer = slice(LENGTH - 1, None)  # the positions that predict the sorted half
    return (logits[:, answer].argmax(dim=-1) == y[:, answer]).all(dim=1)


def exact_match(model: GPT, split: Split = "all") -> ExactMatch:
    """Greedy exact match on every input of a split (``"all"`` = all 729)."""
    inp = all_inputs(split)
    correct = int(exactly_sorted(model, inp).sum())
    return ExactMatch(correct=correct, total=len(inp))


def parse_sequence(text: str) -> tuple[list[int], str]:
    """Read ``"CBABBC"`` or ``"210112"`` into digits and remember the alphabet.

    Returns:
        ``(digits, alphabet)`` where alphabet is ``"ABC"`` or ``"012"``.

    Raises:
        UserError: wrong length, mixed alphabets or a symbol outside A-C / 0-2.
    """
    text = text.strip()
    if len(text) != LENGTH:
        raise UserError(f"expected {LENGTH} symbols from A-C (or 0-2), got {len(text)}: {text!r}")
    upper = text.upper()
    if all(ch in LETTERS for ch in upper):
        return [LETTERS.index(ch) for ch in upper], LETTERS
    if all(ch in "012" for ch in text):
        return [int(ch) for ch in text], "012"
    bad = next((ch for ch in upper if ch not in LETTERS + "012"), None)
    if bad is None:
        raise UserError(f"do not mix letters and digits: {text!r}")
    raise UserError(f"symbol {bad!r} is not one of A, B, C (or 0, 1, 2) in {text!r}")


def format_sequence(digits: list[int], alphabet: str = LETTERS) -> str:
    """Digits back to text in the given alphabet."""
    return "".join(alphabet[d] for d in digits)


def sort_text(model: GPT, text: str) -> str:
    """Sort one sequence with the model, answering in the alphabet it was given."""
    digits, alphabet = parse_sequence(text)
    out = greedy_sort(model, torch.tensor([digits], dtype=torch.long))
    return format_sequence(out[0].tolist(), alphabet)
