"""Small generated Turkish QA files for the tests: SQuAD v1/v2 JSON, JSONL and CSV tables."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

NAMES = ["Ahmet", "Ayşe", "Mehmet", "Zeynep", "Emre", "Elif", "Can", "Deniz", "Işıl", "İlker"]
CITIES = ["İstanbul", "Ankara", "İzmir", "Bursa", "Trabzon", "Konya", "Antalya", "Eskişehir"]
JOBS = ["öğretmen", "doktor", "mühendis", "avukat", "aşçı", "pilot"]


def make_paragraphs(n: int = 40, seed: int = 0, impossible: bool = False) -> list[dict]:
    """``n`` paragraphs, each a short biography with two or three questions on it."""
    rng = random.Random(seed)
    paragraphs = []
    for i in range(n):
        name, city = NAMES[i % len(NAMES)], rng.choice(CITIES)
        year, job = str(rng.randrange(1950, 2000)), rng.choice(JOBS)
        context = (
            f"{name} {year} yılında {city} şehrinde doğdu. Üniversiteyi bitirince {job} oldu. "
            f"{name} kitap okumayı ve yürüyüş yapmayı çok sever."
        )
        qas = [
            {"id": f"{i}a", "question": f"{name} nerede doğdu?",
             "answers": [{"text": city, "answer_start": context.index(city)}]},
            {"id": f"{i}b", "question": f"{name} hangi yıl doğdu?",
             "answers": [{"text": year, "answer_start": str(context.index(year))},
                         {"text": f"{year} yılında", "answer_start": context.index(year)}]},
        ]  # fmt: skip
        if impossible and i % 2 == 0:
            qas.append({"id": f"{i}c", "question": f"{name} kaç kardeştir?", "answers": [],
                        "is_impossible": True})  # fmt: skip
        else:
            answer = {"text": job, "answer_start": context.index(job)}
            qas.append({"id": f"{i}c", "question": f"{name} ne oldu?", "answers": [answer]})
        paragraphs.append({"context": context, "qas": qas})
    return paragraphs


def write_squad(path: Path, n: int = 40, seed: int = 0, impossible: bool = False) -> Path:
    """A SQuAD JSON file (v2 with ``impossible``) of ``n`` generated paragraphs."""
    data = [
        {"title": str(i), "paragraphs": [p]}
        for i, p in enumerate(make_paragraphs(n, seed, impossible))
    ]
    version = "v2.0" if impossible else "1.1"
    path.write_text(json.dumps({"version": version, "data": data}, ensure_ascii=False), "utf-8")
    return path


def table_rows(n: int = 40, seed: int = 0, with_start: bool = True) -> list[dict]:
    """Flat rows (context, question, answer[, answer_start]) from the same paragraphs."""
    rows = []
    for p in make_paragraphs(n, seed):
        for qa in p["qas"]:
            first = qa["answers"][0]
            row = {"context": p["context"], "question": qa["question"], "answer": first["text"]}
            if with_start:
                row["answer_start"] = first["answer_start"]
            rows.append(row)
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    return path


def write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path
