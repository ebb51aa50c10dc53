"""Outputs of a tiny random test model say so: the result line, the report, `predict` and
`eval` of every task, the server's /health (which the page shows); a model grown from real
weights does not."""

from __future__ import annotations

import csv
import json
import re

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
    "classify": ("yorumlar.csv", ["predict", "iyi"], ["eval", "--data"]),
}
# English that a Turkish report or figure once showed: none of it may be left
ENGLISH_IN_REPORT = (
    "full fine-tuning", "of the contexts", "exact match", "word overlap", "gold:",
    "texts read", "fill top", "line by line", "token masking", "like the whole preset",
    ">support<", "train: ", "validation: ", "negative: ",
)  # fmt: skip
ENGLISH_IN_FIGURES = {
    "train", "validation", "baseline", "loss", "accuracy", "count", "predicted", "true",
    "questions", "perplexity", "cross-entropy", "log step", "Accuracy", "Validation F1",
}  # fmt: skip


@pytest.mark.parametrize("task", sorted(TASKS))
def test_every_task_says_so_and_reports_in_the_users_language(task, tmp_path, capsys, monkeypatch):
    from tests.conftest import REPO
    from trtune.report import figures

    drawn: list[str] = []
    to_text = figures.figure_text
    monkeypatch.setattr(
        figures, "figure_text", lambda t, lang: drawn.append(to_text(t, lang)) or drawn[-1]
    )
    data, predict, evaluate = TASKS[task]
    path, out = str(REPO / SAMPLES / data), tmp_path / task
    model = "tiny-t5" if task == "seq2seq" else "tiny"
    train = [task, "train", "--data", path, "--model", model, "--out", str(out), "--epochs", "2"]
    stdout, stderr = _cli([*train, "--lang", "tr"], capsys)
    assert NOTE_TR in stdout
    # the split and the evaluation lines in Turkish too (not "train 12", "{'train': 12}",
    # "epoch 1.00/2  step 3  train loss ...")
    said = stdout + stderr
    assert not re.search(r"\b(train|validation|val) [\d{]|'train'|(train|val) loss", said), said
    assert re.search(r"epoch [\d.]+/\d+  adım \d+  eğitim kaybı [\d.]+  doğrulama kaybı", said)
    assert re.search(r"eğitim \d+ / doğrulama \d+|eğitim \d+, doğrulama \d+", said), said
    report = (out / "report.html").read_text("utf-8")
    assert NOTE_TR in report
    assert [phrase for phrase in ENGLISH_IN_REPORT if phrase in report] == []
    assert drawn and not ENGLISH_IN_FIGURES & set(drawn)
    assert not [text for text in drawn if text.startswith(("Loss", "Confusion", "F1 per"))]
    _, stderr = _cli([task, predict[0], "--model", str(out), "--lang", "en", *predict[1:]], capsys)
    assert NOTE_EN in stderr
    if evaluate:
        _, stderr = _cli([task, *evaluate, path, "--model", str(out), "--json"], capsys)
        assert NOTE_EN in stderr or NOTE_TR in stderr
    field = "classifier" if task == "classify" else task
    with TestClient(create_app(ServeSettings(**{field: out}, dtype="float32"))) as client:
        assert client.get("/health").json()[field]["random_init"] is True


def test_figure_words_in_turkish_and_names_kept():
    from trtune.report.figures import figure_text

    assert figure_text("Confusion matrix (test, lora)", "tr") == "Karışıklık matrisi (test, lora)"
    assert figure_text("validation", "tr") == "doğrulama"
    assert figure_text("validation", "en") == "validation"
    assert figure_text("F1", "tr") == "F1" and figure_text("Doğrulama", "tr") == "Doğrulama"
    assert figure_text("activation 2", "tr") == "aktivasyon 2"
