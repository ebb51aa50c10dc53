"""Small pair files the seq2seq tests write themselves, and the settings of a fast run."""

from __future__ import annotations

import json
from pathlib import Path

OBJECTS = [
    ("book", "kitabı"),
    ("cat", "kediyi"),
    ("house", "evi"),
    ("tree", "ağacı"),
    ("car", "arabayı"),
    ("bird", "kuşu"),
    ("child", "çocuğu"),
    ("sea", "denizi"),
]
VERBS = [("see", "görüyorum"), ("love", "seviyorum"), ("want", "istiyorum")]


def en_tr_pairs() -> list[tuple[str, str]]:
    """24 templated English-Turkish pairs (each English sentence twice: two translations)."""
    pairs = []
    for en_obj, tr_obj in OBJECTS:
        for en_verb, tr_verb in VERBS:
            pairs.append((f"I {en_verb} the {en_obj}.", f"{tr_obj.capitalize()} {tr_verb}."))
    extra = [(en, tr.replace("yorum.", "yorum!")) for en, tr in pairs[:12]]
    return pairs + extra


def write_tsv(path: Path, pairs: list[tuple[str, str]], header: str | None = None) -> Path:
    lines = ([header] if header else []) + [f"{a}\t{b}" for a, b in pairs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


PLACES = ["Ankara", "İzmir", "Bursa", "Konya", "Antalya", "Trabzon"]


def _extra_paragraphs(count: int) -> list[dict]:
    """``count`` more paragraphs, two questions each."""
    paragraphs = []
    for i, place in enumerate(PLACES[:count]):
        context = f"{place} güzel bir şehirdir. Nüfusu {i + 1} milyondur."
        paragraphs.append(
            {
                "context": context,
                "qas": [
                    {
                        "id": f"x{i}a",
                        "question": f"{place} nasıl bir şehirdir?",
                        "answers": [{"text": "güzel bir şehirdir", "answer_start": len(place) + 1}],
                    },
                    {
                        "id": f"x{i}b",
                        "question": f"{place} nüfusu kaçtır?",
                        "answers": [
                            {
                                "text": f"{i + 1} milyon",
                                "answer_start": context.index(f"{i + 1} milyon"),
                            }
                        ],
                    },
                ],
            }
        )
    return paragraphs


def write_squad(path: Path, extra: int = 0) -> Path:
    """A SQuAD file: two paragraphs, five questions, one answer that is not in its text (and
    ``extra`` more paragraphs of two questions each)."""
    context_a = (
        "Mustafa Kemal Atatürk 1881 yılında Selanik'te doğdu. Türkiye Cumhuriyeti 1923 yılında "
        "kuruldu. Başkent Ankara oldu."
    )
    context_b = "İstanbul Boğazı Karadeniz'i Marmara Denizi'ne bağlar. Boğazın uzunluğu 31 km'dir."
    data = {
        "version": "1.1",
        "data": [
            {
                "title": "Tarih",
                "paragraphs": [
                    {
                        "context": context_a,
                        "qas": [
                            {
                                "id": "1",
                                "question": "Atatürk nerede doğdu?",
                                "answers": [{"text": "Selanik", "answer_start": "35"}],
                            },
                            {
                                "id": "2",
                                "question": "Cumhuriyet ne zaman kuruldu?",
                                "answers": [{"text": "1923", "answer_start": 999}],
                            },
                            {
                                "id": "3",
                                "question": "Başkent neresi oldu?",
                                "answers": [{"text": "Ankara", "answer_start": 97}],
                            },
                            {
                                "id": "4",
                                "question": "Bu soru cevapsız mı?",
                                "answers": [{"text": "Paris", "answer_start": 0}],
                            },
                        ],
                    }
                ],
            },
            {
                "title": "Coğrafya",
                "paragraphs": [
                    {
                        "context": context_b,
                        "qas": [
                            {
                                "id": "5",
                                "question": "Boğaz hangi denizleri bağlar?",
                                "answers": [
                                    {"text": "Karadeniz'i Marmara Denizi'ne", "answer_start": 16}
                                ],
                            },
                        ],
                    }
                ],
            },
            {"title": "Şehirler", "paragraphs": _extra_paragraphs(extra)},
        ],
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def tiny_settings(**values):
    """Settings of a fast tiny-t5 run (a few steps, greedy, short outputs)."""
    from trtune.tasks.seq2seq.settings import Seq2SeqSettings

    base = dict(
        model="tiny-t5",
        max_steps=6,
        batch_size=8,
        test_size=0.2,
        validation_size=0.2,
        eval_samples=4,
        num_beams=1,
        max_new_tokens=8,
        lr=3e-3,
    )
    return Seq2SeqSettings(**{**base, **values})
