"""One output-folder contract: a classify run and an lm run write `trtune.json` with the same
top-level keys, in the one schema."""

from __future__ import annotations

import csv
import json

import pytest

from trtune.cli import main
from trtune.run.record import RECORD_KEYS

REVIEWS = [
    ("Ürün harika, çok memnun kaldım", "olumlu"),
    ("Berbat bir kargo, hiç beğenmedim", "olumsuz"),
    ("Fena değil, idare eder", "nötr"),
]


def _run(args: list[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(args)
        raise SystemExit(0)
    assert done.value.code in (0, None)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("records")
    reviews = root / "yorumlar.csv"
    with reviews.open("w", encoding="utf-8", newline="") as handle:
        rows = [(f"{text} {i}", label) for i in range(20) for text, label in REVIEWS]
        csv.writer(handle).writerows([("yorum", "durum"), *rows])
    texts = root / "metin.txt"
    texts.write_text("\n".join(f"Bugün hava {i} derece, yarın yağmur var." for i in range(40)))
    _run(["classify", "train", "--data", str(reviews), "--model", "tiny", "--epochs", "1",
          "--out", str(root / "classify")])  # fmt: skip
    _run(["lm", "train", "--data", str(texts), "--model", "tiny-gpt", "--max-steps", "2",
          "--batch-size", "8", "--max-length", "32", "--out", str(root / "lm")])  # fmt: skip
    return {name: json.loads((root / name / "trtune.json").read_text("utf-8"))
            for name in ("classify", "lm")}  # fmt: skip


def test_classify_and_lm_records_share_one_schema(runs):
    assert list(runs["classify"]) == list(runs["lm"]) == list(RECORD_KEYS)
    for task, record in runs.items():
        assert record["task"] == task and record["command"] == f"{task} train"
        assert len(record["data"]["sha256"]) == 64
        assert set(record["data"]["drops"]) == {"kept", "dropped", "reasons"}
        assert record["settings"]["seed"] == 42 and record["steps"] >= 1
        assert {"python", "torch", "transformers"} <= set(record["versions"])


def test_the_model_block_says_what_prediction_needs(runs):
    assert runs["classify"]["model"]["labels"] == ["negative", "neutral", "positive"]
    assert runs["classify"]["model"]["max_length"] == 128
    assert runs["lm"]["model"]["base"] == "base_model"  # a preset's LoRA base, kept inside
    assert runs["lm"]["model"]["instruction_tuned"] is False
