"""`--model tiny` has its own defaults: with no other flag, the random tiny BERT learns enough
to beat the majority label, on the bundled reviews and on a real review sample."""

from __future__ import annotations

import csv
import random
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import shared_file
from trtune.data import load_labeled
from trtune.tasks.classify.settings import ClassifySettings
from trtune.tasks.classify.train import train_classifier

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data" / "yorumlar.csv"


def _majority(path, label_map=None) -> float:
    labels = [e.label for e in load_labeled(path, label_map=label_map).examples]
    return Counter(labels).most_common(1)[0][1] / len(labels)


def test_tiny_defaults_are_their_own():
    tiny = ClassifySettings(data="d.csv", out="o")
    pretrained = ClassifySettings(data="d.csv", out="o", model="some/model")
    assert (tiny.epochs, tiny.lr, tiny.batch_size) == (8, 1e-3, 16)
    assert (pretrained.epochs, pretrained.lr, pretrained.batch_size) == (3, 1e-4, 32)


@pytest.mark.slow
def test_tiny_with_no_flags_beats_the_majority_on_the_bundled_reviews(tmp_path):
    result = train_classifier(ClassifySettings(data=str(SAMPLE), out=str(tmp_path / "t")))
    assert result.metrics["accuracy"] > _majority(SAMPLE) + 0.3


@pytest.mark.slow
@pytest.mark.realdata
def test_tiny_with_no_flags_beats_the_majority_on_2000_real_reviews(tmp_path):
    source = shared_file("sentiment", "eticaret_urun_yorumlari.csv")
    names = {"0": "negative", "1": "positive", "2": "neutral"}
    examples = load_labeled(source, label_map=names).examples
    random.Random(0).shuffle(examples)
    sample = tmp_path / "sample.csv"
    with sample.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [("yorum", "durum")] + [(e.text, e.label) for e in examples[:2000]]
        )
    result = train_classifier(ClassifySettings(data=str(sample), out=str(tmp_path / "t")))
    majority = _majority(sample)
    assert result.metrics["accuracy"] > majority + 0.15, (result.metrics["accuracy"], majority)
    predicted = [sum(column) for column in zip(*result.metrics["confusion_matrix"], strict=True)]
    assert sum(1 for count in predicted if count) >= 2  # not one label for everything
