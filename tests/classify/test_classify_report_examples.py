"""The classification report shows the test texts the model got most confidently wrong (and
a few right ones) and only the settings of the run's method."""

from __future__ import annotations

from trtune.infer.classify import Prediction
from trtune.tasks.classify.report import RIGHT_SHOWN, WRONG_SHOWN, shown_examples
from trtune.tasks.classify.settings import ClassifySettings


def _prediction(text: str, label: str, p: float) -> Prediction:
    other = "olumsuz" if label == "olumlu" else "olumlu"
    return Prediction(text, label, {label: p, other: 1 - p})


def test_wrong_ones_come_most_confident_first_with_gold_and_probability():
    predictions = [
        _prediction("Berbat bir kargo", "olumlu", 0.91),
        _prediction("Harika ürün", "olumlu", 0.99),
        _prediction("Fena değil", "olumsuz", 0.62),
        _prediction("Çok kötü", "olumsuz", 0.80),
        _prediction("İdare eder", "olumlu", 0.55),
    ]
    gold = ["olumsuz", "olumlu", "olumlu", "olumsuz", "olumsuz"]
    found = shown_examples(predictions, gold)
    assert [r["text"] for r in found["wrong"]] == ["Berbat bir kargo", "Fena değil", "İdare eder"]
    assert found["wrong"][0] == {
        "text": "Berbat bir kargo",
        "gold": "olumsuz",
        "predicted": "olumlu",
        "probability": 0.91,
    }
    assert [r["text"] for r in found["right"]] == ["Harika ürün", "Çok kötü"]


def test_at_most_a_few_of_each_are_kept():
    predictions = [_prediction(f"metin {i}", "olumlu", 0.5 + i / 100) for i in range(40)]
    found = shown_examples(predictions, ["olumsuz"] * 20 + ["olumlu"] * 20)
    assert len(found["wrong"]) == WRONG_SHOWN and len(found["right"]) == RIGHT_SHOWN
    assert found["wrong"][0]["text"] == "metin 19"  # the most confident wrong one


def test_a_report_lists_only_the_settings_of_its_method():
    common = {"data": "d.csv", "out": "o"}
    finetune = ClassifySettings(**common, method="finetune").method_settings()
    assert "lr" in finetune and "lora_r" not in finetune and "pooling" not in finetune
    lora = ClassifySettings(**common, method="lora").method_settings()
    assert lora["lora_r"] >= 1 and "merge" in lora
    tfidf = ClassifySettings(**common, method="tfidf").method_settings()
    assert "lr" not in tfidf and "model" not in tfidf and "seed" in tfidf
    features = ClassifySettings(**common, method="features").method_settings()
    assert "pooling" in features and "lora_alpha" not in features
