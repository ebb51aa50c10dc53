"""Texts -> model inputs for masked-LM training: one example per text (line by line), or
the texts packed into blocks of ``max_length`` tokens.

Each example carries ``word_ids`` beside ``input_ids`` (see
:mod:`trtune.tasks.mask.words`), so that masking can hide whole words. Line by line, a text
longer than ``max_length`` is cut; packed, texts follow each other separated by the
tokenizer's separator token and every block is wrapped in the special tokens a single
sentence gets (``[CLS] ... [SEP]``), so no token is thrown away and no padding is needed.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from transformers import PreTrainedTokenizerBase

from trtune.errors import UserError
from trtune.tasks.mask.words import NO_WORD, char_word_index, renumber, token_word_ids

ENCODE_BATCH = 1000  # texts per tokenizer call


def _encode(
    tokenizer: PreTrainedTokenizerBase, texts: Sequence[str], special: bool, max_length: int | None
) -> list[tuple[list[int], list[int]]]:
    """``(input_ids, word_ids)`` per text, with or without the special tokens."""
    if not tokenizer.is_fast:
        raise UserError(
            "masked-LM training needs a fast tokenizer (one with a tokenizer.json): word "
            "boundaries come from its character offsets"
        )
    encoded: list[tuple[list[int], list[int]]] = []
    for start in range(0, len(texts), ENCODE_BATCH):
        chunk = list(texts[start : start + ENCODE_BATCH])
        batch = tokenizer(
            chunk,
            add_special_tokens=special,
            truncation=max_length is not None,
            max_length=max_length,
            return_offsets_mapping=True,
            return_special_tokens_mask=True,
        )
        for i, text in enumerate(chunk):
            words = token_word_ids(
                batch["offset_mapping"][i], char_word_index(text), batch["special_tokens_mask"][i]
            )
            encoded.append((batch["input_ids"][i], words))
    return encoded


def encode_lines(
    tokenizer: PreTrainedTokenizerBase, texts: Sequence[str], max_length: int
) -> list[dict]:
    """One example per text, cut to ``max_length`` tokens (special tokens included)."""
    return [
        {"input_ids": ids, "word_ids": words}
        for ids, words in _encode(tokenizer, texts, True, max_length)
    ]


def _separator(tokenizer: PreTrainedTokenizerBase) -> list[int]:
    for token_id in (tokenizer.sep_token_id, tokenizer.eos_token_id):
        if token_id is not None:
            return [token_id]
    return []


def special_frame(tokenizer: PreTrainedTokenizerBase) -> tuple[list[int], list[int]]:
    """The special tokens a single sentence gets before and after its own tokens
    (``[CLS]`` / ``[SEP]``, ``<s>`` / ``</s>``), read off by encoding a short text with and
    without them (not every tokenizer class has ``build_inputs_with_special_tokens``)."""
    framed = tokenizer("a", add_special_tokens=True)["input_ids"]
    bare = tokenizer("a", add_special_tokens=False)["input_ids"]
    for start in range(len(framed) - len(bare) + 1):
        if framed[start : start + len(bare)] == bare:
            return framed[:start], framed[start + len(bare) :]
    return [], []


def encode_blocks(
    tokenizer: PreTrainedTokenizerBase, texts: Sequence[str], max_length: int
) -> list[dict]:
    """The texts one after the other (separator between them), cut into blocks of
    ``max_length`` tokens including each block's special tokens; the last block may be
    shorter."""
    before, after = special_frame(tokenizer)
    inner = max_length - len(before) - len(after)
    if inner < 2:
        raise UserError(f"--max-length {max_length} leaves no room for text in a block")
    stream: list[int] = []
    stream_words: list[int] = []
    next_word = 0
    separator = _separator(tokenizer)
    for ids, words in _encode(tokenizer, texts, False, None):
        if stream and separator:
            stream += separator
            stream_words += [NO_WORD] * len(separator)
        shifted, next_word = renumber(words, next_word)
        stream += ids
        stream_words += shifted
    blocks = []
    for start in range(0, len(stream), inner):
        words = [NO_WORD] * len(before) + stream_words[start : start + inner]
        blocks.append(
            {
                "input_ids": before + stream[start : start + inner] + after,
                "word_ids": _first_word_zero(words + [NO_WORD] * len(after)),
            }
        )
    return blocks


def _first_word_zero(word_ids: list[int]) -> list[int]:
    """Word ids renumbered from 0 within a block (masking draws one number per word)."""
    order: dict[int, int] = {}
    return [NO_WORD if w == NO_WORD else order.setdefault(w, len(order)) for w in word_ids]


class MaskedLMExamples(torch.utils.data.Dataset):
    """Encoded examples (``input_ids``, ``word_ids``; or ``input_ids``, ``labels`` once
    masked), with their lengths for length-aware batching."""

    def __init__(self, items: list[dict]):
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> dict:
        return self.items[index]

    @property
    def lengths(self) -> list[int]:
        """Tokens per example."""
        return [len(item["input_ids"]) for item in self.items]


def encode_texts(
    tokenizer: PreTrainedTokenizerBase, texts: Sequence[str], max_length: int, pack: bool
) -> list[dict]:
    """Blocks (``pack``) or one example per text."""
    encoder = encode_blocks if pack else encode_lines
    return encoder(tokenizer, texts, max_length)
