"""A folder `qa train` wrote loads with plain ``transformers.pipeline("question-answering")``
and gives the answers `qa predict` gives (text, offsets, score).

transformers 5 removed that pipeline. The test runs it in-process where the installed
transformers still has it, else in a subprocess with a transformers 4 found in the folder
named by ``TRTUNE_TRANSFORMERS4`` (made with ``pip install --no-deps --target DIR
"transformers==4.57.3" "tokenizers==0.22.1" "huggingface_hub==0.36.0"``), else it skips
with the reason. ``test_qa_spans.py`` checks the search against the pipeline's own
``select_starts_ends``, which transformers 5 still ships.
"""

from __future__ import annotations

import pytest
from qa_testdata import make_paragraphs

from tests.legacy_pipeline import run_pipeline
from trtune.infer.qa import load_qa_model

# Twelve biographies in one context, long enough for three windows of 128 tokens.
PARAGRAPHS = make_paragraphs(12, seed=9)
CONTEXT = " ".join(p["context"] for p in PARAGRAPHS)
QUESTIONS = [p["qas"][k]["question"] for p in PARAGRAPHS[::3] for k in (0, 2)]


def _pipeline_answers(folder, settings: dict) -> list[dict]:
    calls = [
        {"args": [], "kwargs": {"question": q, "context": CONTEXT, **settings}} for q in QUESTIONS
    ]
    return run_pipeline("question-answering", folder, calls)


@pytest.fixture(scope="module")
def sharp(trained, tmp_path_factory):
    """The trained folder with its QA head's logits scaled by 30. The tiny model's span
    scores are nearly flat, so near-ties among the 12 best spans could fall either way
    under the last-bit differences between transformers 4's kernels and 5's; sharper
    scores keep the comparison about the search, not about float noise."""
    import shutil

    import torch
    from transformers import AutoModelForQuestionAnswering

    folder = tmp_path_factory.mktemp("sharp") / "qa"
    shutil.copytree(trained, folder, ignore=shutil.ignore_patterns("checkpoints"))
    model = AutoModelForQuestionAnswering.from_pretrained(str(folder))
    with torch.no_grad():
        model.qa_outputs.weight.mul_(30.0)
        model.qa_outputs.bias.mul_(30.0)
    model.save_pretrained(str(folder))
    return folder


@pytest.mark.slow
def test_pipeline_gives_the_same_answers_as_qa_predict(sharp):
    trained = sharp
    predictor = load_qa_model(trained)
    ours = predictor.predict(QUESTIONS, [CONTEXT] * len(QUESTIONS))
    assert len(predictor.tokenizer(QUESTIONS[0], CONTEXT)["input_ids"]) > 2 * predictor.max_length
    settings = {
        "max_seq_len": predictor.max_length,
        "doc_stride": predictor.doc_stride,
        "max_answer_len": predictor.max_answer_length,
    }
    theirs = _pipeline_answers(trained, settings)
    for mine, pipe in zip(ours, theirs, strict=True):
        assert (mine.answer, mine.start, mine.end) == (pipe["answer"], pipe["start"], pipe["end"])
        # the score sums the answer's spans among the 12 best of each window; the last of
        # those can differ by float noise in a tiny model's nearly flat scores
        assert mine.score == pytest.approx(pipe["score"], rel=2e-2)
