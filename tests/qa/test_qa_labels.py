"""Training targets and answer extraction with a real uncased, accent-stripping tokenizer
(MiniLM's): offsets map back to the original Turkish characters, targets decode to the gold
answer, peaked logits give it back; and the thinning of answerless training windows."""

from __future__ import annotations

import numpy as np
import pytest

from trtune.infer.spans import best_answer
from trtune.tasks.qa.windows import CLS_INDEX, encode_windows, thin_null_windows

CONTEXT = (
    "Mimar Sinan 1489 yılında Ağırnas köyünde doğdu. Işıklı kubbesiyle Süleymaniye Camii'ni "
    "1557'de bitirdi. Selimiye Camii ise Edirne'dedir ve ustalık eseri sayılır. Sinan, "
    "Şehzade Camii'ni çıraklık eseri olarak anardı. Sinan 1588'de İstanbul'da öldü ve "
    "Süleymaniye'deki türbesine gömüldü. ÇĞİÖŞÜ harfleri büyük yazılır."
)
QUESTIONS = {
    "Sinan nerede öldü?": "İstanbul'da",
    "Süleymaniye Camii nasıl bir kubbeye sahip?": "Işıklı kubbesiyle",
    "Hangi harfler büyük yazılır?": "ÇĞİÖŞÜ",
    "Çıraklık eseri hangisidir?": "Şehzade Camii'ni",
}


@pytest.fixture(scope="module")
def minilm_tokenizer():
    from trtune.run.models import load_tokenizer, minilm_path, resolve_model

    return load_tokenizer(resolve_model(str(minilm_path())))


@pytest.fixture(scope="module")
def windows(minilm_tokenizer):
    answers = [(CONTEXT.index(a), CONTEXT.index(a) + len(a)) for a in QUESTIONS.values()]
    contexts = [CONTEXT] * len(QUESTIONS)
    return encode_windows(minilm_tokenizer, list(QUESTIONS), contexts, 48, 16, answers)


def test_minilm_targets_decode_to_the_original_turkish_answer(minilm_tokenizer, windows):
    # uncased and accent-stripping: the tokens are not the text, the offsets must be
    assert minilm_tokenizer.tokenize("ÇĞÖŞÜ") == minilm_tokenizer.tokenize("cgosu")
    gold = list(QUESTIONS.values())
    holding = set()
    for w in range(len(windows)):
        s, e = windows.start_positions[w], windows.end_positions[w]
        if s == CLS_INDEX:
            assert e == CLS_INDEX
            continue
        offsets = windows.offsets[w]
        assert CONTEXT[offsets[s][0] : offsets[e][1]] == gold[windows.example[w]]
        holding.add(windows.example[w])
    assert holding == set(range(len(QUESTIONS))), "every answer is held by some window"
    assert len(windows) > 2 * len(QUESTIONS), "the context is cut into several windows"


def test_peaked_logits_give_the_exact_turkish_substring(windows):
    gold = list(QUESTIONS.values())
    for q, answer in enumerate(gold):
        per_window = []
        for w in (w for w in range(len(windows)) if windows.example[w] == q):
            T = len(windows.input_ids[w])
            start, end = np.zeros(T), np.zeros(T)  # (T,) each
            start[windows.start_positions[w]] = end[windows.end_positions[w]] = 10.0
            per_window.append((start, end, windows.offsets[w], windows.word_ids[w]))
        found = best_answer(CONTEXT, per_window, max_answer_length=30)  # SQuAD v1: no null
        assert found.answer == answer
        assert CONTEXT[found.start : found.end] == answer


def test_thinning_keeps_answer_windows_and_unanswerable_questions(windows):
    n = len(QUESTIONS)
    answered = [w for w in range(len(windows)) if windows.start_positions[w] != CLS_INDEX]
    assert thin_null_windows(windows, [False] * n, 1.0, 0) is windows
    none = thin_null_windows(windows, [False] * n, 0.0, 0)
    assert none.start_positions == [windows.start_positions[w] for w in answered]
    assert none.offsets == [windows.offsets[w] for w in answered]
    # question 0 unanswerable: all its windows stay
    mixed = thin_null_windows(windows, [True] + [False] * (n - 1), 0.0, 0)
    zero = [w for w in range(len(windows)) if windows.example[w] == 0]
    assert mixed.example.count(0) == len(zero)
    half = thin_null_windows(windows, [False] * n, 0.5, 0)
    assert len(none) < len(half) < len(windows)
    assert half.input_ids == thin_null_windows(windows, [False] * n, 0.5, 0).input_ids  # seeded


def test_null_windows_thins_training_windows_only(minilm_tokenizer):
    from trtune.tasks.qa.examples import Answer, QaExample, QaSplit
    from trtune.tasks.qa.finetune import qa_job
    from trtune.tasks.qa.settings import QaSettings

    examples = [
        QaExample(str(i), q, CONTEXT, (Answer(a, CONTEXT.index(a)),), i)
        for i, (q, a) in enumerate(QUESTIONS.items())
    ]
    settings = QaSettings(
        data=["x.json"], out="o", model="m", max_length=48, doc_stride=16, null_windows=0.0
    )
    job = qa_job(settings, None, minilm_tokenizer, QaSplit(examples, examples, []))
    train, validation = job.train_dataset.windows, job.eval_dataset.windows
    answered = [s for s in validation.start_positions if s != CLS_INDEX]
    assert train.start_positions == answered, "only the windows holding the answer train"
    assert len(validation) > 2 * len(QUESTIONS), "validation keeps every window"
    with pytest.raises(Exception, match="null-windows"):
        QaSettings(data=["x.json"], out="o", null_windows=1.5).check()
