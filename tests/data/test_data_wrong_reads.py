"""Reads that used to go wrong without a word (issue 25, items 1-4): repaired or refused."""

from __future__ import annotations

import json
import random

import pytest

from trtune.data import inspect_file, load_labeled, load_texts
from trtune.errors import UserError

WORDS = "ürün kargo hızlı güzel kötü fiyat kalite paket geldi beğendim iade satıcı".split()
LABELS = ("olumlu", "olumsuz", "nötr")
CANONICAL = {"olumlu": "positive", "olumsuz": "negative", "nötr": "neutral"}


def comma_texts(n: int = 60, seed: int = 0) -> list[tuple[str, str]]:
    """(text, label) pairs; every text holds one or two commas, as typed reviews do."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        text = " ".join(rng.choices(WORDS, k=4)) + ", " + " ".join(rng.choices(WORDS, k=3))
        if i % 4 == 0:
            text += ", ve " + " ".join(rng.choices(WORDS, k=2))
        rows.append((f"{text} {i}", LABELS[i % 3]))
    return rows


def word_texts(n: int = 40) -> list[tuple[str, str]]:
    """(text, label) pairs of six words each, without commas."""
    return [
        (f"{' '.join(random.Random(i).choices(WORDS, k=6))} {i}", LABELS[i % 3]) for i in range(n)
    ]


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# Item 1: the delimiter inside unquoted text, in most rows.


@pytest.mark.parametrize("header", ["yorum,etiket\n", ""])
def test_commas_inside_unquoted_texts_are_joined_back(tmp_path, header):
    rows = comma_texts()
    path = write(tmp_path, "virgul.csv", header + "".join(f"{t},{lab}\n" for t, lab in rows))
    data = load_labeled(path)
    assert len(data.report.columns) == 2, data.report.columns
    assert data.report.label_counts == {"positive": 20, "negative": 20, "neutral": 20}
    assert [(e.text, e.label) for e in data.examples] == [(t, CANONICAL[lab]) for t, lab in rows]
    assert data.report.repaired == 60
    assert data.report.repairs == {"delimiter_in_text": 60}


def test_an_id_column_before_the_text_stays_a_column(tmp_path):
    rows = comma_texts()
    body = "".join(f"{1000 + i},{t},{lab}\n" for i, (t, lab) in enumerate(rows))
    data = load_labeled(write(tmp_path, "idli.csv", body))
    assert len(data.report.columns) == 3
    assert [e.text for e in data.examples] == [t for t, _ in rows]


def test_label_first_with_commas_in_the_text(tmp_path):
    rows = comma_texts()
    body = "etiket,yorum\n" + "".join(f"{lab},{t}\n" for t, lab in rows)
    data = load_labeled(write(tmp_path, "once_etiket.csv", body))
    assert data.report.columns == ["etiket", "yorum"]
    assert [e.text for e in data.examples] == [t for t, _ in rows]


# Item 2: labels that are text.


def test_a_label_column_of_texts_is_refused_naming_the_column(tmp_path):
    rows = word_texts()
    # The header names the columns the wrong way round: "durum" (a label name) holds the texts.
    path = write(tmp_path, "ters.csv", "durum,yorum\n" + "".join(f"{t},{lab}\n" for t, lab in rows))
    with pytest.raises(UserError) as info:
        inspect_file(path)
    message = info.value.message()
    assert message.startswith(f"{path}: the label column 'durum' holds text, not labels")
    assert rows[0][0] in message  # a few of the values, so the user sees what was read
    assert "--text-col" in message and "--label-col" in message
    # Many short labels, each used often, are labels: 30 topics are not refused.
    topics = [f"konu{k}" for k in range(30)]
    body = "metin,kategori\n" + "".join(f"haber metni {i},{topics[i % 30]}\n" for i in range(600))
    assert len(inspect_file(write(tmp_path, "konular.csv", body)).label_counts) == 30


def test_a_chosen_label_column_of_texts_is_refused(tmp_path):
    rows = word_texts()
    path = write(tmp_path, "y.csv", "yorum,etiket\n" + "".join(f"{t},{lab}\n" for t, lab in rows))
    with pytest.raises(UserError, match="the label column 'yorum' holds text, not labels"):
        load_labeled(path, text_col="etiket", label_col="yorum")


# Item 3: an unbalanced quote swallows the following lines.


def test_a_stray_quote_does_not_swallow_the_rows_after_it(tmp_path):
    body = (
        "metin;etiket\n"
        '"başında tırnak kalmış;olumlu\n'
        + "".join(f"satır {i} fena;olumsuz\n" for i in range(8))
        + '"iki satırlık\ngerçek bir yorum";olumlu\n'
        + "".join(f"başka satır {i};nötr\n" for i in range(8))
        + 'tırnağı burada kapanan" yorum;olumlu\n'
        + "son satır;olumsuz\n"
    )
    data = load_labeled(write(tmp_path, "tirnak.csv", body))
    texts = [e.text for e in data.examples]
    assert texts[0] == "başında tırnak kalmış"
    assert "iki satırlık\ngerçek bir yorum" in texts  # a real multi-line quoted text stays
    assert not [t for t in texts if ";" in t or t.count("\n") > 1]
    assert data.report.rows_read == 20
    assert data.report.label_counts == {"negative": 9, "neutral": 8, "positive": 3}
    assert data.report.repairs == {"unbalanced_quote": 1}
    assert data.report.repaired_rows == {"unbalanced_quote": [2]}


# Item 4: a text column that is not text.


def _numbers(tmp_path) -> dict[str, object]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [{"yorum": i * 1.5, "duygu": LABELS[i % 2]} for i in range(30)]
    parquet = tmp_path / "sayilar.parquet"
    pq.write_table(pa.Table.from_pylist(records), parquet)
    as_json = tmp_path / "sayilar.json"
    as_json.write_text(json.dumps(records), encoding="utf-8")
    as_jsonl = tmp_path / "sayilar.jsonl"
    as_jsonl.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    csv = write(tmp_path, "sayilar.csv", "yorum,duygu\n" + "".join(
        f"{r['yorum']},{r['duygu']}\n" for r in records))  # fmt: skip
    return {"parquet": parquet, "json": as_json, "jsonl": as_jsonl, "csv": csv}


@pytest.mark.parametrize("fmt", ["parquet", "json", "jsonl", "csv"])
def test_a_text_column_of_numbers_is_refused_the_same_way_in_every_format(tmp_path, fmt):
    path = _numbers(tmp_path)[fmt]
    with pytest.raises(UserError) as info:
        load_labeled(path)
    assert info.value.message() == (
        f"{path}: the text column 'yorum' holds numbers, not text (0.0, 1.5, 3.0, ...): "
        "name the text column with --text-col"
    )
    with pytest.raises(UserError, match="holds numbers, not text"):
        load_texts(path)
