"""Outputs of a tiny random test model say so: the result line, the report, `predict`, the
server's /health (which the page shows); a model grown from real weights does not."""

from __future__ import annotations

import csv
import json

import pytest
from fastapi.testclient import TestClient

from trtune.cli import main
from trtune.serve.app import create_app
from trtune.serve.settings import ServeSettings

NOTE_EN = "a tiny, randomly initialised test model"
NOTE_TR = "rastgele başlatılmış deneme modeli"


def _cli(args: list[str], capsys) -> tuple[str, str]:
    with pytest.raises(SystemExit) as done:
        main(args)
        raise SystemExit(0)
    captured = capsys.readouterr()
    assert done.value.code in (0, None), captured.err
    return captured.out, captured.err


@pytest.fixture(scope="module")
def reviews(tmp_path_factory):
    path = tmp_path_factory.mktemp("ri") / "yorumlar.csv"
    kinds = (("harika", "olumlu"), ("berbat", "olumsuz"), ("orta", "nötr"))
    rows = [(f"{w} ürün {i}", label) for i in range(20) for w, label in kinds]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("yorum", "durum"), *rows])
    return path


def test_a_tiny_run_is_labelled_everywhere(reviews, tmp_path, capsys):
    out = tmp_path / "tiny"
    args = ["classify", "train", "--data", str(reviews), "--epochs", "1", "--out", str(out)]
    stdout, _ = _cli([*args, "--lang", "tr"], capsys)
    assert NOTE_TR in stdout
    record = json.loads((out / "trtune.json").read_text("utf-8"))
    assert record["model"]["random_init"] is True
    assert NOTE_TR in (out / "report.html").read_text("utf-8")
    _, stderr = _cli(["classify", "predict", "--model", str(out), "--lang", "en", "iyi"], capsys)
    assert NOTE_EN in stderr
    with TestClient(create_app(ServeSettings(classifier=out, dtype="float32"))) as client:
        assert client.get("/health").json()["classifier"]["random_init"] is True


def test_the_tfidf_baseline_is_not_a_random_model(reviews, tmp_path, capsys):
    out = tmp_path / "tfidf"
    stdout, _ = _cli(
        [
            "classify",
            "train",
            "--data",
            str(reviews),
            "--method",
            "tfidf",
            "--lang",
            "en",
            "--out",
            str(out),
        ],
        capsys,
    )
    assert NOTE_EN not in stdout
    assert json.loads((out / "trtune.json").read_text("utf-8"))["model"]["random_init"] is False
    assert NOTE_EN not in (out / "report.html").read_text("utf-8")
