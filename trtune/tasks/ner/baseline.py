"""The baseline beside every tagger: each word's most frequent tag in the training data.

A word never seen in training is tagged ``O``. Ties go to the tag first in alphabetical
order, so the baseline is the same on every run. It is scored exactly as the model is
(:func:`~trtune.tasks.ner.metrics.entity_metrics`: its tags are decoded the same way), so
the two numbers can stand side by side; it shows how much of the F1 a lookup table already
gets (names that are always names, months that are always dates).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from trtune.run.outdir import atomic_write_json
from trtune.tasks.ner.tags import OUTSIDE

BASELINE_FILE = "most_frequent_tag.json"


class MostFrequentTag:
    """A word -> tag table."""

    def __init__(self, table: dict[str, str]):
        self.table = table

    @classmethod
    def fit(cls, sentences) -> MostFrequentTag:
        """Count the tags of every word of ``sentences`` (objects with ``words`` and
        ``tags``) and keep the most frequent one."""
        counts: dict[str, Counter] = defaultdict(Counter)
        for sentence in sentences:
            for word, tag in zip(sentence.words, sentence.tags, strict=True):
                counts[word][tag] += 1
        table = {
            word: min(tags.items(), key=lambda item: (-item[1], item[0]))[0]
            for word, tags in counts.items()
        }
        return cls(table)

    def predict(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags per word of each sentence (a list of words)."""
        return [[self.table.get(word, OUTSIDE) for word in words] for words in sentences]

    def save(self, folder: str | Path) -> Path:
        """``folder/most_frequent_tag.json`` (word -> tag, only words not tagged ``O``: the
        rest are ``O`` anyway)."""
        kept = {w: t for w, t in sorted(self.table.items()) if t != OUTSIDE}
        return atomic_write_json(
            Path(folder) / BASELINE_FILE, {"rule": "most frequent tag", "table": kept}
        )
