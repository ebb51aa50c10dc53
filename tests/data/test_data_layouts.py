"""One file (or sub-folder) per label: FILE:LABEL specs and folders (issue 25, item 5)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import assert_one_line_error, run_cli
from trtune.data import inspect_file, load_labeled
from trtune.errors import UserError

POSITIVE = ["Ürün çok güzel, tavsiye ederim", "Kargo hızlıydı; teşekkür", "Şık ve sağlam… bayıldım"]
NEGATIVE = ["Berbat, iade ettim", "Kırık geldi", "Hiç beğenmedim, paranıza yazık"]


def label_files(tmp_path):
    """pozitif.txt in Windows-1254 (a blank line and a repeated line), negatif.txt in UTF-8."""
    folder = tmp_path / "duygu"
    folder.mkdir()
    lines = [POSITIVE[0], "", POSITIVE[1], POSITIVE[2], POSITIVE[0]]
    (folder / "pozitif.txt").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1254"))
    (folder / "negatif.txt").write_text("\n".join(NEGATIVE) + "\n", encoding="utf-8")
    return folder


def test_file_label_specs_read_each_file_as_one_text_per_line(tmp_path):
    folder = label_files(tmp_path)
    positive, negative = folder / "pozitif.txt", folder / "negatif.txt"
    data = load_labeled([f"{positive}:olumlu", f"{negative}:olumsuz"])
    assert data.labels == ["negative", "positive"]
    assert [(e.text, e.label, e.row) for e in data.examples] == [
        (POSITIVE[0], "positive", 1),
        (POSITIVE[1], "positive", 3),
        (POSITIVE[2], "positive", 4),
        *((text, "negative", i) for i, text in enumerate(NEGATIVE, start=1)),
    ]
    report = data.report
    assert report.rows_read == 7 and report.rows_kept == 6
    assert report.dropped == {"duplicate": 1}
    assert report.dropped_rows == {"duplicate": [f"{positive}:5"]}
    assert [(s["path"], s["label"], s["encoding"], s["rows_kept"]) for s in report.sources] == [
        (str(positive), "positive", "windows-1254", 3),
        (str(negative), "negative", "utf-8", 3),
    ]


def test_a_folder_with_one_file_per_label(tmp_path):
    folder = label_files(tmp_path)
    (folder / "README.md").write_text("# Veri seti\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    data = load_labeled(folder)
    assert data.report.label_counts == {"positive": 3, "negative": 3}
    assert data.report.columns_found == "labels from file names"
    readme = folder / "README.md"
    assert data.report.warnings == [f"skipped 1 file that is not a label file: {readme}"]


def test_a_folder_with_one_sub_folder_per_label_reads_one_text_per_file(tmp_path):
    folder = tmp_path / "tweetler"
    for label, texts in (("olumlu", POSITIVE), ("olumsuz", NEGATIVE)):
        (folder / label).mkdir(parents=True)
        for i, text in enumerate(texts):
            (folder / label / f"{i}.txt").write_text(f"{text}\nikinci satır {i}\n", "utf-8")
    (folder / "olumlu" / "bos.txt").write_bytes(b"")
    data = load_labeled(folder)
    assert data.report.label_counts == {"positive": 3, "negative": 3}
    assert POSITIVE[0] + "\nikinci satır 0" in [e.text for e in data.examples]
    assert data.report.dropped == {"empty_text": 1}
    assert data.report.dropped_rows == {"empty_text": ["olumlu/bos.txt:1"]}
    assert [(s["path"], s["files"]) for s in data.report.sources] == [
        (str(folder / "olumlu"), 4),
        (str(folder / "olumsuz"), 3),
    ]


def test_the_same_text_under_two_labels_is_dropped_as_conflicting(tmp_path):
    folder = label_files(tmp_path)
    with (folder / "negatif.txt").open("a", encoding="utf-8") as handle:
        handle.write(POSITIVE[2] + "\n")
    report = inspect_file(folder)
    assert report.dropped["conflicting_labels"] == 2
    assert report.label_counts == {"positive": 2, "negative": 3}


def test_a_folder_of_split_tables_is_refused(tmp_path):
    folder = tmp_path / "veri"
    folder.mkdir()
    for name in ("train.csv", "test.csv"):
        (folder / name).write_text("yorum,duygu\niyi,olumlu\nkötü,olumsuz\n", encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_labeled(folder)
    assert info.value.message() == (
        f"{folder}: this folder holds data tables (test.csv, train.csv), not one file per "
        "label: pass a table with --data FILE, or label files with --data FILE:LABEL"
    )
    (folder / "train.csv").rename(folder / "train.txt")
    (folder / "test.csv").rename(folder / "test.txt")
    with pytest.raises(UserError, match="'test' and 'train' look like split names, not labels"):
        load_labeled(folder)


def test_bad_specs_name_the_file(tmp_path):
    folder = label_files(tmp_path)
    missing = folder / "notr.txt"
    with pytest.raises(UserError) as info:
        load_labeled([f"{folder / 'pozitif.txt'}:positive", f"{missing}:neutral"])
    assert info.value.message() == f"{missing}: no such file"
    with pytest.raises(UserError, match="--label-col"):
        load_labeled(folder, label_col="duygu")
    empty = tmp_path / "bos"
    empty.mkdir()
    with pytest.raises(UserError, match=f"{empty}: no label files in this folder"):
        load_labeled(empty)


def test_data_inspect_and_classify_train_and_eval_take_label_files(tmp_path):
    folder = label_files(tmp_path)
    for i in range(12):  # enough texts for a split with every label in the test part
        with (folder / "pozitif.txt").open("ab") as handle:
            handle.write(f"Çok iyi bir ürün {i}\r\n".encode("cp1254"))
        with (folder / "negatif.txt").open("a", encoding="utf-8") as handle:
            handle.write(f"Çok kötü bir ürün {i}\n")
    positive, negative = f"{folder / 'pozitif.txt'}:positive", f"{folder / 'negatif.txt'}:negative"
    shown = run_cli("data", "inspect", "--data", positive, "--data", negative, "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["label_counts"] == {"positive": 15, "negative": 15}
    assert json.loads(run_cli("data", "inspect", str(folder), "--json").stdout)["rows_kept"] == 30
    out = tmp_path / "model"
    trained = run_cli("classify", "train", "--data", positive, "--data", negative,
                      "--method", "tfidf", "--out", str(out))  # fmt: skip
    assert trained.returncode == 0, trained.stderr
    settings = json.loads((out / "trtune.json").read_text(encoding="utf-8"))["settings"]
    assert settings["data"] == [positive, negative]
    evaluated = run_cli("classify", "eval", "--model", str(out), "--data", str(folder), "--json")
    assert evaluated.returncode == 0, evaluated.stderr
    assert json.loads(evaluated.stdout)["n"] == 30
    missing = folder / "yok.txt"
    assert_one_line_error(
        run_cli("classify", "eval", "--model", str(out), "--data", f"{missing}:positive"),
        f"{missing}: no such file",
    )
