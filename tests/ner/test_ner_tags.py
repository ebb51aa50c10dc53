"""Tag schemes read into IOB2, entities read out of it, and words cut from raw text."""

from __future__ import annotations

import pytest

from trtune.tasks.ner.tags import Span, detect_scheme, repair, spans, tag_names, to_iob2
from trtune.tasks.ner.words import join_words, split_words


@pytest.mark.parametrize(
    ("tags", "scheme", "expected", "repaired"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], "IOB2", ["B-PER", "I-PER", "O", "B-LOC"], 0),
        # invalid IOB2: an I- after O or after another type starts an entity, counted
        (["O", "I-PER", "I-PER", "I-LOC"], "IOB2", ["O", "B-PER", "I-PER", "B-LOC"], 2),
        # IOB1: I- starts entities, B- only splits two adjacent ones: not errors
        (["I-PER", "I-PER", "B-PER", "O", "I-LOC"], "IOB1",
         ["B-PER", "I-PER", "B-PER", "O", "B-LOC"], 0),
        (["S-LOC", "B-ORG", "I-ORG", "E-ORG", "O", "U-PER"], "BIOES",
         ["B-LOC", "B-ORG", "I-ORG", "I-ORG", "O", "B-PER"], 0),
        (["PER", "PER", "O", "LOC"], "IO", ["B-PER", "I-PER", "O", "B-LOC"], 0),
        (["b-per", "i-per", "o"], "IOB2", ["B-per", "I-per", "O"], 0),
    ],
)  # fmt: skip
def test_every_scheme_reads_into_iob2(tags, scheme, expected, repaired):
    assert to_iob2(tags, scheme) == (expected, repaired)


def test_scheme_detection():
    assert detect_scheme([["B-PER", "I-PER", "O"], ["O", "B-LOC"]]) == "IOB2"
    assert detect_scheme([["I-PER", "I-PER", "O"], ["O", "I-LOC", "B-LOC"]]) == "IOB1"
    assert detect_scheme([["S-PER", "O"], ["B-LOC", "E-LOC"]]) == "BIOES"
    assert detect_scheme([["PER", "O"], ["LOC", "LOC"]]) == "IO"
    # a few invalid sequences in an IOB2 file do not make it IOB1
    assert detect_scheme([["B-PER", "I-PER"], ["B-LOC"], ["O", "I-ORG"]]) == "IOB2"


def test_spans_and_repair_decode_like_the_pipeline():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]
    assert repair(tags) == ["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "B-LOC", "B-ORG"]
    assert spans(repair(tags)) == [
        Span("PER", 0, 2), Span("LOC", 3, 5), Span("LOC", 5, 6), Span("ORG", 6, 7)
    ]  # fmt: skip
    assert tag_names(["PER", "LOC", "PER"]) == ["O", "B-LOC", "I-LOC", "B-PER", "I-PER"]


def test_words_keep_apostrophe_suffixes_and_split_edge_punctuation():
    text = "Mustafa Kemal Atatürk 19 Mayıs 1919'da Samsun'a çıktı. (İngiltere'de, %80'i!)"
    words = split_words(text)
    assert [w.text for w in words] == [
        "Mustafa", "Kemal", "Atatürk", "19", "Mayıs", "1919'da", "Samsun'a", "çıktı", ".",
        "(", "İngiltere'de", ",", "%80'i", "!", ")",
    ]  # fmt: skip
    assert all(text[w.start : w.end] == w.text for w in words)
    assert [w.text for w in split_words("saat 22:00'de, 3.5 kg; R&B \"Hey\"")] == [
        "saat", "22:00'de", ",", "3.5", "kg", ";", "R&B", '"', "Hey", '"',
    ]  # fmt: skip
    assert split_words("   ") == []
    assert join_words(["Ali", "geldi", "."]) == ("Ali geldi .", [(0, 3), (4, 9), (10, 11)])
