"""Segments -> token ids and labels; truncation, packing and batching.

Labels follow the Hugging Face convention: ``labels[t]`` is the token at position ``t``
and is predicted from positions ``< t``; ``-100`` marks tokens left out of the loss
(prompts of instruction and chat data, padding, the first token of each packed example).

Packing (``--pack``) places whole examples one after another in blocks of ``max_length``
tokens (first-fit decreasing, so blocks come out nearly full) and restarts
``position_ids`` at 0 for every example. With no attention mask, transformers (>= 4.56)
reads those restarts as sequence boundaries and builds a block-diagonal causal mask, so
packed examples do not attend to each other (``tests/lm`` checks this for GPT-2). Models
whose attention ignores this would let examples see earlier ones in the same block,
separated only by EOS.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from transformers import PreTrainedTokenizerBase

from trtune.tasks.lm.formats import DropReport, Record
from trtune.tasks.lm.templates import Segment, render_record

IGNORE_INDEX = -100


@dataclass
class Encoded:
    """One tokenised example: ``input_ids`` and ``labels`` of equal length."""

    input_ids: list[int]
    labels: list[int]
    row: int


def encode_segments(
    segments: list[Segment], tokenizer: PreTrainedTokenizerBase, max_length: int, row: int = 0
) -> Encoded | None:
    """Tokenise ``segments``; trained segments keep labels, the rest get -100.

    The sequence always ends with EOS: a sequence longer than ``max_length`` is cut to
    ``max_length - 1`` tokens and EOS is appended. Returns None when no trained token other
    than that EOS survives the cut (the response was truncated away).
    """
    eos = tokenizer.eos_token_id
    ids: list[int] = []
    labels: list[int] = []
    for segment in segments:
        piece = tokenizer(segment.text, add_special_tokens=False)["input_ids"]
        if segment.eos_after:
            piece = piece + [eos]
        ids += piece
        labels += piece if segment.train else [IGNORE_INDEX] * len(piece)
    if not ids or ids[-1] != eos:
        last_trained = bool(segments) and segments[-1].train
        ids.append(eos)
        labels.append(eos if last_trained else IGNORE_INDEX)
    if len(ids) > max_length:
        final_label = eos if any(lab != IGNORE_INDEX for lab in labels[max_length - 1 :]) else None
        ids = ids[: max_length - 1] + [eos]
        labels = labels[: max_length - 1] + [final_label if final_label is not None else -100]
    if not any(lab not in (IGNORE_INDEX, eos) for lab in labels):
        return None
    return Encoded(ids, labels, row)


def _chunk_text(
    record: Record, tokenizer: PreTrainedTokenizerBase, max_length: int
) -> list[Encoded]:
    """Plain text longer than ``max_length`` is split into several examples, not cut."""
    assert record.text is not None
    ids = tokenizer(record.text, add_special_tokens=False)["input_ids"]
    ids = ids + [tokenizer.eos_token_id]
    step = max_length
    return [
        Encoded(ids[i : i + step], list(ids[i : i + step]), record.row)
        for i in range(0, len(ids), step)
        if len(ids[i : i + step]) > 1
    ]


def encode_records(
    records: list[Record],
    tokenizer: PreTrainedTokenizerBase,
    template: str,
    max_length: int,
    drops: DropReport | None = None,
) -> list[Encoded]:
    """Render and tokenise every record; count those whose response was cut away."""
    out: list[Encoded] = []
    for record in records:
        if record.text is not None:
            out += _chunk_text(record, tokenizer, max_length)
            continue
        encoded = encode_segments(render_record(record, template, tokenizer), tokenizer, max_length)
        if encoded is None:
            if drops is not None:
                drops.drop("response truncated away (raise --max-length)", record.row)
                drops.kept -= 1
            continue
        encoded.row = record.row
        out.append(encoded)
    return out


@dataclass
class Batch:
    """Tensors for one step; ``attention_mask`` is None for packed blocks."""

    input_ids: torch.Tensor  # (B, T)
    labels: torch.Tensor  # (B, T)
    attention_mask: torch.Tensor | None  # (B, T) or None
    position_ids: torch.Tensor | None  # (B, T) or None
    tokens: int = 0  # real (not padding) tokens

    def to(self, device: torch.device | str) -> Batch:
        def move(t: torch.Tensor | None) -> torch.Tensor | None:
            return None if t is None else t.to(device)

        moved = [move(t) for t in (self.input_ids, self.labels, self.attention_mask)]
        return Batch(*moved, move(self.position_ids), self.tokens)

    def model_inputs(self) -> dict[str, torch.Tensor]:
        inputs = {"input_ids": self.input_ids}
        if self.attention_mask is not None:
            inputs["attention_mask"] = self.attention_mask
        if self.position_ids is not None:
            inputs["position_ids"] = self.position_ids
        return inputs

    def rows(self, start: int, stop: int) -> Batch:
        """Rows ``start:stop`` as a micro-batch, at full width (see :meth:`select`)."""
        count, width = self.input_ids.shape
        return self.select(list(range(start, min(stop, count))), width)

    def select(self, rows: list[int], width: int) -> Batch:
        """Rows ``rows`` cut to their first ``width`` columns (padded rows: ``width`` at
        least their longest, so only padding is cut); ``tokens`` recounted from the attention
        mask, 0 for packed rows, whose padding only the caller's pad id tells apart."""
        index = torch.tensor(rows, dtype=torch.long)

        def cut(t: torch.Tensor | None) -> torch.Tensor | None:
            return None if t is None else t.index_select(0, index)[:, :width]

        mask = cut(self.attention_mask)
        tokens = 0 if mask is None else int(mask.sum())
        return Batch(cut(self.input_ids), cut(self.labels), mask, cut(self.position_ids), tokens)

    @property
    def trained_tokens(self) -> int:
        return int((self.labels[:, 1:] != IGNORE_INDEX).sum())


def pad_batch(examples: list[Encoded], pad_id: int, pad_to: int | None = None) -> Batch:
    """Right-pad to the longest example in the batch (dynamic padding), or to ``pad_to``."""
    width = pad_to or max(len(e.input_ids) for e in examples)
    ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    labels = torch.full_like(ids, IGNORE_INDEX)
    mask = torch.zeros_like(ids)
    for i, e in enumerate(examples):
        n = len(e.input_ids)
        ids[i, :n] = torch.tensor(e.input_ids)
        labels[i, :n] = torch.tensor(e.labels)
        mask[i, :n] = 1
    return Batch(ids, labels, mask, None, int(mask.sum()))


def pack_examples(examples: list[Encoded], max_length: int) -> list[list[Encoded]]:
    """Group whole examples into blocks of at most ``max_length`` tokens (first-fit decreasing).

    Each example goes into the first block with room for it, longest first, which leaves
    blocks nearly full; the block order then follows the first example's position.
    """
    order = sorted(range(len(examples)), key=lambda i: -len(examples[i].input_ids))
    blocks: list[list[int]] = []
    room: list[int] = []
    for i in order:
        n = len(examples[i].input_ids)
        for b, free in enumerate(room):
            if free >= n:
                blocks[b].append(i)
                room[b] -= n
                break
        else:
            blocks.append([i])
            room.append(max_length - n)
    blocks.sort(key=min)
    return [[examples[i] for i in sorted(block)] for block in blocks]


def packed_batch(blocks: list[list[Encoded]], max_length: int, pad_id: int) -> Batch:
    """Concatenate each block's examples into one row; positions restart per example."""
    width = min(max_length, max(sum(len(e.input_ids) for e in block) for block in blocks))
    ids = torch.full((len(blocks), width), pad_id, dtype=torch.long)
    labels = torch.full_like(ids, IGNORE_INDEX)
    positions = torch.zeros_like(ids)
    total = 0
    for row, block in enumerate(blocks):
        start = 0
        for e in block:
            n = len(e.input_ids)
            ids[row, start : start + n] = torch.tensor(e.input_ids)
            labels[row, start : start + n] = torch.tensor(e.labels)
            # The first token is never predicted from the previous example.
            labels[row, start] = IGNORE_INDEX
            positions[row, start : start + n] = torch.arange(n)
            start += n
        total += start
        # Padding forms its own "sequence" so that it does not extend the last example.
        positions[row, start:] = torch.arange(width - start)
    return Batch(ids, labels, None, positions, total)


def make_batches(
    examples: list[Encoded],
    batch_size: int,
    max_length: int,
    pad_id: int,
    pack: bool,
    generator: torch.Generator | None = None,
    pad_to_max_length: bool = False,
) -> list[Batch]:
    """Split ``examples`` into batches, shuffled when a generator is given.

    With ``pack`` every batch holds ``batch_size`` packed blocks of up to ``max_length``;
    without it, sequences are padded to the batch's longest (or to ``max_length`` when
    ``pad_to_max_length``, the static padding many trainers use).
    """
    if pack:
        units: list[list[Encoded]] = pack_examples(examples, max_length)
    else:
        units = [[e] for e in examples]
    order = list(range(len(units)))
    if generator is not None:
        order = torch.randperm(len(units), generator=generator).tolist()
    batches = []
    for start in range(0, len(order), batch_size):
        chunk = [units[i] for i in order[start : start + batch_size]]
        if pack:
            batches.append(packed_batch(chunk, max_length, pad_id))
        else:
            pad_to = max_length if pad_to_max_length else None
            batches.append(pad_batch([u[0] for u in chunk], pad_id, pad_to))
    return batches
