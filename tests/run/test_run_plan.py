"""``--dry-run``: one readable plan for every ``train`` command (data, split, model, method,
steps, a rough time estimate) in Turkish and English; ``--json`` keeps the whole object."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from trtune.cli import main
from trtune.run.models import ModelSource
from trtune.run.plan import (
    EFFICIENCY,
    GEN_TOKEN_SECONDS,
    estimate,
    parameter_counts,
    schedule,
)
from trtune.run.plan_text import duration, plan_text

ROWS = [("olumlu", "Ürün harika, çok memnun kaldım"), ("olumsuz", "Kargo geç geldi, berbat"),
        ("nötr", "Ürün açıklamadaki gibi, idare eder")]  # fmt: skip
PLAN_KEYS = {"task", "method", "model", "labels", "split_sizes", "data", "settings"}


@pytest.fixture(scope="module")
def reviews(tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "yorumlar.csv"
    lines = ["yorum,duygu"] + [f'"{text} {i}",{label}' for i in range(40) for label, text in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(text: str) -> dict[str, str]:
    return {k.strip(): v for k, v in (line.split(" : ", 1) for line in text.strip().splitlines())}


def _dry_run(capsys, *args: str) -> tuple[str, str]:
    assert main(list(args)) is None
    io = capsys.readouterr()
    return io.out, io.err


@pytest.fixture(scope="module")
def tr_plan(reviews, tmp_path_factory):
    """The Turkish plan of a tiny classifier: 5 epochs of batch 8."""
    out = tmp_path_factory.mktemp("o") / "x"
    args = ["classify", "train", "--data", str(reviews), "--out", str(out), "--dry-run"]
    return args + ["--epochs", "5", "--batch-size", "8"], out


def test_turkish_plan_names_data_labels_steps_and_estimate(tr_plan, capsys):
    args, out = tr_plan
    text, err = _dry_run(capsys, *args, "--lang", "tr")
    rows = _rows(text)
    assert set(rows) == {"görev", "veri", "satırlar", "etiketler", "bölümler", "model",
                         "yöntem", "adımlar", "süre tahmini"}  # fmt: skip
    assert "CSV, UTF-8, virgül ile ayrılmış, başlık satırı var" in rows["veri"]
    assert rows["satırlar"] == "120 okundu, 120 tutuldu; atılan yok"
    assert rows["etiketler"] == "olumsuz 40, nötr 40, olumlu 40"
    # 120 rows: 25% test (30), then 10% of the rest for validation (9): 81 to train
    assert rows["bölümler"] == "eğitim 81 / doğrulama 9 / test 30"
    assert rows["adımlar"] == "epoch başına 11 adım × 5 epoch = en çok 55 adım (yığın 8)"
    assert rows["model"].startswith("tiny (yerleşik küçük deneme modeli, ≈ ")
    assert rows["süre tahmini"].startswith("≈ ") and "kaba tahmin" in rows["süre tahmini"]
    assert err.strip() == "deneme (--dry-run): veri ve ayarlar geçerli; hiçbir şey yazılmadı"
    assert not out.exists()


def test_english_plan_and_max_steps(tr_plan, capsys):
    args, _ = tr_plan
    text, err = _dry_run(capsys, *args, "--lang", "en", "--max-steps", "7")
    rows = _rows(text)
    assert rows["labels"] == "negative 40, neutral 40, positive 40"
    assert rows["split"] == "train 81 / validation 9 / test 30"
    assert rows["steps"] == "--max-steps 7 steps (11 steps/epoch, batch 8)"
    assert rows["time estimate"].startswith("≈ ") and "rough estimate" in rows["time estimate"]
    assert err.strip() == "dry run: data and settings are valid; nothing written"


def test_json_keeps_the_plan_and_adds_steps_and_estimate(tr_plan, capsys):
    args, _ = tr_plan
    text, _ = _dry_run(capsys, *args, "--json")
    plan = json.loads(text)
    assert set(plan) == PLAN_KEYS | {"steps", "estimate"}
    assert plan["data"]["rows_kept"] == 120 and plan["labels"] == [
        "negative",
        "neutral",
        "positive",
    ]
    assert plan["steps"] == {"examples": 81, "batch_size": 8, "per_epoch": 11, "epochs": 5.0,
                             "max_steps": None, "total": 55}  # fmt: skip
    e = plan["estimate"]
    assert e["seconds"] > 0 and e["flops"] > 0 and e["probe_flops_per_s"] > 0
    assert 0 < e["parameters"]["compute"] < e["parameters"]["total"]  # lookups excluded


def test_another_task_mask_plan(tmp_path, capsys):
    corpus = tmp_path / "metin.txt"
    lines = [f"Bu {i}. cümle Türkçe bir metindir ve modele okunur." for i in range(40)]
    corpus.write_text("\n".join(lines), encoding="utf-8")
    args = ["mask", "train", "--data", str(corpus), "--out", str(tmp_path / "m"), "--dry-run"]
    text, _ = _dry_run(capsys, *args, "--lang", "tr", "--batch-size", "4", "--epochs", "2")
    rows = _rows(text)
    assert rows["görev"] == "maskeli dil modeli"
    assert rows["metinler"].startswith("40 tutuldu")
    train = int(rows["bölümler"].split()[1])
    per_epoch = -(-train // 4)
    assert rows["adımlar"].startswith(f"epoch başına {per_epoch} adım × 2 epoch")
    assert rows["süre tahmini"].startswith("≈ ")


def test_schedule_and_estimates_without_a_model():
    settings = SimpleNamespace(batch_size=16, epochs=2.5, max_steps=None)
    assert schedule(100, settings)["total"] == 18  # 7 steps x 2.5 epochs, rounded up
    settings.max_steps = 3
    assert schedule(100, settings)["total"] == 3
    steps = schedule(100, settings)
    params = {"total": 10, "compute": 5}
    full = estimate("finetune", params, 20.0, steps, 0, speed=(1e9, "cpu"))
    lora = estimate("lora", params, 20.0, steps, 0, speed=(1e9, "cpu"))
    assert full["flops"] == 6 * 5 * 3 * 16 * 20 and lora["flops"] == 4 * 5 * 3 * 16 * 20
    # seq2seq: each evaluation generates 10 sources with 2 beams, 300 decoding steps at
    # most: 2 x 5 x 10 x 2 x 300 FLOPs and 3,000 source steps
    generation = {"sources": 10, "beams": 2, "new_tokens": 300}
    s2s = estimate("full", params, 20.0, steps, 0, speed=(1e9, "cpu"), generation=generation)
    assert s2s["flops"] - full["flops"] == 2 * 5 * 10 * 2 * 300  # one evaluation (3 < 7 steps)
    added = 3000 * GEN_TOKEN_SECONDS + 2 * 5 * 10 * 2 * 300 / (1e9 * EFFICIENCY)
    assert s2s["seconds"] - full["seconds"] == pytest.approx(added, abs=0.11)
    assert s2s["generation"] == generation
    assert estimate("tfidf", None, None, steps, 0)["reason"] == "no_network"
    assert estimate("finetune", None, None, steps, 0)["reason"] == "model_offline"


def test_hub_model_offline_says_unknown():
    assert parameter_counts(ModelSource("someorg/yok-model", "hub"), "encoder") is None
    plan = {"task": "mask", "method": "full", "settings": {"data": ["a.txt"]},
            "model": {"name": "someorg/yok-model", "kind": "hub", "location": "x"},
            "data": {"files": ["a.txt"], "format": "txt", "drops": {"kept": 9}},
            "split_sizes": {"train": 7, "validation": 1, "test": 1},
            "steps": {"examples": 7, "batch_size": 8, "per_epoch": 1, "epochs": 1.0,
                      "max_steps": None, "total": 1},
            "estimate": {"seconds": None, "reason": "model_offline"}}  # fmt: skip
    text = plan_text(plan, "tr")
    assert "süre tahmini : bilinmiyor: model bu makinede yok" in text
    assert "model        : someorg/yok-model (Hugging Face Hub)" in text


def test_durations_read_at_a_glance():
    assert duration(7.6, "tr") == "8 sn"
    assert duration(241, "en") == "4 min"
    assert duration(3 * 3600 + 1200, "tr") == "3.3 sa"
