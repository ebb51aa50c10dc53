"""End to end on a tiny BERT: ner train writes its folder, the folder predicts, evaluates and
loads with plain transformers.pipeline, which finds the same entities."""

from __future__ import annotations

import json

import pytest

from trtune.infer.ner import load_tagger
from trtune.tasks.ner.settings import NerSettings
from trtune.tasks.ner.train import train_ner
from trtune.tasks.ner.words import split_words

pytestmark = pytest.mark.slow  # trains a tiny model (about 10 s on an idle core)

SENTENCE = "Ayşe Demir 2020'de İzmir'den geldi."


@pytest.fixture(scope="module")
def finetuned(conll_file, tmp_path_factory):
    """A tiny BERT fine-tuned on the templated sentences (seed 42)."""
    out = tmp_path_factory.mktemp("runs") / "ner"
    return train_ner(NerSettings(data=[str(conll_file)], out=str(out), model="tiny"))


def test_output_folder_holds_model_metrics_baseline_report_and_record(finetuned):
    out = finetuned.out_dir
    for name in ["config.json", "model.safetensors", "tokenizer.json", "metrics.json",
                 "report.html", "README.md", "trtune.json", "baseline/most_frequent_tag.json",
                 "figures/f1.png", "figures/loss.png", "figures/type_confusion.png"]:  # fmt: skip
        assert (out / name).is_file(), name
    assert not list(out.rglob("*.tmp"))
    metrics = json.loads((out / "metrics.json").read_text())
    for key in ("precision", "recall", "f1", "accuracy", "per_type"):
        assert key in metrics and key in metrics["baseline"], key
    assert set(metrics["per_type"]) == {"PERSON", "GPE", "DATE", "ORG"}
    assert metrics["n_test"] == 13 and metrics["timing"]["train_samples_per_second"] > 0
    # context decides "Ankara" (a place or a club): the model learns it, a lookup cannot
    assert metrics["f1"] >= 0.9 and metrics["f1"] > metrics["baseline"]["f1"]
    assert metrics["baseline"]["f1"] == pytest.approx(0.8302, abs=1e-4)
    record = json.loads((out / "trtune.json").read_text())
    assert record["task"] == "ner" and record["command"] == "ner train"
    assert record["model"]["labels"][0] == "O" and len(record["model"]["labels"]) == 9
    assert record["data"]["split_sizes"] == {"train": 99, "validation": 12, "test": 13}
    assert record["data"]["drops"]["kept"] == 124 and len(record["data"]["sha256"]) == 64
    html = (out / "report.html").read_text()
    assert html.count("data:image/png;base64,") == 3
    assert html.count('<div class="sent">') == 13 and "<mark" in html and "<sup>ORG</sup>" in html


def test_predict_gives_entities_with_offsets_text_and_score(finetuned):
    tagger = load_tagger(finetuned.out_dir)
    (result,) = tagger.predict([SENTENCE])
    found = [(e.type, e.start, e.end, e.text) for e in result.entities]
    assert found == [("PERSON", 0, 10, "Ayşe Demir"), ("DATE", 11, 18, "2020'de"),
                     ("GPE", 19, 28, "İzmir'den")]  # fmt: skip
    assert all(0.5 < e.score <= 1.0 for e in result.entities)
    assert result.words == ["Ayşe", "Demir", "2020'de", "İzmir'den", "geldi", "."]


def test_the_folder_loads_with_the_transformers_pipeline_and_agrees(finetuned):
    from transformers import pipeline

    ner = pipeline("token-classification", model=str(finetuned.out_dir),
                   aggregation_strategy="simple", device="cpu")  # fmt: skip
    texts = [SENTENCE, "Mustafa Kemal 19 Mayıs 1919'da Samsun'a çıktı.",
             "Ankara Gücü kazandı.", "Orhan Pamuk sonra New York'ta yaşadı."]  # fmt: skip
    ours = load_tagger(finetuned.out_dir).predict(texts)
    for text, mine, theirs in zip(texts, ours, ner(texts), strict=True):
        expected = [(e["entity_group"], e["start"], e["end"]) for e in theirs]
        assert [(e.type, e.start, e.end) for e in mine.entities] == expected, text
        for a, b in zip(mine.entities, theirs, strict=True):
            assert a.score == pytest.approx(float(b["score"]), abs=1e-5)
    assert len(ours[3].entities) == 2 and ours[3].entities[1].text == "New York'ta"


def test_long_texts_are_tagged_in_pieces_of_whole_words(finetuned):
    tagger = load_tagger(finetuned.out_dir)
    text = " ".join([SENTENCE] * 12)
    whole = tagger.predict([text])[0]
    # the tiny model reads each copy in a different context: most, not all, come out alike
    types = [e.type for e in whole.entities]
    assert types[:3] == ["PERSON", "DATE", "GPE"] and 30 <= len(types) <= 42
    assert sum(t == "PERSON" for t in types) >= 10
    tagger.max_length = 16  # a few words a piece
    spans = [(w.start, w.end) for w in split_words(text)]
    segments, _ = tagger._segments([text], [spans])
    assert len(segments) > 6 and sum(len(s.spans) for s in segments) == 72
    for segment in segments:
        ids = tagger.tokenizer(segment.text)["input_ids"]
        assert len(ids) <= 16 and segment.text == text[spans[segment.first_word][0] :][
            : len(segment.text)]  # fmt: skip
    pieces = tagger.predict([text])[0]
    assert len(pieces.tags) == 72 and all(text[e.start : e.end] == e.text for e in pieces.entities)
    found = {(e.type, e.start) for e in pieces.entities} & {
        (e.type, e.start) for e in whole.entities
    }
    assert len(found) >= 30  # most entities survive the cut context


def test_a_classifier_folder_is_refused(tmp_path):
    from trtune.errors import UserError

    (tmp_path / "config.json").write_text('{"architectures": ["BertForSequenceClassification"]}')
    with pytest.raises(UserError, match="classify model, not a NER tagger"):
        load_tagger(tmp_path)
