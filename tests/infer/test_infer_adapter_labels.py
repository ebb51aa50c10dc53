"""A classification adapter on a real (non-preset) base loads with its own number of labels
before trtune.json exists: the end-of-training scoring loads it at that moment (a 3-label
LoRA run on a folder base used to fail there with a size mismatch)."""

from __future__ import annotations

import torch

from trtune.infer.kinds import ADAPTER_LABELS, inspect_folder, load_model_folder, save_trained
from trtune.run.lora import apply_lora
from trtune.run.models import load_model, load_tokenizer, resolve_model
from trtune.tasks.classify.settings import ClassifySettings

TEXTS = ["Ürün çok güzel geldi.", "Kargo berbat, hiç memnun değilim.", "Fena değil, idare eder."]
LABELS = ["negative", "neutral", "positive"]


def _plain_base(tmp_path):
    """A tiny BERT saved as an ordinary folder (no labels of its own: 2 by default)."""
    preset = resolve_model("tiny")
    tokenizer = load_tokenizer(preset, TEXTS)
    encoder = load_model(preset, "encoder", tokenizer)
    folder = tmp_path / "base"
    encoder.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return resolve_model(str(folder)), tokenizer


def test_a_three_label_adapter_loads_without_its_record(tmp_path):
    source, tokenizer = _plain_base(tmp_path)
    model = load_model(source, "sequence-classification", tokenizer, labels=LABELS)
    settings = ClassifySettings(data="d.csv", out=str(tmp_path / "run"), method="lora")
    model = apply_lora(model, settings, "classify")
    out = tmp_path / "run"
    out.mkdir()
    save_trained(model, tokenizer, out, merge=False, base=source)
    assert (out / ADAPTER_LABELS).is_file() and not (out / "trtune.json").exists()
    loaded, _ = load_model_folder(inspect_folder(out), device=torch.device("cpu"))
    batch = tokenizer(TEXTS, return_tensors="pt", padding=True)
    with torch.no_grad():
        logits = loaded(**batch).logits
    assert logits.shape == (3, 3)
    assert [loaded.config.id2label[i] for i in range(3)] == LABELS
