"""Write the small samples the README's tour trains on, composed here (no real data):

- ``examples/data/sorular.json``: short Turkish paragraphs with questions, in SQuAD v1.1
  form, for ``trtune qa``;
- ``examples/data/ceviri.tsv``: English-Turkish sentence pairs, ``English<TAB>Turkish``, for
  ``trtune seq2seq``;
- ``examples/data/varliklar.conll``: Turkish sentences with their named entities (PERSON,
  GPE, ORG, DATE) as IOB2 tags, ``word<TAB>tag``, for ``trtune ner``.

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

# Entities as words; the suffix stays on the word, as in Turkish NER corpora (İzmir'e).
PEOPLE = [["Ayşe", "Demir"], ["Mehmet", "Yılmaz"], ["Zeynep", "Kaya"], ["Orhan", "Pamuk"]]
PEOPLE += [["Elif"], ["Can", "Öztürk"], ["Deniz", "Arslan"], ["İlker", "Şahin"], ["Selin"]]
PLACES_TO = [["İstanbul'a"], ["Ankara'ya"], ["İzmir'e"], ["Trabzon'a"], ["Konya'ya"]]
PLACES_TO += [["Bursa'ya"], ["Eskişehir'e"], ["New", "York'a"], ["Antalya'ya"]]
PLACES_IN = [["İstanbul'da"], ["Ankara'da"], ["İzmir'de"], ["Konya'da"], ["Berlin'de"]]
ORGS_IN = [["Türk", "Hava", "Yolları'nda"], ["ODTÜ'de"], ["Anadolu", "Ajansı'nda"]]
ORGS_IN += [["Aselsan'da"], ["Ziraat", "Bankası'nda"], ["TRT'de"]]
DATES = [["2020'de"], ["1999'da"], ["19", "Mayıs", "1919'da"], ["15", "Temmuz'da"], ["2023'te"]]


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


def _tagged(words: list[str], kind: str) -> list[tuple[str, str]]:
    return [(w, ("B-" if i == 0 else "I-") + kind) for i, w in enumerate(words)]


def entity_sentences(n: int = 240, seed: int = 0) -> list[list[tuple[str, str]]]:
    """``n`` sentences of (word, IOB2 tag). Some words change their tag with the context
    (Ankara is a place, but Ankara Gücü a club; Deniz a name, but deniz also the sea), so a
    tagger must read the sentence: a word's most frequent tag is not enough."""
    rng = random.Random(seed)
    sentences = []
    for i in range(n):
        person = _tagged(rng.choice(PEOPLE), "PERSON")
        date = _tagged(rng.choice(DATES), "DATE")
        kind = i % 6
        if kind == 0:  # Ayşe Demir 2020'de İzmir'e gitti .
            words = person + date + _tagged(rng.choice(PLACES_TO), "GPE") + [("gitti", "O")]
        elif kind == 1:  # Can Öztürk 1999'da ODTÜ'de çalışmaya başladı .
            org = _tagged(rng.choice(ORGS_IN), "ORG")
            words = person + date + org + [("çalışmaya", "O"), ("başladı", "O")]
        elif kind == 2:  # 15 Temmuz'da Ankara'da Elif ile buluştuk .
            place = _tagged(rng.choice(PLACES_IN), "GPE")
            words = date + place + person + [("ile", "O"), ("buluştuk", "O")]
        elif kind == 3:  # Ankara Gücü 2020'de kazandı .
            words = _tagged(["Ankara", "Gücü"], "ORG") + date + [("kazandı", "O")]
        elif kind == 4:  # Ankara güzel bir şehir .
            words = _tagged(["Ankara"], "GPE") + [("güzel", "O"), ("bir", "O"), ("şehir", "O")]
        else:  # Deniz çok güzeldi . (the sea)
            words = [("Deniz", "O"), ("çok", "O"), ("güzeldi", "O")]
        sentences.append(words + [(".", "O")])
    return sentences


def main() -> None:
    """Write the three files into ``examples/data``."""
    DATA.mkdir(parents=True, exist_ok=True)
    articles = [{"title": str(i), "paragraphs": [p]} for i, p in enumerate(question_paragraphs())]
    squad = {"version": "1.1", "data": articles}
    text = json.dumps(squad, ensure_ascii=False) + "\n"
    (DATA / "sorular.json").write_text(text, encoding="utf-8")
    lines = [f"{en}\t{tr}" for en, tr in translation_pairs()]
    (DATA / "ceviri.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    blocks = ["\n".join(f"{w}\t{t}" for w, t in s) for s in entity_sentences()]
    (DATA / "varliklar.conll").write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    print(f"wrote sorular.json, ceviri.tsv and varliklar.conll in {DATA}")


if __name__ == "__main__":
    main()
