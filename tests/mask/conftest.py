"""Fixtures for the mask tests: templated Turkish sentences (a small model can learn their
frames in a few seconds) and a tiny masked LM trained once per session."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

CITIES = {
    "Ankara": "İç Anadolu",
    "Konya": "İç Anadolu",
    "İzmir": "Ege",
    "Manisa": "Ege",
    "Trabzon": "Karadeniz",
    "Samsun": "Karadeniz",
    "Adana": "Akdeniz",
    "Antalya": "Akdeniz",
}
THINGS = ["telefon", "kitap", "ayakkabı", "çanta", "kulaklık", "saat"]
GOOD = ["güzel", "harika", "kaliteli", "sağlam"]
BAD = ["kötü", "bozuk", "kırık", "eski"]


def turkish_lines(n: int = 240, seed: int = 0) -> list[str]:
    """``n`` distinct templated sentences: cities and their regions, things and their
    quality, with apostrophe suffixes (``Ankara'da``) and Turkish letters."""
    rng = random.Random(seed)
    lines: set[str] = set()
    while len(lines) < n:
        city = rng.choice(sorted(CITIES))
        thing = rng.choice(THINGS)
        kind, number = rng.randrange(4), rng.randrange(90)
        if kind == 0:
            lines.add(f"{city} {CITIES[city]} bölgesinde bir şehirdir ve çok güzeldir {number}.")
        elif kind == 1:
            good = rng.choice(GOOD)
            lines.add(f"{city}'da aldığım {thing} çok {good}, herkese tavsiye ederim {number}.")
        elif kind == 2:
            bad = rng.choice(BAD)
            lines.add(f"{city}'dan gelen {thing} çok {bad}, hiç memnun kalmadım {number}.")
        else:
            lines.add(f"Bu {thing} bugün {city}'ya ulaştı, yarın kullanacağım {number}.")
    return sorted(lines)


def write_lines(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """240 templated sentences, one per line."""
    return write_lines(tmp_path_factory.mktemp("mask") / "metin.txt", turkish_lines())


@pytest.fixture(scope="session")
def tiny_mask_run(tmp_path_factory, corpus):
    """A tiny BERT trained as a masked LM on :func:`corpus` (about 10 s), and its result."""
    from trtune.tasks.mask.settings import MaskSettings
    from trtune.tasks.mask.train import train_masked_lm

    out = tmp_path_factory.mktemp("tinymask") / "run"
    settings = MaskSettings(
        data=[str(corpus)], out=str(out), model="tiny", epochs=12, fill_probes=40, seed=3
    )
    result = train_masked_lm(settings)
    return out, result
