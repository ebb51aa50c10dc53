"""Small data for the lm tests, written per test (imported by name: tests have no packages)."""

from __future__ import annotations

import json
from pathlib import Path

SHARED_LM = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "lm"

TEXTS = [
    "Kripto para piyasasında fiyatlar hızla değişir.",
    "Borsa İstanbul'da işlem gören hisseler yükseldi.",
    "Merkez bankası faiz oranlarını sabit tuttu.",
    "Enflasyon verileri beklentilerin üzerinde geldi.",
] * 10


def write_alpaca(path: Path, n: int = 40) -> Path:
    rows = [
        {
            "instruction": f"Soru {i}: faiz nedir?",
            "input": "Kısa yanıt ver." if i % 2 else "",
            "output": TEXTS[i % 4],
        }
        for i in range(n)
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    return path
