"""Tiny folders of every encoder kind trtune exports to ONNX, built from configs in well
under a second each: a 2-layer BERT (hidden 32) per task head with a WordPiece tokenizer
trained on a few Turkish sentences, saved as ``classify``/``ner``/``qa``/``mask`` runs
(``trtune.json`` as the train commands write it), and a classification LoRA adapter."""

from __future__ import annotations

from pathlib import Path

import torch

SENTENCES = [
    "Bu film harikaydı, herkese tavsiye ederim.",
    "Hiç beğenmedim, çok sıkıcı bir kitaptı.",
    "Ürün zamanında geldi, fena değil.",
    "Mustafa Kemal Atatürk 1881 yılında Selanik'te doğdu.",
    "Ankara Türkiye'nin başkentidir.",
    "Ayşe yarın İstanbul'dan İzmir'e gidecek.",
    "Orhan Pamuk Nobel ödülünü kazandı.",
    "Kargo gecikti ama satıcı ilgiliydi.",
]
LABELS = {
    "classify": ["negative", "neutral", "positive"],
    "ner": ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"],
}
HEADS = {
    "classify": "BertForSequenceClassification",
    "ner": "BertForTokenClassification",
    "qa": "BertForQuestionAnswering",
    "mask": "BertForMaskedLM",
}


def tokenizer():
    """The run layer's WordPiece tokenizer (as ``--model tiny`` trains it) on :data:`SENTENCES`."""
    from trtune.run.presets import train_wordpiece_tokenizer

    return train_wordpiece_tokenizer(SENTENCES, vocab_size=300, max_length=128)


def _model(task: str, vocab: int):
    import transformers
    from transformers import BertConfig

    labels = LABELS.get(task, ["start", "end"] if task == "qa" else ["LABEL_0", "LABEL_1"])
    config = BertConfig(
        vocab_size=vocab,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
        id2label=dict(enumerate(labels)),
        label2id={name: i for i, name in enumerate(labels)},
    )
    torch.manual_seed(0)
    model = getattr(transformers, HEADS[task])(config).eval()
    with torch.no_grad():  # bolder random weights: probabilities differ visibly
        for p in model.parameters():
            p.mul_(4.0) if p.dim() > 1 else None
    return model


def _record(task: str, labels: list[str] | None) -> dict:
    model = {"max_length": 64}
    if labels:
        model["labels"] = labels
    return {"task": task, "method": "finetune", "model": model, "settings": {"max_length": 64}}


def build(root: Path, task: str) -> Path:
    """A full-model folder of ``task`` under ``root``."""
    from trtune.run.outdir import atomic_write_json

    tok = tokenizer()
    model = _model(task, len(tok))
    out = root / task
    model.save_pretrained(str(out))
    tok.save_pretrained(str(out))
    atomic_write_json(out / "trtune.json", _record(task, LABELS.get(task)))
    return out


def build_adapter(root: Path) -> Path:
    """A classification LoRA adapter folder whose base is a tiny folder beside it."""
    from peft import LoraConfig, TaskType, get_peft_model

    from trtune.infer.kinds import save_trained
    from trtune.run.models import resolve_model
    from trtune.run.outdir import atomic_write_json

    base = build(root / "base", "classify")
    tok = tokenizer()
    model = _model("classify", len(tok))
    config = LoraConfig(task_type=TaskType.SEQ_CLS, r=4, target_modules=["query", "value"])
    model = get_peft_model(model, config)
    with torch.no_grad():  # a trained-looking adapter: B is not zero
        for name, p in model.named_parameters():
            if "lora_B" in name:
                p.normal_(0.0, 0.5)
    out = root / "adapter"
    save_trained(model, tok, out, merge=False, base=resolve_model(str(base)))
    atomic_write_json(out / "trtune.json", _record("classify", LABELS["classify"]))
    return out
