"""The four NER layouts, told apart by content, and hostile files: a counted drop or one
clear error naming the file and line, never a traceback."""

from __future__ import annotations

import json
import math

import pytest

from trtune.errors import UserError
from trtune.tasks.ner.data import MAX_WORDS, load_ner_data, split_sentences

WORDS = ["Mustafa", "Kemal", "1919'da", "Samsun'a", "çıktı", "."]
TAGS = ["B-PER", "I-PER", "B-DATE", "B-LOC", "O", "O"]
EXPECTED = (tuple(WORDS), tuple(TAGS))


def _pairs(data):
    return [(s.words, s.tags) for s in data.sentences]


def test_conll_with_tabs_spaces_extra_columns_and_docstart(tmp_path):
    text = (
        "-DOCSTART- -X- -X- O\n\n"
        + "\n".join(f"{w}\t{t}" for w, t in zip(WORDS, TAGS, strict=True))
        + "\n\n\n"
        + "Ankara NNP B-NP B-LOC\ngüzel JJ B-ADJP O\n"
    )
    path = tmp_path / "veri.txt"  # the name says nothing; the content decides
    path.write_text(text, encoding="utf-8")
    data = load_ner_data(path)
    assert data.format == "conll" and data.scheme == "IOB2"
    assert _pairs(data) == [EXPECTED, (("Ankara", "güzel"), ("B-LOC", "O"))]
    assert [s.row for s in data.sentences] == [3, 11]
    assert data.entity_counts() == {"LOC": 2, "PER": 1, "DATE": 1}


def test_token_table_with_sentence_id_on_first_token_only(tmp_path):
    path = tmp_path / "ner_dataset.csv"
    rows = ["Sentence #,Word,POS,Tag", "Sentence: 1,Mustafa,NNP,B-PER", ",Kemal,NNP,I-PER",
            ',"1919\'da",CD,B-DATE', ",Samsun'a,NNP,B-LOC", ",çıktı,VB,O", ",.,.,O",
            "Sentence: 2,Ankara,NNP,B-LOC", ',",",",",O']  # fmt: skip
    path.write_bytes(("\n".join(rows) + "\n").encode("windows-1254"))
    data = load_ner_data(path)
    assert data.format == "token-table" and data.encoding == "iso-8859-9"  # 8-bit Turkish
    assert data.columns == {"sentence": "Sentence #", "word": "Word", "tag": "Tag"}
    assert _pairs(data) == [EXPECTED, (("Ankara", ","), ("B-LOC", "O"))]


def test_tsv_table_with_an_id_on_every_row(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("sentence_id\ttoken\tner_tag\n1\tAli\tB-PER\n1\tgeldi\tO\n2\tVeli\tB-PER\n")
    assert _pairs(load_ner_data(path)) == [(("Ali", "geldi"), ("B-PER", "O")),
                                            (("Veli",), ("B-PER",))]  # fmt: skip


def test_jsonl_tokens_and_json_ner_tags_with_a_label_list(tmp_path):
    jsonl = tmp_path / "a.data"
    jsonl.write_text(json.dumps({"tokens": WORDS, "tags": TAGS}, ensure_ascii=False) + "\n"
                     + json.dumps({"words": ["Ali"], "ner_tags": ["B-PER"]}) + "\n")  # fmt: skip
    data = load_ner_data(jsonl)
    assert data.format == "jsonl-tokens" and _pairs(data)[0] == EXPECTED
    names = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-DATE", "I-DATE"]
    numbered = [names.index(t) for t in TAGS]
    with_list = tmp_path / "b.json"
    with_list.write_text(json.dumps({"label_names": names, "data": [
        {"tokens": WORDS, "ner_tags": numbered}]}), encoding="utf-8")  # fmt: skip
    assert _pairs(load_ner_data(with_list)) == [EXPECTED]
    bare = tmp_path / "c.jsonl"
    bare.write_text(json.dumps({"tokens": WORDS, "ner_tags": numbered}) + "\n" * 2)
    with pytest.raises(UserError, match="--tag-names") as error:
        load_ner_data(bare)
    assert error.value.row == 1
    assert _pairs(load_ner_data(bare, tag_names=names)) == [EXPECTED]


def test_character_spans_as_annotation_tools_export_them(tmp_path):
    text = "Mustafa Kemal 1919'da Samsun'a çıktı."
    records = [
        {"text": text, "entities": [[0, 13, "PER"], [14, 21, "DATE"], [22, 28, "LOC"]]},
        {"text": "Ankara güzel.", "label": [{"start": 0, "end": 6, "label": "LOC"}]},
    ]
    path = tmp_path / "spans.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    data = load_ner_data(path)
    assert data.format == "json-spans" and data.scheme == "IOB2"
    assert _pairs(data)[0] == EXPECTED  # [22, 28) is "Samsun": the word Samsun'a is LOC
    assert data.repairs == {"entity_inside_word": 1}


def test_bioes_file_is_read_as_iob2(tmp_path):
    path = tmp_path / "bioes.conll"
    path.write_text("Ali S-PER\nAnkara'ya S-LOC\nNew B-LOC\nYork'tan E-LOC\ngeldi O\n")
    data = load_ner_data(path)
    assert data.scheme == "BIOES" and not data.repairs
    assert data.sentences[0].tags == ("B-PER", "B-LOC", "B-LOC", "I-LOC", "O")


def test_hostile_sentences_are_dropped_and_counted_with_their_lines(tmp_path):
    path = tmp_path / "bad.conll"
    long_sentence = "\n".join(f"w{i} O" for i in range(MAX_WORDS + 1))
    path.write_text(
        "Ali B-PER\ngeldi O\n\n"  # line 1: kept
        "Veli\ngitti O\n\n"  # line 4: a token without a tag
        f"{long_sentence}\n\n"  # line 7: too long
        "Ankara O\nI-LOC\n\n"  # a tag alone is a token without tag
        "Ayşe O\nYılmaz I-PER\n",  # an I- after O: repaired and counted
        encoding="utf-8",
    )
    data = load_ner_data(path)
    assert [s.words for s in data.sentences] == [("Ali", "geldi"), ("Ayşe", "Yılmaz")]
    assert data.dropped == {"missing_tag": 2, "too_long": 1}
    assert data.dropped_rows["missing_tag"][0] == 4 and data.dropped_rows["too_long"] == [7]
    assert data.repairs == {"invalid_iob2": 1}
    drops = data.drops()
    assert drops["kept"] == 2 and drops["dropped"] == 3
    assert drops["repairs"]["invalid_iob2"]["count"] == 1


def test_hostile_json_records(tmp_path):
    path = tmp_path / "bad.jsonl"
    lines = [
        {"tokens": ["Ali", "geldi"], "tags": ["B-PER"]},  # lengths differ
        {"tokens": [], "tags": []},  # empty
        {"tokens": ["", "x"], "tags": ["O", "O"]},  # an empty token
        {"text": "Ali geldi", "entities": [[0, 99, "PER"]]},  # span past the end
        {"text": "Ali Veli", "entities": [[0, 3, "PER"], [0, 8, "PER"]]},  # overlapping
        {"tokens": ["Ali"], "tags": ["B-PER"]},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    data = load_ner_data(path)
    assert len(data.sentences) == 1
    assert data.dropped == {"length_mismatch": 1, "empty_sentence": 1, "empty_token": 1,
                            "bad_span": 1, "overlapping_entities": 1}  # fmt: skip
    assert data.dropped_rows["length_mismatch"] == [1] and data.dropped_rows["bad_span"] == [4]


@pytest.mark.parametrize(
    ("content", "fragment", "row"),
    [
        ("", "empty", None),
        ("bu bir cümle\nbu da başka bir cümle\n", "not a NER file", None),
        ('{"tokens": ["a"], "tags": ["O"]}\n{"tokens": [\n', "broken JSON line", 2),
        ('[{"tokens": ["a"], "tags": ["O"]}, 5]', "must be a JSON object", 2),
        ('{"sentences": [{"words": ["a"]}], "other": [{"x": 1}]}', "list of records", None),
        ('[{"id": 1, "sentence": "a b"}]', 'needs "tokens" and "tags"', 1),
        ("sentence_id,pos,chunk\n1,NN,B-NP\n", "cannot tell the word column", None),
        ("Ali geldi\nVeli gitti\n", "not a NER file", None),
    ],
)  # fmt: skip
def test_hostile_files_fail_with_one_clear_error(tmp_path, content, fragment, row):
    path = tmp_path / "data.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=fragment) as error:
        load_ner_data(path)
    assert error.value.file == str(path) and error.value.row == row


def test_only_bad_sentences_or_too_many_types_are_refused(tmp_path):
    path = tmp_path / "all_bad.jsonl"
    path.write_text('{"tokens": ["a", "b"], "tags": ["O"]}\n{"tokens": ["c"], "tags": []}\n')
    with pytest.raises(UserError, match=r"no usable sentences \(length_mismatch: 2\)"):
        load_ner_data(path)
    words = tmp_path / "words_as_tags.conll"
    words.write_text("\n".join(f"x B-kelime{i}" for i in range(150)) + "\n")
    with pytest.raises(UserError, match="150 entity types"):
        load_ner_data(words)


def test_missing_file_and_folder_use_the_one_wording(tmp_path):
    with pytest.raises(UserError, match="no such file"):
        load_ner_data(tmp_path / "yok.conll")
    with pytest.raises(UserError, match="folder"):
        load_ner_data(tmp_path)


def test_split_by_sentence_is_seeded(conll_file):
    data = load_ner_data(conll_file)
    rest, held = split_sentences(data.sentences, 0.25, seed=7)
    total = len(data.sentences)
    assert len(held) == math.ceil(total * 0.25) and len(rest) + len(held) == total
    assert split_sentences(data.sentences, 0.25, seed=7)[1] == held
    assert split_sentences(data.sentences, 0.25, seed=8)[1] != held
    assert not set(s.row for s in rest) & set(s.row for s in held)
