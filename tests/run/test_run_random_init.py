"""Outputs of a tiny random test model say so: the result line, the report, `predict` and
`eval` of every task, the server's /health (which the page shows); a model grown from real
weights does not."""

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


SAMPLES = "examples/data/"
TASKS = {  # task: (train data, the predict command's arguments, eval's, or None)
    "ner": ("varliklar.conll", ["predict", "Ali Ankara'da."], ["eval", "--data"]),
    "qa": ("sorular.json", ["predict", "--context", "Ali 1990'da doğdu.", "Ne zaman?"], None),
    "seq2seq": ("ceviri.tsv", ["generate", "I see."], ["eval", "--data"]),
    "mask": ("yorumlar.csv", ["predict", "Kargo [MASK] geldi."], None),
}


@pytest.mark.parametrize("task", sorted(TASKS))
def test_every_task_says_so_after_train_predict_and_eval(task, tmp_path, capsys):
    from tests.conftest import REPO

    data, predict, evaluate = TASKS[task]
    path, out = str(REPO / SAMPLES / data), str(tmp_path / task)
    model = "tiny-t5" if task == "seq2seq" else "tiny"
    train = [task, "train", "--data", path, "--model", model, "--out", out, "--epochs", "1"]
    stdout, _ = _cli([*train, "--lang", "en"], capsys)
    assert NOTE_EN in stdout
    assert NOTE_EN in (tmp_path / task / "report.html").read_text("utf-8")
    _, stderr = _cli([task, predict[0], "--model", out, "--lang", "tr", *predict[1:]], capsys)
    assert NOTE_TR in stderr
    if evaluate:
        _, stderr = _cli([task, *evaluate, path, "--model", out, "--json"], capsys)
        assert NOTE_EN in stderr or NOTE_TR in stderr
