"""Raw text -> words with their character offsets, cut the way Turkish NER corpora cut them.

Whitespace separates words; punctuation at a word's edges (``(``, ``,``, ``.``, quotes...)
becomes a word of its own; punctuation inside a word stays: the apostrophe before a Turkish
suffix (``İngiltere'de``, ``1919'da``, ``Samsun'a``), decimal points and times (``3.5``,
``22:00``), ``R&B``. This is how ``turkish_wiki_ner`` is tokenized, so a sentence typed
by a user is cut into the same kind of words the model was trained on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CHUNK = re.compile(r"\S+")


@dataclass(frozen=True)
class Word:
    """A word and where it stands in its text: ``text[start:end] == word``."""

    text: str
    start: int
    end: int


_KEPT = "%#@&"  # punctuation that belongs to its word: %80'i, #etiket, @kullanıcı, R&B


def _is_punctuation(char: str) -> bool:
    """Unicode punctuation (``P*``) but :data:`_KEPT`, and ``` ^ | ~``; other symbols (``$ +
    < = >``) stay in the word: ``C++``, ``UTC+3``."""
    if char in _KEPT:
        return False
    return unicodedata.category(char).startswith("P") or char in "`^|~"


def _cut_chunk(chunk: str, offset: int) -> list[Word]:
    """One whitespace-free chunk -> leading punctuation, the word, trailing punctuation."""
    lo, hi = 0, len(chunk)
    while lo < hi and _is_punctuation(chunk[lo]):
        lo += 1
    while hi > lo and _is_punctuation(chunk[hi - 1]):
        hi -= 1
    words = [Word(chunk[i], offset + i, offset + i + 1) for i in range(lo)]
    if hi > lo:
        words.append(Word(chunk[lo:hi], offset + lo, offset + hi))
    words += [Word(chunk[i], offset + i, offset + i + 1) for i in range(hi, len(chunk))]
    return words


def split_words(text: str) -> list[Word]:
    """The words of ``text`` with their offsets.

    >>> [w.text for w in split_words("Atatürk 19 Mayıs 1919'da Samsun'a çıktı.")]
    ['Atatürk', '19', 'Mayıs', "1919'da", "Samsun'a", 'çıktı', '.']
    """
    words: list[Word] = []
    for match in _CHUNK.finditer(text):
        words += _cut_chunk(match.group(), match.start())
    return words


def join_words(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Words of a tokenized sentence -> the text they make, joined by single spaces, and each
    word's ``(start, end)`` in it (how training sentences meet the tokenizer)."""
    spans = []
    position = 0
    for word in words:
        spans.append((position, position + len(word)))
        position += len(word) + 1
    return " ".join(words), spans
