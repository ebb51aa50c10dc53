"""One inference layer: `serve` answers what the CLI answers for the same folder.

- `/v1/classify` and `classify predict` give the same probabilities, with the length limit
  the model was trained with (serve used to cut every classifier at 128 tokens);
- `/v1/generate` and `lm generate` give the same greedy text.
"""

from __future__ import annotations

import csv
import json

import pytest
from fastapi.testclient import TestClient

from trtune.cli import main
from trtune.serve.app import create_app
from trtune.serve.settings import ServeSettings

LONG = "Ürün " + "gerçekten çok güzel ve kaliteli " * 12 + "ama kargo geç geldi."


def _cli(args: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as done:
        main(args)
        raise SystemExit(0)
    captured = capsys.readouterr()
    assert done.value.code in (0, None), captured.err
    return captured.out


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("agree")
    reviews = root / "yorumlar.csv"
    kinds = (("harika", "olumlu"), ("berbat", "olumsuz"), ("orta", "nötr"))
    rows = [(f"{w} ürün {i}, {w} bir alışveriş", label) for i in range(30) for w, label in kinds]
    with reviews.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("yorum", "durum"), *rows])
    data = root / "talimat.jsonl"
    data.write_text("\n".join(json.dumps({"instruction": f"Soru {i}?", "output": "Faiz sabit."})
                              for i in range(30)), "utf-8")  # fmt: skip
    main(["classify", "train", "--data", str(reviews), "--model", "tiny", "--epochs", "1",
          "--max-length", "200", "--out", str(root / "clf")])  # fmt: skip
    main(["lm", "train", "--data", str(data), "--model", "tiny-gpt", "--method", "full",
          "--max-steps", "3", "--batch-size", "8", "--max-length", "48",
          "--out", str(root / "lm")])  # fmt: skip
    return root / "clf", root / "lm"


def test_serve_and_classify_predict_give_the_same_probabilities(folders, capsys):
    clf, _ = folders
    texts = ["harika bir ürün", LONG]  # the long one is over 128 tokens, under 200
    out = _cli(["classify", "predict", "--model", str(clf), "--json", *texts], capsys)
    cli = [json.loads(line)["probabilities"] for line in out.splitlines()]
    settings = ServeSettings(classifier=clf, dtype="float32")
    with TestClient(create_app(settings)) as client:
        served = client.post("/v1/classify", json={"texts": texts}).json()["results"]
    for got, want in zip(served, cli, strict=True):
        assert got["probabilities"] == pytest.approx(want, abs=1e-5)


def test_v1_generate_and_lm_generate_write_the_same_greedy_text(folders, capsys):
    _, lm = folders
    args = ["lm", "generate", "--model", str(lm), "--temperature", "0", "--max-new-tokens", "8"]
    cli = _cli([*args, "Faiz nedir?"], capsys).strip()
    settings = ServeSettings(lm=lm, dtype="float32")
    with TestClient(create_app(settings)) as client:
        body = {"prompt": "Faiz nedir?", "temperature": 0, "max_new_tokens": 8}
        served = client.post("/v1/generate", json=body).json()["text"]
    assert served == cli and served
