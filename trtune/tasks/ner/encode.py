"""Words and their tags -> sub-word model inputs with one label per sub-word.

A sentence is tokenized as one text (its words joined by spaces in training; the user's
text as typed in prediction), and each sub-word is given the word its first character falls
in, by the tokenizer's character offsets. The word's tag goes on its first sub-word; its
later sub-words (``İngiltere'de`` -> ``İngiltere`` ``'`` ``de``: one word, three sub-words)
learn ``I-TYPE`` with ``subword_labels="all"`` or are left out of the loss
(:data:`~trtune.run.trainer.IGNORE_INDEX`) with ``"first"``; special tokens always are.
Prediction reads a word's tag from its first sub-word either way.

Tokenizing the text rather than a list of words gives exactly the sub-words that
``transformers.pipeline("token-classification")`` sees, for any tokenizer.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from trtune.errors import UserError
from trtune.run.trainer import IGNORE_INDEX
from trtune.tasks.ner.tags import inside
from trtune.tasks.ner.words import join_words

NO_WORD = -1  # a special token, or one outside every word


@dataclass
class Aligned:
    """One tokenized sentence: its ids and, per token, the word it belongs to."""

    input_ids: list[int]
    attention_mask: list[int]
    token_words: list[int]  # (T,) word index per token, NO_WORD for special tokens
    offsets: list[tuple[int, int]]  # (T,) character span of each token in the text

    def first_tokens(self, n_words: int) -> list[int]:
        """Per word, the index of its first token (``NO_WORD`` when it has none: cut off
        by the length limit, or nothing of it is a token)."""
        first = [NO_WORD] * n_words
        for t, w in enumerate(self.token_words):
            if w != NO_WORD and first[w] == NO_WORD:
                first[w] = t
        return first


def require_fast(tokenizer) -> None:
    """Sub-words are matched to words by character offsets: only fast tokenizers have them.

    Raises:
        UserError: a slow (pure Python) tokenizer.
    """
    if not getattr(tokenizer, "is_fast", False):
        raise UserError(
            f"NER needs a fast tokenizer (with character offsets); {type(tokenizer).__name__} "
            "is not one: save the model with its tokenizer.json"
        )


def _word_of(start: int, starts: list[int], ends: list[int]) -> int:
    """The word a token starting at character ``start`` belongs to: the word holding that
    character, else the next word (a token that starts on a space)."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and start < ends[i]:
        return i
    return i + 1 if i + 1 < len(starts) else NO_WORD


def align(
    tokenizer,
    texts: Sequence[str],
    word_spans: Sequence[Sequence[tuple[int, int]]],
    max_length: int | None,
) -> list[Aligned]:
    """Tokenize ``texts`` and give every token its word (``word_spans``: each word's
    ``(start, end)`` in its text). ``max_length`` cuts (``None``: no cut)."""
    require_fast(tokenizer)
    if not texts:
        return []
    encoded = tokenizer(
        list(texts),
        truncation=max_length is not None,
        max_length=max_length,
        return_offsets_mapping=True,
    )
    out = []
    for i, spans in enumerate(word_spans):
        starts, ends = [s for s, _ in spans], [e for _, e in spans]
        pieces = encoded.word_ids(i)  # None for special tokens
        offsets = [tuple(o) for o in encoded["offset_mapping"][i]]
        words = [
            NO_WORD if piece is None or s == e else _word_of(s, starts, ends)
            for piece, (s, e) in zip(pieces, offsets, strict=True)
        ]
        out.append(Aligned(encoded["input_ids"][i], encoded["attention_mask"][i], words, offsets))
    return out


def token_labels(
    aligned: Aligned, tag_ids: Sequence[int], continuation_ids: Sequence[int], all_subwords: bool
) -> list[int]:
    """``(T,)`` labels: the word's tag id on its first token, ``continuation_ids`` (the
    ``I-`` form) on its later tokens when ``all_subwords``, else :data:`IGNORE_INDEX`."""
    labels = []
    seen: set[int] = set()
    for w in aligned.token_words:
        if w == NO_WORD:
            labels.append(IGNORE_INDEX)
        elif w not in seen:
            seen.add(w)
            labels.append(tag_ids[w])
        else:
            labels.append(continuation_ids[w] if all_subwords else IGNORE_INDEX)
    return labels


class TaggedSentences(torch.utils.data.Dataset):
    """Sentences as model inputs (unpadded) with per-token labels.

    Attributes:
        truncated: sentences that lost words to ``max_length``.
    """

    def __init__(
        self,
        tokenizer,
        sentences,
        label_ids: dict[str, int],
        max_length: int,
        all_subwords: bool,
    ):
        joined = [join_words(list(s.words)) for s in sentences]
        aligned = align(tokenizer, [t for t, _ in joined], [s for _, s in joined], max_length)
        self.items = []
        self.truncated = 0
        for sentence, item in zip(sentences, aligned, strict=True):
            tags = [label_ids[t] for t in sentence.tags]
            continuation = [label_ids[inside(t)] for t in sentence.tags]
            labels = token_labels(item, tags, continuation, all_subwords)
            self.truncated += NO_WORD in item.first_tokens(len(sentence.words))
            self.items.append(
                {
                    "input_ids": item.input_ids,
                    "attention_mask": item.attention_mask,
                    "labels": labels,
                }
            )

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> dict:
        return self.items[index]

    @property
    def lengths(self) -> list[int]:
        """Tokens per sentence: the trainer's sampler batches similar lengths together."""
        return [len(item["input_ids"]) for item in self.items]
