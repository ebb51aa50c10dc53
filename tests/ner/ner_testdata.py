"""Small templated Turkish NER sentences, written by the tests themselves."""

from __future__ import annotations

import random
from pathlib import Path

PEOPLE = [
    ["Ali", "Yılmaz"],
    ["Ayşe", "Demir"],
    ["Mustafa", "Kemal"],
    ["Zeynep"],
    ["Orhan", "Pamuk"],
]
PLACES = [["Ankara'ya"], ["İstanbul'da"], ["Samsun'a"], ["İzmir'den"], ["New", "York'ta"]]
DATES = [["19", "Mayıs", "1919'da"], ["2020'de"], ["dün"], ["geçen", "yıl"]]
VERBS = ["gitti", "geldi", "çıktı", "konuştu", "yaşadı"]
FILLERS = ["sonra", "bugün", "sabah", "yine", "hızla"]


def tagged_sentences(n: int, seed: int = 0) -> list[list[tuple[str, str]]]:
    """``n`` sentences of (word, IOB2 tag): PERSON, GPE and DATE entities in templates."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        sentence: list[tuple[str, str]] = []
        for kind, choices in (("PERSON", PEOPLE), ("DATE", DATES), ("GPE", PLACES)):
            words = rng.choice(choices)
            if kind == "DATE" and words in (["dün"], ["geçen", "yıl"]):
                sentence += [(w, "O") for w in words]  # not every time word is a date entity
                continue
            sentence += [(w, ("B-" if i == 0 else "I-") + kind) for i, w in enumerate(words)]
            if rng.random() < 0.3:
                sentence.append((rng.choice(FILLERS), "O"))
        sentence += [(rng.choice(VERBS), "O"), (".", "O")]
        out.append(sentence)
        if rng.random() < 0.25:  # Ankara is a place, but Ankara Gücü a club: context decides
            out.append([("Ankara", "B-ORG"), ("Gücü", "I-ORG"), ("kazandı", "O"), (".", "O")])
        elif rng.random() < 0.35:
            out.append([("Ankara", "B-GPE"), ("güzel", "O"), (".", "O")])
    return out


def write_conll(path: Path, n: int = 80, seed: int = 0) -> Path:
    """A CoNLL file (``word<TAB>tag``) of ``n`` templated sentences."""
    blocks = ["\n".join(f"{w}\t{t}" for w, t in s) for s in tagged_sentences(n, seed)]
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path
