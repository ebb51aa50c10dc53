"""Entity scores (seqeval, strict IOB2) and the most-frequent-tag baseline, golden numbers."""

from __future__ import annotations

import pytest

from trtune.tasks.ner.baseline import MostFrequentTag
from trtune.tasks.ner.data import Sentence
from trtune.tasks.ner.metrics import entity_metrics, sentence_errors, type_confusion


def test_strict_entity_scores_by_hand():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O", "B-PER"]]
    predicted = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "O", "B-PER"]]
    # 4 gold entities; predicted PER, ORG(wrong), ORG, PER: 3 right of 4 predicted
    m = entity_metrics(gold, predicted)
    assert m["precision"] == pytest.approx(0.75) and m["recall"] == pytest.approx(0.75)
    assert m["f1"] == pytest.approx(0.75)
    assert m["accuracy"] == pytest.approx(6 / 7)
    assert m["per_type"]["PER"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2}
    assert m["per_type"]["LOC"]["recall"] == 0.0 and m["per_type"]["ORG"]["precision"] == 0.5
    assert list(m["per_type"]) == ["PER", "LOC", "ORG"]  # by support


def test_boundaries_must_match_and_predictions_are_decoded_first():
    gold = [["B-PER", "I-PER", "O"]]
    assert entity_metrics(gold, [["B-PER", "O", "O"]])["f1"] == 0.0  # half an entity is wrong
    # an I- after O is read as the start of an entity, as the pipeline groups it
    assert entity_metrics(gold, [["I-PER", "I-PER", "O"]])["f1"] == 1.0
    assert entity_metrics([["O", "O"]], [["O", "O"]])["f1"] == 0.0  # nothing to find


def test_type_confusion_per_word_and_sentence_errors():
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    predicted = [["B-PER", "B-LOC", "O", "O"]]
    names, matrix = type_confusion(gold, predicted, ["PER", "LOC"])
    assert names == ["LOC", "PER", "O"]
    assert matrix == [[0, 0, 1], [1, 1, 0], [0, 0, 1]]
    assert sentence_errors(gold[0], predicted[0]) == 4  # 2 missed, 2 wrong


def test_most_frequent_tag_baseline():
    train = [
        Sentence(("Ankara", "güzel"), ("B-LOC", "O"), 1),
        Sentence(("Ankara", "Gücü"), ("B-ORG", "I-ORG"), 2),
        Sentence(("Ankara", "'da"), ("B-LOC", "O"), 3),
        Sentence(("Gücü",), ("O",), 4),
    ]
    baseline = MostFrequentTag.fit(train)
    assert baseline.predict([["Ankara", "Gücü", "İzmir"]]) == [["B-LOC", "I-ORG", "O"]]
    # a tie (Gücü: I-ORG once, O once) goes to the tag first in alphabetical order
    assert baseline.table["Gücü"] == "I-ORG"
    m = entity_metrics([["B-ORG", "I-ORG", "O"]], baseline.predict([["Ankara", "Gücü", "x"]]))
    assert m["f1"] == 0.0 and m["precision"] == 0.0  # LOC + a decoded ORG, both wrong
