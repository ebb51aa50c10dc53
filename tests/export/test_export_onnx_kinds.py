"""`trtune export onnx` for every other encoder folder kind (ner, qa, mask, a LoRA adapter)
each export traces a graph (several seconds), hence ``slow``. The NER and QA
exports answer through ``ner predict`` / ``qa predict``'s own post-processing."""

from __future__ import annotations

import json

import pytest

from tests.conftest import assert_one_line_error, run_cli
from tests.export.onnx_folders import SENTENCES, build, build_adapter
from trtune.export.onnx import export_onnx

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return tmp_path_factory.mktemp("onnx-kinds")


@pytest.mark.parametrize("task", ["ner", "qa", "mask"])
def test_round_trip(root, task):
    result = export_onnx(build(root, task), root / f"{task}-onnx")
    assert result.task == task
    assert result.check.max_prob_diff < 1e-4
    assert result.check.changed == 0 and result.check.compared > result.check.texts
    record = json.loads((result.out_dir / "trtune.json").read_text(encoding="utf-8"))
    assert record["kind"] == "onnx" and record["task"] == task


def test_ner_and_qa_predictors_agree(root):
    from trtune.infer.ner import load_tagger
    from trtune.infer.qa import load_qa_model

    for task in ("ner", "qa"):
        if not (root / f"{task}-onnx").is_dir():
            export_onnx(build(root, task), root / f"{task}-onnx")
    torch_tags = load_tagger(root / "ner", "cpu").predict(SENTENCES)
    onnx_tags = load_tagger(root / "ner-onnx").predict(SENTENCES)
    assert [t.tags for t in onnx_tags] == [t.tags for t in torch_tags]
    questions = ["Kim doğdu?", "Başkent neresi?"]
    contexts = [" ".join(SENTENCES)] * 2
    torch_answers = load_qa_model(root / "qa", "cpu").predict(questions, contexts)
    onnx_answers = load_qa_model(root / "qa-onnx", backend="onnx").predict(questions, contexts)
    assert [(a.start, a.end) for a in onnx_answers] == [(a.start, a.end) for a in torch_answers]


def test_mask_filler_and_command_agree(root):
    from trtune.infer.mask import load_filler

    if not (root / "mask-onnx").is_dir():
        export_onnx(build(root, "mask"), root / "mask-onnx")
    texts = ["Bugün [MASK] çok güzel.", "Ankara [MASK] başkenti."]
    torch_fill = load_filler(root / "mask").fill(texts, 3)
    onnx_fill = load_filler(root / "mask-onnx").fill(texts, 3)
    for a, b in zip(onnx_fill, torch_fill, strict=True):
        assert [f.token for f in a.masks[0]] == [f.token for f in b.masks[0]]
        assert abs(a.masks[0][0].probability - b.masks[0][0].probability) < 1e-4
    result = run_cli(
        "mask", "predict", texts[0], "--model", str(root / "mask-onnx"), "--backend", "onnx",
        "--json", "--lang", "en",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["masks"][0][0]["token"] == torch_fill[0].masks[0][0].token
    refused = run_cli(
        "mask", "predict", texts[0], "--model", str(root / "mask"), "--backend", "onnx",
        "--lang", "en",
    )  # fmt: skip
    assert_one_line_error(refused, "no model.onnx here")
    from fastapi.testclient import TestClient

    from trtune.serve.app import create_app
    from trtune.serve.settings import ServeSettings

    with TestClient(create_app(ServeSettings(mask=root / "mask-onnx"))) as client:
        answer = client.post("/v1/fill-mask", json={"texts": texts[:1], "top_k": 3}).json()
    assert answer["results"][0]["masks"][0][0]["token"] == torch_fill[0].masks[0][0].token


def test_lora_adapter_is_merged(root):
    adapter = build_adapter(root / "lora")
    result = export_onnx(adapter, root / "adapter-onnx")
    assert result.check.max_prob_diff < 1e-4 and result.check.changed == 0
    record = json.loads((result.out_dir / "trtune.json").read_text(encoding="utf-8"))
    assert record["labels"] == ["negative", "neutral", "positive"]
