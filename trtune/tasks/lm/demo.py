"""The `trtune demo` step for lm: a few LoRA steps on tiny-gpt with Turkish instructions."""

from __future__ import annotations

import json
from pathlib import Path

from trtune.data.samples import shared_data
from trtune.i18n import say
from trtune.run.messages import MESSAGES as RUN_MESSAGES
from trtune.run.messages import random_init_notice
from trtune.run.progress import Reporter, silent_if_none
from trtune.tasks.lm.settings import LMSettings
from trtune.tasks.lm.train import train_lm

ALPACA = shared_data("lm", "alpaca_tr_finans_ml.csv")
SAMPLE_ROWS = [
    ("Faiz nedir?", "", "Faiz, ödünç alınan paranın kullanım bedelidir."),
    ("Enflasyon neyi ölçer?", "", "Enflasyon, fiyatlar genel düzeyindeki artışı ölçer."),
    ("Hisse senedi nedir?", "", "Hisse senedi, bir şirketin sermayesindeki payı gösterir."),
    ("Döviz kuru nasıl belirlenir?", "Türkiye", "Kur, döviz arz ve talebiyle belirlenir."),
    ("Tahvil ne işe yarar?", "", "Tahvil, borç almak için çıkarılan bir menkul kıymettir."),
    ("Bütçe açığı ne demektir?", "", "Bütçe açığı, giderlerin gelirleri aşmasıdır."),
]
STRINGS = {
    "en": "lm: {n} steps of LoRA on tiny-gpt (built offline) with {data}",
    "tr": "lm: tiny-gpt (çevrimdışı kurulur) üzerinde {data} ile {n} adım LoRA",
}


def _demo_data(out_dir: Path) -> Path:
    """The shared Alpaca file when present, else a small one written here."""
    if ALPACA.is_file():
        return ALPACA
    path = out_dir / "talimatlar.jsonl"
    rows = [{"instruction": i, "input": x, "output": o} for i, x, o in SAMPLE_ROWS * 8]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    return path


def demo_tour(out_dir: Path, lang: str = "en", reporter: Reporter | None = None) -> list[Path]:
    """Train a LoRA adapter for a few steps; return the report's path."""
    reporter = silent_if_none(reporter)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = _demo_data(out_dir)
    steps = 12
    reporter.line(STRINGS.get(lang, STRINGS["en"]).format(n=steps, data=data.name))
    settings = LMSettings(
        data=str(data),
        out=str(out_dir / "lm-lora"),
        model="tiny-gpt",
        method="lora",
        max_steps=steps,
        max_length=96,
        batch_size=8,
        max_examples=160,
        num_generations=2,
    )
    result = train_lm(settings, overwrite=True, reporter=reporter)
    assert result.report is not None
    reporter.line(say(RUN_MESSAGES, "note", lang, text=random_init_notice(True, lang)))
    return [result.report]
