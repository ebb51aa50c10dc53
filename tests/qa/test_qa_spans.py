"""Windows with offsets, the n-best span search, the metrics and the baseline, on tiny
inputs with golden numbers."""

from __future__ import annotations

import numpy as np
import pytest

from trtune.infer.spans import best_answer, window_spans
from trtune.run.presets import train_wordpiece_tokenizer
from trtune.tasks.qa.baseline import OverlapBaseline
from trtune.tasks.qa.metrics import (
    normalize_squad,
    normalize_turkish,
    qa_scores,
    tune_null_threshold,
)
from trtune.tasks.qa.windows import CLS_INDEX, encode_windows

CONTEXT = (
    "Mimar Sinan 1489 yılında Ağırnas köyünde doğdu. Süleymaniye Camii'ni 1557'de bitirdi. "
    "Selimiye Camii ise Edirne'dedir ve ustalık eseri sayılır. Sinan 1588'de İstanbul'da öldü."
)


@pytest.fixture(scope="module")
def tokenizer():
    return train_wordpiece_tokenizer([CONTEXT, "Sinan nerede öldü?"], vocab_size=300)


def test_long_context_is_cut_into_overlapping_windows_that_map_back(tokenizer):
    answer = CONTEXT.index("İstanbul'da"), CONTEXT.index("İstanbul'da") + len("İstanbul'da")
    windows = encode_windows(tokenizer, ["Sinan nerede öldü?"], [CONTEXT], 32, 8, [answer])
    assert len(windows) >= 2 and set(windows.example) == {0}
    assert max(windows.lengths) <= 32
    positive = [w for w in range(len(windows)) if windows.start_positions[w] != CLS_INDEX]
    assert positive, "some window holds the whole answer"
    for w in range(len(windows)):
        s, e = windows.start_positions[w], windows.end_positions[w]
        if s == CLS_INDEX:
            assert e == CLS_INDEX
            continue
        offsets = windows.offsets[w]
        assert CONTEXT[offsets[s][0] : offsets[e][1]] == "İstanbul'da"
    # consecutive windows share 8 context tokens
    first = [o for o in windows.offsets[0] if o is not None]
    second = [o for o in windows.offsets[1] if o is not None]
    assert first[-8:] == second[:8]


def test_window_search_matches_the_pipeline_formula():
    start = np.array([2.0, 0.0, 1.0, 3.0, 0.5, 5.0])  # token 0 is [CLS]
    end = np.array([1.0, 0.0, 0.2, 2.5, 4.0, 0.1])
    context = np.array([False, False, True, True, True, True])  # token 1 is the question
    null, spans = window_spans(start, end, context, max_answer_length=2, n_best=3)
    masked_s = np.array([2.0, -1e4, 1.0, 3.0, 0.5, 5.0])
    masked_e = np.array([1.0, -1e4, 0.2, 2.5, 4.0, 0.1])
    ps, pe = np.exp(masked_s) / np.exp(masked_s).sum(), np.exp(masked_e) / np.exp(masked_e).sum()
    assert null == pytest.approx(ps[0] * pe[0])
    # e^(3+4) > e^(3+2.5) > e^(5+0.1); (3, 5) is longer than 2 tokens
    assert [(s, e) for _, s, e in spans] == [(3, 4), (3, 3), (5, 5)]
    assert spans[0][0] == pytest.approx(ps[3] * pe[4])


def test_search_agrees_with_transformers_select_starts_ends():
    qa = pytest.importorskip("transformers.pipelines.document_question_answering")
    rng = np.random.default_rng(0)
    for _ in range(20):
        T = 40
        start, end = rng.normal(size=T) * 3, rng.normal(size=T) * 3
        context = np.zeros(T, dtype=bool)
        context[8:-1] = True
        p_mask = (~context).astype(int)
        p_mask[0] = 0
        mask = np.ones((1, T), dtype=int)
        s, e, scores, _ = qa.select_starts_ends(
            start[None], end[None], p_mask[None], mask, top_k=1, max_answer_len=7
        )
        _, spans = window_spans(start, end, context, 7, 1)
        assert (spans[0][1], spans[0][2]) == (int(s[0]), int(e[0]))
        assert spans[0][0] == pytest.approx(float(scores[0]))


def test_answers_from_several_windows_add_up_and_words_are_whole():
    context = "Ali Ankara'da yaşar"
    offsets = [None, (0, 3), (4, 10), (10, 11), (11, 13), (14, 19)]
    words = [None, 0, 1, 2, 3, 4]
    strong = (np.array([0, 0, 0, 0, 5.0, 0]), np.array([0, 0, 0, 0, 5.0, 0]), offsets, words)
    weak = (np.array([0, 3.0, 0, 0, 0, 0]), np.array([0, 3.0, 0, 0, 0, 0]), offsets, words)
    one = best_answer(context, [strong], max_answer_length=3)
    assert (one.answer, one.start, one.end) == ("da", 11, 13)
    # "Ali" is second-best in one window but best in two: the sum wins
    two = best_answer(context, [weak, weak, strong], max_answer_length=3)
    assert two.answer == "Ali" and context[two.start : two.end] == "Ali"
    # a span that starts inside a word is widened to the word
    offsets2 = [None, (0, 3), (4, 8), (8, 10), (10, 11), (11, 13), (14, 19)]
    words2 = [None, 0, 1, 1, 2, 3, 4]
    mid = (np.array([0, 0, 0, 6.0, 0, 0, 0]), np.array([0, 0, 0, 6.0, 0, 0, 0]), offsets2, words2)
    assert best_answer(context, [mid], 3).answer == "Ankara"


def test_null_threshold():
    offsets, words = [None, (0, 3)], [None, 0]
    window = (np.array([4.0, 0.0]), np.array([4.0, 0.0]), offsets, words)
    assert best_answer("Ali", [window], 3).answer == "Ali"  # SQuAD v1: always an answer
    empty = best_answer("Ali", [window], 3, null_threshold=0.0)
    assert empty.answer == "" and empty.score == pytest.approx(empty.null_score)
    assert best_answer("Ali", [window], 3, null_threshold=1.0).answer == "Ali"


def test_turkish_normalisation_and_scores():
    assert normalize_turkish("İstanbul’da, IŞIK!") == "istanbulda ışık"
    assert normalize_squad("İstanbul’da, IŞIK!") == "i̇stanbul’da işik"
    assert (
        normalize_squad("The answer") == "answer"
        and normalize_turkish("The answer") == "the answer"
    )
    figures, rows = qa_scores(
        ["İSTANBUL’DA", "1557 yılında", "", "Ankara"],
        [["istanbul'da"], ["1557'de", "1557"], [], ["İzmir"]],
    )
    assert [r["exact_match"] for r in rows] == [1.0, 0.0, 1.0, 0.0]
    assert rows[1]["f1"] == pytest.approx(2 / 3)  # "1557 yılında" vs "1557": P 1/2, R 1
    assert figures["exact_match"] == 50.0 and figures["f1"] == pytest.approx(66.67)
    assert figures["squad"]["exact_match"] == 25.0 and figures["differs"]


def test_null_threshold_is_tuned_for_f1():
    from trtune.infer.spans import QaAnswer

    answers = [QaAnswer("Ali", 0.9, 0, 3, 0.05), QaAnswer("Veli", 0.2, 0, 4, 0.6)]
    margin = answers[1].null_score - answers[1].score  # answered "" when above the threshold
    assert margin > tune_null_threshold(answers, [["Ali"], []])  # the second should be empty
    assert margin <= tune_null_threshold(answers, [["Ali"], ["Veli"]])


def test_overlap_baseline_golden():
    question = "Sinan hangi yıl İstanbul'da öldü?"
    two = OverlapBaseline(span_words=2).answer(question, CONTEXT)
    assert (two.answer, CONTEXT[two.start : two.end]) == ("1588'de", "1588'de")
    # one word: the run "1588 de" is cut beside its stronger neighbour ("İstanbul")
    assert OverlapBaseline(span_words=1).answer(question, CONTEXT).answer == "de"
    # the run bordered by two matches ("Camii'ni ... Selimiye") beats one bordered by one
    three = OverlapBaseline(span_words=3).answer("Selimiye Camii nerededir?", CONTEXT)
    assert three.answer == "1557'de bitirdi"
