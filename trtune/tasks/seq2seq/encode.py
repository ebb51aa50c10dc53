"""Pairs -> model inputs: the prefixed source as ``input_ids``, the target as ``labels``.

Sources and targets are tokenized once, without padding. A target longer than the limit is
dropped (cut, it would teach the model to stop mid-sentence); so is a longer source, except
for summaries, whose long documents are cut (the lead holds most of what a summary says).
The collator pads each batch to its longest source and longest target, labels with ``-100``
so that padding is left out of the loss; :class:`~trtune.run.trainer.TrtuneTrainer` pads
less still (length-sorted micro-batches on one CPU process, length-grouped batches on GPUs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch
from transformers import DataCollatorForSeq2Seq, PreTrainedTokenizerBase

from trtune.run.trainer import IGNORE_INDEX
from trtune.tasks.seq2seq.pairs import Drops, Pair


class EncodedPairs(torch.utils.data.Dataset):
    """Tokenized pairs (unpadded): ``input_ids``, ``attention_mask``, ``labels``."""

    def __init__(self, items: list[dict[str, list[int]]]):
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> dict[str, list[int]]:
        return self.items[index]

    @property
    def lengths(self) -> list[int]:
        """Source plus target tokens of each pair: the sampler batches similar ones."""
        return [len(i["input_ids"]) + len(i["labels"]) for i in self.items]

    def token_count(self) -> int:
        """Source and target tokens over the whole set (tokens/s is counted in these)."""
        return sum(self.lengths)


@dataclass(frozen=True)
class Limits:
    """How long a pair may be, and what happens to a longer source."""

    source: int
    target: int
    cut_sources: bool  # summaries: cut; other tasks: drop


def encode_pairs(
    tokenizer: PreTrainedTokenizerBase,
    pairs: Sequence[Pair],
    prefix: str,
    limits: Limits,
    drops: Drops | None = None,
) -> tuple[EncodedPairs, list[Pair]]:
    """The dataset of ``pairs`` and the pairs it kept (over-long ones counted in ``drops``)."""
    sources = tokenizer([prefix + p.source for p in pairs])["input_ids"]
    targets = tokenizer(text_target=[p.target for p in pairs])["input_ids"]
    items, kept = [], []
    for pair, source, target in zip(pairs, sources, targets, strict=True):
        if len(target) > limits.target:
            if drops is not None:
                drops.add("target_too_long", pair.row)
            continue
        if len(source) > limits.source:
            if not limits.cut_sources:
                if drops is not None:
                    drops.add("source_too_long", pair.row)
                continue
            source = source[: limits.source - 1] + source[-1:]  # keep the closing </s>
        items.append({"input_ids": source, "attention_mask": [1] * len(source), "labels": target})
        kept.append(pair)
    return EncodedPairs(items), kept


def seq2seq_collator(tokenizer: PreTrainedTokenizerBase) -> DataCollatorForSeq2Seq:
    """Pads sources with the pad token and labels with ``-100`` (left out of the loss); the
    model builds its decoder inputs from the labels (shifted right, starting at its start
    token)."""
    return DataCollatorForSeq2Seq(tokenizer, label_pad_token_id=IGNORE_INDEX, padding=True)
