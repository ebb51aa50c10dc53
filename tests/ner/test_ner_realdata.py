"""The Turkish Wikipedia NER files of ../shared/data: read whole, and the baseline's figure."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli, shared_file
from trtune.tasks.ner.baseline import MostFrequentTag
from trtune.tasks.ner.data import load_ner_data
from trtune.tasks.ner.metrics import entity_metrics

pytestmark = [pytest.mark.realdata, pytest.mark.slow]


def test_wiki_ner_files_read_whole_and_the_baseline_scores_as_documented():
    train = load_ner_data(shared_file("ner", "turkish_wiki_ner_train.conll"))
    test = load_ner_data(shared_file("ner", "turkish_wiki_ner_test.conll"))
    assert (len(train.sentences), len(test.sentences)) == (17967, 1000)
    assert train.format == "conll" and train.scheme == "IOB2"
    assert not train.dropped and not train.repairs and len(train.types) == 19
    assert "İngiltere'de" in {w for s in train.sentences for w in s.words}
    baseline = MostFrequentTag.fit(train.sentences)
    gold = [list(s.tags) for s in test.sentences]
    m = entity_metrics(gold, baseline.predict([list(s.words) for s in test.sentences]))
    assert m["f1"] == pytest.approx(0.326, abs=5e-4)  # docs/ner.md quotes it


def test_data_inspect_shows_sentences_tokens_and_entities_per_type():
    result = run_cli("data", "inspect", str(shared_file("ner", "turkish_wiki_ner_dev.conll")),
                     "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["task"] == "ner" and summary["sentences"] == 1000
    assert summary["entity_counts"]["PERSON"] == 641 and summary["tokens"] == 16658
