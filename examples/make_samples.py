"""Write the small samples the README's tour trains on, composed here (no real data):

- ``examples/data/sorular.json``: short Turkish paragraphs with questions, in SQuAD v1.1
  form, for ``trtune qa``;
- ``examples/data/ceviri.tsv``: English-Turkish sentence pairs, ``English<TAB>Turkish``, for
  ``trtune seq2seq``.

Run from the repository root: ``python examples/make_samples.py``. The output is
deterministic (seeded), so the committed files can always be regenerated. They are
templated on purpose: a tiny model learns them in seconds, which is what a tour needs; real
data lives in ``../shared/data`` (see ``docs/data.md``).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

NAMES = ["Ahmet", "Ayşe", "Mehmet", "Zeynep", "Emre", "Elif", "Can", "Deniz", "Işıl", "İlker"]
NAMES += ["Selin", "Burak", "Ece", "Oğuz", "Şule", "Tolga", "Gül", "Umut", "Nazlı", "Kerem"]
CITIES = ["İstanbul", "Ankara", "İzmir", "Bursa", "Trabzon", "Konya", "Antalya", "Eskişehir"]
JOBS = ["öğretmen", "doktor", "mühendis", "avukat", "aşçı", "pilot", "mimar", "hemşire"]
HOBBIES = ["kitap okumayı", "yüzmeyi", "resim yapmayı", "gitar çalmayı", "bisiklet sürmeyi"]

# (English object, Turkish object in the accusative); (English verb, Turkish stem + person)
OBJECTS = [
    ("book", "kitabı"),
    ("cat", "kediyi"),
    ("house", "evi"),
    ("tree", "ağacı"),
    ("bird", "kuşu"),
    ("child", "çocuğu"),
    ("sea", "denizi"),
]
VERBS = [("see", "görüyor"), ("love", "seviyor"), ("want", "istiyor"), ("know", "biliyor")]
SUBJECTS = [("I", "um"), ("We", "uz"), ("You", "sun"), ("They", "lar")]


def question_paragraphs(n: int = 60, seed: int = 0) -> list[dict]:
    """``n`` short biographies, three questions each, answers located in the text."""
    rng = random.Random(seed)
    paragraphs = []
    for i in range(n):
        name, city, job = NAMES[i % len(NAMES)], rng.choice(CITIES), rng.choice(JOBS)
        year, hobby = str(rng.randrange(1950, 2005)), rng.choice(HOBBIES)
        context = (
            f"{name} {year} yılında {city} şehrinde doğdu. Üniversiteyi bitirince {job} oldu. "
            f"Boş zamanlarında {hobby} çok sever."
        )
        asked = [
            (f"{name} nerede doğdu?", city),
            (f"{name} hangi yıl doğdu?", year),
            (f"{name} hangi mesleği seçti?", job),
        ]
        qas = [
            {
                "id": f"{i}-{k}",
                "question": question,
                "answers": [{"text": answer, "answer_start": context.index(answer)}],
            }
            for k, (question, answer) in enumerate(asked)
        ]
        paragraphs.append({"context": context, "qas": qas})
    return paragraphs


def translation_pairs() -> list[tuple[str, str]]:
    """Every subject x verb x object sentence, English and Turkish (96 pairs)."""
    pairs = []
    for en_subject, ending in SUBJECTS:
        for en_verb, tr_verb in VERBS:
            for en_object, tr_object in OBJECTS:
                turkish = f"{tr_object.capitalize()} {tr_verb}{ending}."
                pairs.append((f"{en_subject} {en_verb} the {en_object}.", turkish))
    return pairs


def main() -> None:
    """Write both files into ``examples/data``."""
    DATA.mkdir(parents=True, exist_ok=True)
    articles = [{"title": str(i), "paragraphs": [p]} for i, p in enumerate(question_paragraphs())]
    squad = {"version": "1.1", "data": articles}
    text = json.dumps(squad, ensure_ascii=False) + "\n"
    (DATA / "sorular.json").write_text(text, encoding="utf-8")
    lines = [f"{en}\t{tr}" for en, tr in translation_pairs()]
    (DATA / "ceviri.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {DATA / 'sorular.json'} and {DATA / 'ceviri.tsv'}")


if __name__ == "__main__":
    main()
