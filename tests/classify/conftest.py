"""Fixtures for the classify tests: a small generated review file and a cache folder."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

_PARTS = {
    "olumlu": (
        ["Ürün harika", "Çok güzel bir ürün", "Mükemmel kalite", "Bayıldım"],
        ["herkese tavsiye ederim", "çok memnun kaldım", "tam beklediğim gibi"],
    ),
    "olumsuz": (
        ["Ürün berbat", "Çok kötü bir ürün", "Rezalet kalite", "Hiç beğenmedim"],
        ["kimseye tavsiye etmem", "param çöpe gitti", "hemen iade ettim"],
    ),
    "nötr": (
        ["Ürün bugün geldi", "Kargo salı günü ulaştı", "Paket açıldı", "Sipariş verdim"],
        ["henüz kullanmadım", "yorum yapacağım", "bakalım nasıl olacak"],
    ),
}
_OBJECTS = ["telefon", "ayakkabı", "kulaklık", "fırın", "kitap", "çanta"]


def write_reviews(path: Path, per_label: int = 50, seed: int = 0) -> Path:
    """A CSV (``yorum,duygu``) of templated Turkish reviews, ``per_label`` of each label."""
    rng = random.Random(seed)
    rows = []
    for label, (heads, tails) in _PARTS.items():
        for i in range(per_label):
            text = f"{rng.choice(heads)}, {rng.choice(_OBJECTS)} {rng.choice(tails)} {i}"
            rows.append((text, label))
    rng.shuffle(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["yorum", "duygu"])
        writer.writerows(rows)
    return path


@pytest.fixture(scope="session")
def reviews_csv(tmp_path_factory) -> Path:
    """150 generated reviews (50 positive, 50 negative, 50 neutral)."""
    return write_reviews(tmp_path_factory.mktemp("data") / "yorumlar.csv")


@pytest.fixture(scope="session", autouse=True)
def _one_thread():
    """One torch thread: tiny models gain nothing from more, and the machine is shared."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(autouse=True)
def _offline_cache(tmp_path, monkeypatch):
    """No Hub access and a private feature cache for every test."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRTUNE_CACHE", str(tmp_path / "cache"))
