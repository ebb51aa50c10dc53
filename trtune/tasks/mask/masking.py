"""Dynamic masking for masked-LM training (BERT's 15 %, 80/10/10), token by token or whole
words at a time, and the fixed masks validation is scored with.

BERT (Devlin et al. 2019, https://arxiv.org/abs/1810.04805, §3.1) picks 15 % of the tokens
to predict; of those, 80 % are replaced by ``[MASK]``, 10 % by a random token and 10 % are
left as they are, so the model cannot learn that only ``[MASK]`` positions matter. Whole-word
masking (the later BERT release) picks words instead of tokens: every sub-word of a chosen
word is predicted, so ``kitap ##lar ##ımız`` is never half hidden. Words come from
:mod:`trtune.tasks.mask.words` (``Ankara'da`` is one word); here each word is chosen with the
probability and its tokens share one 80/10/10 draw.

Every row with something to mask gets at least one masked token: a short line (or a
micro-batch of them) with none would have no loss at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from trtune.run.trainer import IGNORE_INDEX
from trtune.tasks.mask.words import NO_WORD

MASK_SHARE = 0.8  # of the chosen tokens: replaced by the mask token
RANDOM_SHARE = 0.1  # replaced by a random token (the other 10 % stay as they are)


@dataclass(frozen=True)
class MaskingRule:
    """How tokens are hidden.

    Attributes:
        probability: the share of tokens (or words) chosen for prediction.
        whole_word: choose words, not tokens.
        mask_id: the tokenizer's mask token.
        vocab_size: random replacements are drawn from ``0 .. vocab_size - 1``.
    """

    probability: float
    whole_word: bool
    mask_id: int
    vocab_size: int


def _rand(shape: tuple[int, ...], generator: torch.Generator | None) -> torch.Tensor:
    return torch.rand(shape, generator=generator)


def _per_unit(values: torch.Tensor, word_ids: torch.Tensor, whole_word: bool) -> torch.Tensor:
    """Spread a ``(B, W)`` draw per word over its tokens (whole words), or use the ``(B, T)``
    draw per token as it is."""
    if not whole_word:
        return values
    return values.gather(1, word_ids.clamp(min=0))


def choose_positions(
    word_ids: torch.Tensor, rule: MaskingRule, generator: torch.Generator | None = None
) -> torch.Tensor:
    """Which tokens to predict: ``(B, T)`` bool, never a token of :data:`NO_WORD`.

    Args:
        word_ids: ``(B, T)`` word index per token (:data:`NO_WORD` for special tokens and
            padding).
        rule: the probability and whether whole words are chosen.
        generator: the random source (``None``: torch's global one, which the Trainer seeds).
    """
    maskable = word_ids != NO_WORD  # (B, T)
    rows, length = word_ids.shape
    units = int(word_ids.max()) + 1 if rule.whole_word and maskable.any() else length
    draw = _rand((rows, max(units, 1)), generator) < rule.probability  # (B, W) or (B, T)
    chosen = _per_unit(draw, word_ids, rule.whole_word) & maskable
    # Rows with nothing chosen: one random maskable token (and, whole words, its word).
    empty = ~chosen.any(dim=1) & maskable.any(dim=1)
    if empty.any():
        scores = torch.where(maskable, _rand((rows, length), generator), torch.tensor(-1.0))
        pick = scores.argmax(dim=1)  # (B,)
        if rule.whole_word:
            word = word_ids.gather(1, pick[:, None])  # (B, 1)
            extra = (word_ids == word) & maskable
        else:
            extra = torch.zeros_like(chosen).scatter_(1, pick[:, None], True)
        chosen = chosen | (extra & empty[:, None])
    return chosen


def mask_tokens(
    input_ids: torch.Tensor,
    word_ids: torch.Tensor,
    rule: MaskingRule,
    generator: torch.Generator | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """BERT's masking of a padded batch.

    Args:
        input_ids: ``(B, T)`` token ids.
        word_ids: ``(B, T)`` word index per token (:data:`NO_WORD`: never masked).
        rule: probability, whole words or tokens, the mask id, the vocabulary size.
        generator: the random source (``None``: torch's global one).

    Returns:
        ``(inputs, labels)``: the ids with the chosen tokens replaced (80 % mask token, 10 %
        random, 10 % unchanged) and ``(B, T)`` labels holding the original id where a token
        is predicted and :data:`~trtune.run.trainer.IGNORE_INDEX` elsewhere.
    """
    chosen = choose_positions(word_ids, rule, generator)
    labels = torch.where(chosen, input_ids, torch.tensor(IGNORE_INDEX))
    rows, length = input_ids.shape
    units = int(word_ids.max()) + 1 if rule.whole_word and (word_ids != NO_WORD).any() else length
    how = _per_unit(_rand((rows, max(units, 1)), generator), word_ids, rule.whole_word)
    to_mask = chosen & (how < MASK_SHARE)
    to_random = chosen & (how >= MASK_SHARE) & (how < MASK_SHARE + RANDOM_SHARE)
    random_ids = torch.randint(rule.vocab_size, (rows, length), generator=generator)
    inputs = torch.where(to_mask, torch.tensor(rule.mask_id), input_ids)
    inputs = torch.where(to_random, random_ids, inputs)
    return inputs, labels


def pad_rows(rows: Sequence[Sequence[int]], value: int) -> torch.Tensor:
    """``(B, T)`` tensor of ``rows`` padded on the right with ``value``."""
    length = max(len(row) for row in rows)
    return torch.tensor([list(row) + [value] * (length - len(row)) for row in rows])


class MaskingCollator:
    """Pads a list of ``{"input_ids", "word_ids"}`` items and masks them afresh each time
    (dynamic masking: every epoch sees other masks), for training; items masked once already
    (``{"input_ids", "labels"}``, validation) are only padded.

    Args:
        rule: how tokens are hidden.
        pad_id: the tokenizer's padding id.
    """

    def __init__(self, rule: MaskingRule, pad_id: int):
        self.rule = rule
        self.pad_id = pad_id

    def __call__(self, items: Sequence[dict]) -> dict[str, torch.Tensor]:
        if "labels" in items[0]:  # masked once already (validation): pad only
            return PaddingCollator(self.pad_id)(items)
        input_ids = pad_rows([item["input_ids"] for item in items], self.pad_id)  # (B, T)
        word_ids = pad_rows([item["word_ids"] for item in items], NO_WORD)  # (B, T)
        attention = pad_rows([[1] * len(item["input_ids"]) for item in items], 0)
        inputs, labels = mask_tokens(input_ids, word_ids, self.rule)
        return {"input_ids": inputs, "attention_mask": attention, "labels": labels}


class PaddingCollator:
    """Pads items that are already masked (``{"input_ids", "labels"}``): validation."""

    def __init__(self, pad_id: int):
        self.pad_id = pad_id

    def __call__(self, items: Sequence[dict]) -> dict[str, torch.Tensor]:
        return {
            "input_ids": pad_rows([item["input_ids"] for item in items], self.pad_id),
            "attention_mask": pad_rows([[1] * len(item["input_ids"]) for item in items], 0),
            "labels": pad_rows([item["labels"] for item in items], IGNORE_INDEX),
        }


def fixed_masks(items: Sequence[dict], rule: MaskingRule, seed: int) -> list[dict]:
    """Mask every item once, with a generator seeded by ``seed``, item by item in order: the
    same texts get the same masks in every evaluation, before and after training, whatever
    the batch size.

    Returns:
        ``{"input_ids", "labels"}`` per item.
    """
    generator = torch.Generator().manual_seed(seed)
    masked = []
    for item in items:
        ids = torch.tensor([item["input_ids"]])  # (1, T)
        words = torch.tensor([item["word_ids"]])  # (1, T)
        inputs, labels = mask_tokens(ids, words, rule, generator)
        masked.append({"input_ids": inputs[0].tolist(), "labels": labels[0].tolist()})
    return masked
