import json

import pytest

from trtune.data import inspect_file, load_labeled, parse_label_map, read_table
from trtune.data.columns import normalize_label
from trtune.errors import UserError


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_detected(tmp_path, delimiter):
    rows = [f"ürün {i} güzel{delimiter}olumlu" for i in range(5)]
    rows += [f"ürün {i} kötü{delimiter}olumsuz" for i in range(5)]
    path = write(tmp_path, "d.csv", f"yorum{delimiter}etiket\n" + "\n".join(rows) + "\n")
    report = inspect_file(path)
    assert report.delimiter == delimiter
    assert report.header is True
    assert report.rows_read == 10
    assert report.label_counts == {"positive": 5, "negative": 5}


def test_tsv_and_quoted_fields_with_delimiters_and_newlines(tmp_path):
    path = write(tmp_path, "q.csv", 'text,label\n"iyi, hem de çok\niyi",pos\n"kötü ""çok""",neg\n')
    table = read_table(path)
    assert table.rows == [["iyi, hem de çok\niyi", "pos"], ['kötü "çok"', "neg"]]
    assert table.row_numbers == [2, 4]
    tsv = write(tmp_path, "t.tsv", "text\tlabel\nbir, iki\tolumlu\nüç\tolumsuz\n")
    assert inspect_file(tsv).delimiter == "\t"


def test_no_header_and_label_last_with_delimiter_inside_text_is_repaired(tmp_path):
    lines = ["turkcell çok iyi;olumlu", "çekmiyor; yine; olmadı;olumsuz", "fena değil;notr"] * 4
    lines = [
        f"{line.split(';')[0]} {i};{';'.join(line.split(';')[1:])}" for i, line in enumerate(lines)
    ]
    path = write(tmp_path, "tweets.csv", "\n".join(lines) + "\n", "utf-8-sig")
    report = inspect_file(path)
    assert report.header is False
    assert report.text_column == "column_1" and report.label_column == "column_2"
    assert report.repaired == 4
    assert report.rows_kept == 12
    assert report.label_counts == {"positive": 4, "negative": 4, "neutral": 4}
    examples = load_labeled(path).examples
    assert any(e.text.startswith("çekmiyor") and e.text.count(";") == 2 for e in examples)


def test_unbalanced_quote_does_not_swallow_the_file(tmp_path):
    body = 'metin,etiket\n"başında tırnak kalmış,olumlu\n' + "".join(
        f"satır {i},olumsuz\n" for i in range(60)
    )
    report = inspect_file(write(tmp_path, "u.csv", body))
    assert report.rows_read == 61
    assert report.label_counts["negative"] == 60


def test_drop_reasons_are_counted_with_row_numbers(tmp_path):
    body = (
        "review,sentiment\n"
        "güzel,olumlu\n"  # 2 kept
        ",olumlu\n"  # 3 empty text
        "eksik etiket,\n"  # 4 missing label
        "güzel,olumlu\n"  # 5 duplicate
        "çelişki,olumlu\n"  # 6 conflicting
        "çelişki,olumsuz\n" + "x" * 30_000 + ",olumsuz\n"  # 7 conflicting  # 8 too long
        "kötü,olumsuz\n"  # 9 kept
    )
    report = inspect_file(write(tmp_path, "drops.csv", body))
    assert report.rows_read == 8 and report.rows_kept == 2
    assert report.dropped == {
        "empty_text": 1,
        "missing_label": 1,
        "too_long": 1,
        "conflicting_labels": 2,
        "duplicate": 1,
    }
    assert report.dropped_rows["conflicting_labels"] == [6, 7]
    assert report.dropped_rows["duplicate"] == [5]


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("Olumlu", "positive"),
        ("POZİTİF", "positive"),
        ("P", "positive"),
        ("olumsuz", "negative"),
        ("Negatif", "negative"),
        ("N", "negative"),
        ("Nötr", "neutral"),
        ("notr", "neutral"),
        ("TARAFSIZ", "neutral"),
        ("neutral", "neutral"),
        ("karışık", "karışık"),
        ("1", "1"),
    ],
)
def test_label_normalisation(raw, canonical):
    assert normalize_label(raw) == canonical


def test_label_map_names_numeric_labels(tmp_path):
    path = write(tmp_path, "n.csv", "Metin;Durum\niyi;1\nkötü;0\norta;2\nsüper;1\n")
    report = inspect_file(path, label_map=parse_label_map("0=negative,1=positive,2=neutral"))
    assert report.label_counts == {"positive": 2, "negative": 1, "neutral": 1}
    assert inspect_file(path).label_counts == {"1": 2, "0": 1, "2": 1}
    with pytest.raises(UserError, match="VALUE=NAME"):
        parse_label_map("0:negative")


def test_columns_by_content_and_by_flag(tmp_path):
    rows = "".join(
        f"{i},bu ürün hakkında uzun bir yorum {i},{'a' if i % 2 else 'b'}\n" for i in range(30)
    )
    path = write(tmp_path, "c.csv", "id,col_x,col_y\n" + rows)
    report = inspect_file(path)
    assert (report.text_column, report.label_column) == ("col_x", "col_y")
    assert report.columns_found == "by content"
    with pytest.raises(UserError, match="--text-col 'nope'"):
        inspect_file(path, text_col="nope")


def test_json_jsonl_and_parquet(tmp_path):
    records = [{"text": f"yorum {i}", "label": "olumlu" if i % 2 else "olumsuz"} for i in range(6)]
    json_path = tmp_path / "r.json"
    json_path.write_text(json.dumps({"data": records}, ensure_ascii=False), encoding="utf-8")
    jsonl_path = tmp_path / "r.jsonl"
    jsonl_path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet_path = tmp_path / "r.parquet"
    pq.write_table(pa.Table.from_pylist(records), parquet_path)
    for path, fmt in ((json_path, "json"), (jsonl_path, "jsonl"), (parquet_path, "parquet")):
        report = inspect_file(path)
        assert report.format == fmt
        assert report.label_counts == {"positive": 3, "negative": 3}


def test_broken_jsonl_line_names_the_row(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"text": "a", "label": "x"}\n{"text": "b", "label": \n', encoding="utf-8")
    with pytest.raises(UserError) as info:
        read_table(path)
    assert info.value.row == 2


def test_load_labeled_needs_two_classes(tmp_path):
    path = write(tmp_path, "one.csv", "text,label\na,olumlu\nb,olumlu\nc,olumlu\n")
    with pytest.raises(UserError, match="at least 2 classes"):
        load_labeled(path)
