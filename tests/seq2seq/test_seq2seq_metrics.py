"""The metrics keep Turkish letters and lower-case the Turkish way; golden numbers on tiny
inputs; the baselines."""

from __future__ import annotations

import pytest

from trtune.tasks.seq2seq.baseline import baseline_outputs, lead, score_baselines
from trtune.tasks.seq2seq.metrics import TurkishTokenizer, bleu_and_chrf, rouge, score
from trtune.tasks.seq2seq.pairs import Pair


def test_turkish_tokenizer_keeps_letters_and_lowers_the_turkish_way():
    tokens = TurkishTokenizer().tokenize("IŞIK, İstanbul'da güzel_gün! 3.5")
    assert tokens == ["ışık", "istanbul", "da", "güzel", "gün", "3", "5"]


def test_rouge_default_tokenizer_deletes_turkish_letters_ours_does_not():
    from rouge_score.rouge_scorer import RougeScorer

    # rouge_score's own tokenizer: "güzel" -> "g zel" and "gözel" -> "g zel": a perfect match.
    default = RougeScorer(["rouge1"]).score("gözel", "güzel")["rouge1"].fmeasure
    assert default == 1.0
    assert rouge(["güzel"], ["gözel"])["rouge1"] == 0.0
    assert rouge(["güzel"], ["güzel"])["rouge1"] == 100.0


def test_rouge_lowercases_dotted_and_dotless_i_as_turkish():
    assert rouge(["IŞIK ILIK"], ["ışık ılık"])["rougeL"] == 100.0
    # English lower-casing would make "I" an "i": "ILIK" is not "ilik".
    assert rouge(["ILIK"], ["ilik"])["rouge1"] == 0.0
    assert rouge(["İLİK"], ["ilik"])["rouge1"] == 100.0


def test_rouge_golden_numbers():
    scores = rouge(["kedi evde uyuyor"], ["kedi bahçede uyuyor"])
    assert scores["rouge1"] == pytest.approx(100 * 2 / 3)
    assert scores["rouge2"] == 0.0
    assert scores["rougeL"] == pytest.approx(100 * 2 / 3)


def test_bleu_and_chrf_keep_turkish_letters_and_case():
    same = bleu_and_chrf(["Çiçekler çok güzel."], ["Çiçekler çok güzel."])
    assert same == {"bleu": pytest.approx(100.0), "chrf": pytest.approx(100.0)}
    stripped = bleu_and_chrf(["Cicekler cok guzel."], ["Çiçekler çok güzel."])
    assert stripped["chrf"] < 60 and stripped["bleu"] < 30
    assert bleu_and_chrf(["ışık"], ["IŞIK"])["chrf"] < 10  # cased, as sacrebleu's standard


def test_score_has_every_key_and_refuses_mismatched_lengths():
    assert set(score(["a"], ["a"])) == {"rouge1", "rouge2", "rougeL", "bleu", "chrf"}
    with pytest.raises(ValueError):
        score(["a", "b"], ["a"])


def test_lead_and_copy_baselines():
    text = "Birinci cümle. İkinci cümle! Üçüncü cümle? Dördüncü cümle."
    assert lead(text, 1) == "Birinci cümle."
    assert lead(text, 3) == "Birinci cümle. İkinci cümle! Üçüncü cümle?"
    pairs = [Pair(text, "Özet.", 1, text)]
    assert list(baseline_outputs("summarize", pairs)) == ["lead-3", "lead-1"]
    copied = Pair("hl-source", "Soru?", 2, "g", copy="window")
    assert baseline_outputs("question-generation", [copied]) == {"copy": ["window"]}
    assert baseline_outputs("translate", [Pair("Hi.", "Merhaba.", 3, "Hi.")]) == {"copy": ["Hi."]}
    scores = score_baselines("translate", [Pair("Ankara.", "Ankara.", 1, "Ankara.")])
    assert scores["copy"]["chrf"] == pytest.approx(100.0)
