"""Readers (TSV/CSV with and without header, JSONL/Parquet column pairs, SQuAD question
generation), the drop report and the grouped split."""

from __future__ import annotations

import json

import pytest
from seq2seq_testdata import en_tr_pairs, write_squad, write_tsv

from trtune.errors import UserError
from trtune.tasks.seq2seq.pairs import Pair, grouped_split
from trtune.tasks.seq2seq.readers import ReadOptions, load_sources, read_all, turkish_share
from trtune.tasks.seq2seq.squad import HIGHLIGHT, answer_window


def test_headerless_tsv_finds_the_turkish_column_for_either_direction(tmp_path):
    path = write_tsv(tmp_path / "p.tsv", [("Hi.", "Merhaba."), ("I am tired.", "Yorgunum.")])
    en_tr = read_all([str(path)], ReadOptions(direction="en-tr"))
    assert [(p.source, p.target) for p in en_tr.pairs] == [
        ("Hi.", "Merhaba."),
        ("I am tired.", "Yorgunum."),
    ]
    assert en_tr.task == "translate" and en_tr.direction == "en-tr"
    # The same file with the Turkish column first: found by its letters, not its place.
    swapped = write_tsv(tmp_path / "s.tsv", [("Çok güzel.", "Very nice."), ("Işık.", "Light.")])
    tr_en = read_all([str(swapped)], ReadOptions(direction="en-tr"))
    assert tr_en.pairs[0].source == "Very nice." and tr_en.pairs[0].target == "Çok güzel."
    assert any("Turkish" in note for note in tr_en.notes)
    assert turkish_share(["ışık"]) == pytest.approx(0.75)


def test_first_row_is_a_header_only_when_it_names_columns(tmp_path):
    named = write_tsv(tmp_path / "h.tsv", [("a b", "c d")], header="source\ttarget")
    data = read_all([str(named)], ReadOptions())
    assert data.columns == ("source", "target") and len(data.pairs) == 1
    plain = write_tsv(tmp_path / "n.tsv", [("Hi.", "Merhaba."), ("Run!", "Koş!")])
    assert len(read_all([str(plain)], ReadOptions()).pairs) == 2  # "Hi." is not a header


def test_jsonl_text_summary_is_summarisation_and_en_tr_columns_translation(tmp_path):
    jsonl = tmp_path / "s.jsonl"
    rows = [{"text": "Uzun bir haber metni. İkinci cümle.", "summary": "Kısa özet."}] * 2
    rows.append({"text": "Başka bir haber.", "summary": ""})
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    data = read_all([str(jsonl)], ReadOptions())
    assert data.task == "summarize" and len(data.pairs) == 1
    assert data.drops.counts == {"duplicate": 1, "empty_target": 1}
    assert data.drops.first_rows == {"duplicate": [2], "empty_target": [3]}
    langs = tmp_path / "l.jsonl"
    langs.write_text(json.dumps({"tr": "Merhaba.", "en": "Hello."}) + "\n", "utf-8")
    back = read_all([str(langs)], ReadOptions(direction="tr-en"))
    assert (back.pairs[0].source, back.pairs[0].target) == ("Merhaba.", "Hello.")
    assert back.task == "translate"


def test_parquet_with_named_columns(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "p.parquet"
    pq.write_table(pa.table({"girdi": ["a", "b"], "çıktı": ["x", "y"]}), path)
    data = read_all([str(path)], ReadOptions(source_col="girdi", target_col="çıktı"))
    assert [(p.source, p.target) for p in data.pairs] == [("a", "x"), ("b", "y")]
    with pytest.raises(UserError, match="source/target columns"):
        read_all([str(path)], ReadOptions())


def test_squad_becomes_question_generation_with_the_answer_highlighted(tmp_path):
    data = read_all([str(write_squad(tmp_path / "q.json"))], ReadOptions())
    assert data.task == "question-generation" and data.format == "squad"
    assert data.rows_read == 5 and len(data.pairs) == 4
    assert data.drops.counts == {"answer_not_in_context": 1}  # "Paris"
    first = data.pairs[0]
    assert f"{HIGHLIGHT} Selanik {HIGHLIGHT}" in first.source
    assert first.target == "Atatürk nerede doğdu?"
    assert HIGHLIGHT not in first.copy_text and "Selanik" in first.copy_text
    # A wrong answer_start: the answer is found by its text.
    assert f"{HIGHLIGHT} 1923 {HIGHLIGHT}" in data.pairs[1].source
    # Questions about one paragraph share a group: the split keeps them together.
    assert len({p.group for p in data.pairs[:3]}) == 1


def test_answer_window_keeps_the_answer_sentence_and_neighbours():
    text = "Bir. İki iki. Üç üç üç. Dört. Beş beş."
    start = text.index("Üç")
    a, b = answer_window(text, start, start + 2, 20)
    assert text[a:b].strip() == "İki iki. Üç üç üç."
    assert answer_window(text, start, start + 2, 0) == (0, len(text))


def test_grouped_split_never_puts_one_source_on_both_sides():
    pairs = [Pair(en, tr, i + 1, en) for i, (en, tr) in enumerate(en_tr_pairs())]
    split = grouped_split(pairs, 0.25, 0.2, seed=3)
    assert sum(split.sizes().values()) == len(pairs)
    train = {p.group for p in split.train}
    assert not train & {p.group for p in split.test}
    assert not train & {p.group for p in split.validation}
    assert split.sizes()["test"] >= 9  # at least a quarter, whole groups
    assert grouped_split(pairs, 0.25, 0.2, seed=3).sha256() == split.sha256()
    assert grouped_split(pairs, 0.25, 0.2, seed=4).sha256() != split.sha256()


def test_load_sources_from_lines_and_tables(tmp_path):
    lines = tmp_path / "x.txt"
    lines.write_text("Merhaba.\n\nNasılsın?\n", "utf-8")
    assert load_sources(lines) == ["Merhaba.", "Nasılsın?"]
    table = write_tsv(tmp_path / "t.tsv", [("Hi.", "Selam.")], header="source\ttarget")
    assert load_sources(table) == ["Hi."]


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("empty.tsv", b"", "empty"),
        ("one.tsv", "yalnız\ntek sütun\n".encode(), "delimiter"),
        ("broken.json", b'{"data": [', "invalid JSON"),
        ("bin.tsv", b"PK\x03\x04\x00\x00binary", "zip"),
        ("cols.jsonl", b'{"a": "x", "b": "y"}\n{"a": "z", "b": "w"}\n', "source/target"),
    ],
)
def test_hostile_files_are_one_line_user_errors(tmp_path, name, content, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError) as info:
        read_all([str(path)], ReadOptions())
    assert fragment.lower() in info.value.message().lower()
    assert "\n" not in info.value.message()


def test_unknown_source_column_names_the_columns(tmp_path):
    path = write_tsv(tmp_path / "h.tsv", [("a", "b")], header="source\ttarget")
    with pytest.raises(UserError, match="columns: source, target"):
        read_all([str(path)], ReadOptions(source_col="kaynak", target_col="target"))
