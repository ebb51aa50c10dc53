"""`--class-weight balanced`: rare labels weigh more in every method's loss and the baseline."""

from __future__ import annotations

import csv
import json
import random

import pytest
import torch

from trtune.cli import main
from trtune.errors import UserError
from trtune.run.trainer import TrtuneTrainer
from trtune.tasks.classify.baseline import TfidfClassifier
from trtune.tasks.classify.head import train_head
from trtune.tasks.classify.settings import ClassifySettings, class_weights


def test_balanced_weights_follow_sklearn_and_average_one():
    ids = [0] * 60 + [1] * 30 + [2] * 10
    weights = class_weights("balanced", ids, 3)
    assert weights == pytest.approx([100 / 180, 100 / 90, 100 / 30])
    assert sum(weights[i] for i in ids) / len(ids) == pytest.approx(1.0)
    assert class_weights("none", ids, 3) is None
    with pytest.raises(UserError, match="class weight 'equal'"):
        ClassifySettings(data="d.csv", out="o", class_weight="equal")


def _noisy_texts(seed: int = 0) -> tuple[list[str], list[str]]:
    """Texts of words shared by all labels, each label leaning on its own words; 'nötr'
    is rare (1 in 10)."""
    rng = random.Random(seed)
    lean = {"olumlu": ["güzel", "harika"], "olumsuz": ["kötü", "berbat"], "nötr": ["idare"]}
    common = ["ürün", "kargo", "fiyat", "paket", "renk", "beden"]
    texts, labels = [], []
    for i in range(400):
        label = "nötr" if i % 10 == 0 else ("olumlu" if i % 2 else "olumsuz")
        words = [rng.choice(common) for _ in range(5)]
        words += [rng.choice(lean[label]) for _ in range(rng.randint(0, 1))]
        words += [rng.choice([w for ws in lean.values() for w in ws]) for _ in range(1)]
        texts.append(" ".join(words) + f" {i}")
        labels.append(label)
    return texts, labels


def test_balanced_tfidf_gives_the_rare_label_more_probability():
    texts, labels = _noisy_texts()
    plain = TfidfClassifier.fit(texts, labels)
    balanced = TfidfClassifier.fit(texts, labels, class_weight="balanced")
    rare = plain.labels.index("nötr")
    assert balanced.labels == plain.labels
    plain_share = plain.predict_proba(texts)[:, rare].mean()
    balanced_share = balanced.predict_proba(texts)[:, rare].mean()
    assert balanced_share > plain_share + 0.02  # 0.100 -> 0.129 when written


def test_balanced_head_predicts_the_rare_class_more_often():
    generator = torch.Generator().manual_seed(0)
    y = torch.tensor([2 if i % 10 == 0 else i % 2 for i in range(600)])
    x = torch.randn(600, 16, generator=generator) + 0.6 * torch.nn.functional.one_hot(y, 16)
    weights = class_weights("balanced", y.tolist(), 3)
    found = []
    for w in (None, weights):
        head, _ = train_head(x[:500], y[:500], x[500:], y[500:], 3, epochs=15, patience=15,
                             class_weights=w)  # fmt: skip
        with torch.no_grad():
            found.append(int((head(x).argmax(1) == 2).sum()))
    assert found[1] > found[0]


def test_cli_finetune_passes_balanced_weights_to_the_trainer(tmp_path, monkeypatch):
    rows = [("harika ürün çok güzel " + str(i), "olumlu") for i in range(40)]
    rows += [("berbat ürün çok kötü " + str(i), "olumsuz") for i in range(40)]
    rows += [("idare eder ürün " + str(i), "nötr") for i in range(12)]
    data = tmp_path / "d.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("yorum", "duygu"), *rows])
    seen = []
    original = TrtuneTrainer.weighted_loss

    def recording(weights):
        seen.append(list(weights))
        return original(weights)

    monkeypatch.setattr(TrtuneTrainer, "weighted_loss", staticmethod(recording))
    out = tmp_path / "run"
    main(["classify", "train", "--data", str(data), "--model", "tiny", "--method", "finetune",
          "--epochs", "1", "--class-weight", "balanced", "--out", str(out)])  # fmt: skip
    labels = json.loads((out / "trtune.json").read_text("utf-8"))["model"]["labels"]
    assert json.loads((out / "trtune.json").read_text("utf-8"))["settings"]["class_weight"] == (
        "balanced"
    )
    assert len(seen) == 1
    weights = dict(zip(labels, seen[0], strict=True))
    assert weights["neutral"] > 2.5 * weights["positive"]  # 12 against 40 texts (nötr, olumlu)
    assert "Class-weighted loss" in (out / "README.md").read_text("utf-8")
    assert "Class-weighted loss" in (out / "report.html").read_text("utf-8")
