"""Turkish-aware word boundaries, and which word each token of a tokenizer belongs to.

Whole-word masking, the fill-in probes and the tokenizer report all need to know where the
words of a text are and which tokens make each one. Tokenizers disagree about words (BERT's
pre-tokenizer cuts ``Ankara'da`` into ``Ankara``, ``'`` and ``da``; a byte-level BPE glues
the leading space to the word), so the words are found once, in the text itself:

- a word is a run of letters and digits, and an apostrophe followed by more letters keeps
  going: ``Ankara'da``, ``İstanbul'un``, ``TBMM’de`` are one word each (a proper noun and
  its suffix, written apart only by the apostrophe Turkish spelling asks for);
- any other character that is not a space (``.``, ``,``, ``!``) is a word of its own.

Tokens are then mapped to words through the fast tokenizer's character offsets: a token
belongs to the first word its characters overlap. Plain Python: no ``transformers`` import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Letters/digits (\w without the underscore) with any combining marks (the dot of a
# decomposed İ), optionally joined by apostrophes to suffixes.
_LETTERS = r"(?:[^\W_][\u0300-\u036f]*)+"
WORD_RE = re.compile(rf"{_LETTERS}(?:['’`]{_LETTERS})*|[^\w\s]|_")
APOSTROPHES = "'’`"
NO_WORD = -1  # the word index of special tokens, padding and spaces


def word_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character spans of the words of ``text`` (punctuation included).

    >>> [("Ankara'da güzel."[s:e]) for s, e in word_spans("Ankara'da güzel.")]
    ["Ankara'da", 'güzel', '.']
    """
    return [m.span() for m in WORD_RE.finditer(text)]


def is_letter_word(word: str) -> bool:
    """Whether ``word`` holds letters (not punctuation or a number alone)."""
    return any(ch.isalpha() for ch in word)


def has_apostrophe_suffix(word: str) -> bool:
    """Whether ``word`` is a stem and a suffix joined by an apostrophe (``Ankara'da``)."""
    return any(ch in APOSTROPHES for ch in word) and is_letter_word(word)


def char_word_index(text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[int]:
    """For every character of ``text``, the index of its word (:data:`NO_WORD` for spaces)."""
    owner = [NO_WORD] * len(text)
    for index, (start, end) in enumerate(word_spans(text) if spans is None else spans):
        for position in range(start, end):
            owner[position] = index
    return owner


def token_word_ids(
    offsets: Sequence[tuple[int, int]], owner: Sequence[int], special: Sequence[int] | None = None
) -> list[int]:
    """The word index of each token: the first word its characters ``[start, end)`` overlap.

    Args:
        offsets: ``(start, end)`` per token from a fast tokenizer's ``offset_mapping``.
        owner: :func:`char_word_index` of the same text.
        special: 1 for special tokens (``[CLS]``, ``</s>``), which belong to no word.

    Returns:
        One index per token; :data:`NO_WORD` for special tokens and tokens of spaces only.
    """
    ids = []
    for i, (start, end) in enumerate(offsets):
        word = NO_WORD
        if not (special is not None and special[i]):
            for position in range(max(start, 0), min(end, len(owner))):
                if owner[position] != NO_WORD:
                    word = owner[position]
                    break
        ids.append(word)
    return ids


def renumber(word_ids: Sequence[int], start: int) -> tuple[list[int], int]:
    """``word_ids`` shifted so that its words are numbered from ``start`` on (texts packed
    into one block keep distinct words); returns the ids and the next free number."""
    shifted = [w + start if w != NO_WORD else NO_WORD for w in word_ids]
    used = [w for w in word_ids if w != NO_WORD]
    return shifted, start + (max(used) + 1 if used else 0)
