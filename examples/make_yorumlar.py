"""Write examples/data/yorumlar.csv: short Turkish product reviews we compose ourselves.

Run from the repository root: ``python examples/make_yorumlar.py``. The output is
deterministic (seeded), so the committed file can always be regenerated.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

PRODUCTS = [
    "telefon",
    "kulaklık",
    "laptop",
    "saat",
    "ayakkabı",
    "mont",
    "kahve makinesi",
    "süpürge",
    "kitap",
    "çanta",
    "klavye",
    "mouse",
    "tablet",
    "ütü",
    "blender",
    "şarj aleti",
    "monitör",
    "hoparlör",
    "fırın",
    "battaniye",
]
POSITIVE = [
    "{p} harika, çok memnun kaldım",
    "{p} beklediğimden de güzel çıktı",
    "kargo hızlıydı, {p} sağlam ve kaliteli",
    "fiyatına göre çok iyi bir {p}, herkese tavsiye ederim",
    "{p} tam anlatıldığı gibi, teşekkürler",
    "bu {p} gerçekten mükemmel, bayıldım",
    "{p} çok kullanışlı, ikinciyi de alacağım",
    "ailece çok beğendik, {p} süper",
    "{p} kusursuz çalışıyor, satıcıya teşekkürler",
    "uzun zamandır aldığım en iyi {p}",
]
NEGATIVE = [
    "{p} iki günde bozuldu, hiç tavsiye etmem",
    "berbat bir {p}, paramı geri istiyorum",
    "{p} kırık geldi, çok kötü paketlenmiş",
    "{p} anlatıldığı gibi değil, hayal kırıklığı",
    "rezalet, {p} hiç çalışmıyor",
    "bu {p} için verdiğim paraya yazık",
    "{p} kalitesiz ve dayanıksız, almayın",
    "kargo çok geç geldi, {p} de bozuk çıktı",
    "{p} çok kötü kokuyor, iade ettim",
    "hayatımda aldığım en kötü {p}",
]
NEUTRAL = [
    "{p} bugün elime ulaştı, henüz kullanmadım",
    "{p} ortalama, ne iyi ne kötü",
    "{p} idare eder, fiyatı normal",
    "{p} siparişimi verdim, kargoyu bekliyorum",
    "{p} standart bir ürün, beklentiyi karşılıyor",
    "{p} rengi fotoğraftakinden biraz farklı",
    "{p} için bir hafta kullandıktan sonra yorum yazacağım",
    "{p} fena değil ama çok da özel değil",
    "{p} kutusu açıldı, kurulum yapılacak",
    "{p} normal bir ürün, söyleyecek pek bir şey yok",
]
ENDINGS = ["", ".", "!", " :)", "..", " 👍"]


def make_rows(seed: int = 7, per_class: int = 120) -> list[tuple[str, str]]:
    """Compose ``per_class`` distinct reviews for each label (olumlu/olumsuz/nötr)."""
    rng = random.Random(seed)
    rows: list[tuple[str, str]] = []
    for label, templates in (("olumlu", POSITIVE), ("olumsuz", NEGATIVE), ("nötr", NEUTRAL)):
        seen: set[str] = set()
        while len(seen) < per_class:
            text = rng.choice(templates).format(p=rng.choice(PRODUCTS)) + rng.choice(ENDINGS)
            text = text[0].upper() + text[1:]
            if text not in seen:
                seen.add(text)
                rows.append((text, label))
    rng.shuffle(rows)
    return rows


def main() -> None:
    out = Path(__file__).resolve().parent / "data" / "yorumlar.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["yorum", "duygu"])
        writer.writerows(make_rows())
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
