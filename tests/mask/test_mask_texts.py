"""Raw text for mask train: .txt files, folders of them, the text column of any table; drops
with reasons; the seeded split; hostile files refused in one line."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import shared_file
from trtune.errors import UserError
from trtune.tasks.mask.texts import read_raw_texts, split_texts


def test_txt_lines_with_duplicates_and_long_lines_dropped(tmp_path):
    path = tmp_path / "metin.txt"
    long_line = "çok " * 6000
    path.write_text("Bir.\n\n  İki.  \nBir.\n" + long_line + "\nÜç.\n", encoding="utf-8")
    raw = read_raw_texts(path)
    assert raw.texts == ["Bir.", "İki.", "Üç."]
    assert raw.where == [1, 3, 6]
    assert raw.drops["duplicate"] == [4] and raw.drops["too_long"] == [5]
    report = raw.drop_report()
    assert report["kept"] == 3 and report["dropped"] == 2
    assert report["reasons"]["duplicate"] == {"count": 1, "first_rows": ["4"]}


def test_table_text_column_found_by_name_label_ignored(tmp_path):
    path = tmp_path / "yorumlar.csv"
    path.write_text("Metin;Durum\nÜrün güzel;1\nKargo geç;0\n;2\n", encoding="utf-8-sig")
    raw = read_raw_texts(path)
    assert raw.texts == ["Ürün güzel", "Kargo geç"]
    assert raw.drops["empty_text"] == [4]
    assert raw.format == "csv"


def test_jsonl_and_text_col(tmp_path):
    path = tmp_path / "veri.jsonl"
    rows = [
        {"baslik": "Kısa", "govde": "Uzun bir gövde metni."},
        {"baslik": "İkinci", "govde": "Ve bir tane daha."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert read_raw_texts(path, text_col="govde").texts == [r["govde"] for r in rows]
    with pytest.raises(UserError, match="--text-col 'yok' is not a column"):
        read_raw_texts(path, text_col="yok")


def test_folder_of_txt_files_recursively_with_rows_named_by_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "bir.txt").write_text("Birinci satır.\n", encoding="utf-8")
    (tmp_path / "iki.txt").write_text("İkinci satır.\nBirinci satır.\n", encoding="cp1254")
    (tmp_path / "resim.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".gizli.txt").write_text("görünmez\n", encoding="utf-8")
    raw = read_raw_texts(tmp_path)
    assert raw.texts == ["Birinci satır.", "İkinci satır."]
    assert raw.drops["duplicate"] == ["iki.txt:2"]
    assert any("resim.png" in w for w in raw.warnings)


def test_encodings_are_detected(tmp_path):
    text = "Işık ılık, şişe çiçek, öğrenci üzüm.\nİkinci satır ğüşiöç.\n"
    for encoding in ("utf-16", "cp1254", "iso-8859-9", "utf-8-sig"):
        path = tmp_path / f"{encoding}.txt"
        path.write_text(text, encoding=encoding)
        assert read_raw_texts(path).texts == text.strip().split("\n"), encoding


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "the file is empty"),
        (b"PK\x03\x04\x14\x00\x00\x00binary", ""),
        (b"abc\x00\x00def\x00", ""),
        (b"\n\n   \n", "the file is empty"),
    ],
)
def test_hostile_files_are_refused_with_one_line(tmp_path, content, fragment):
    path = tmp_path / "kotu.txt"
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        read_raw_texts(path)
    assert fragment in caught.value.message() and "\n" not in caught.value.message()


def test_missing_folders_links_and_empty_folders(tmp_path):
    with pytest.raises(UserError, match="no such file"):
        read_raw_texts(tmp_path / "yok.txt")
    empty = tmp_path / "bos"
    empty.mkdir()
    with pytest.raises(UserError, match="no text files"):
        read_raw_texts(empty)
    loop = tmp_path / "dongu.txt"
    os.symlink(loop, loop)
    with pytest.raises(UserError, match="symbolic link loop"):
        read_raw_texts(loop)


def test_split_is_seeded_and_fixed_parts_replace_shares():
    texts = [f"metin {i}" for i in range(100)]
    split = split_texts(texts, 0.1, 0.2, seed=1)
    assert split.sizes() == {"train": 72, "validation": 8, "test": 20}
    assert split == split_texts(texts, 0.1, 0.2, seed=1)
    assert set(split.train).isdisjoint(split.validation + split.test)
    fixed = split_texts(texts, 0.1, 0.2, seed=1, validation=["x"], test=["y"])
    assert fixed.validation == ["x"] and fixed.test == ["y"] and len(fixed.train) == 100
    with pytest.raises(UserError, match="too few texts"):
        split_texts(["tek"], 0.1, 0.0, seed=1)


@pytest.mark.realdata
def test_reads_the_eticaret_reviews_text_column():
    raw = read_raw_texts(shared_file("sentiment", "eticaret_urun_yorumlari.csv"))
    assert raw.rows_read == 15_170 and len(raw.texts) > 13_000
    assert len(raw.texts) + sum(len(rows) for rows in raw.drops.values()) == raw.rows_read
    assert raw.format == "csv"
