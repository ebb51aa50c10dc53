"""`trtune export onnx` on a tiny classifier, and what runs the export: plain onnxruntime,
`classify predict --backend onnx`, `serve`; the refusals (nothing written), hostile folders
and a missing onnxruntime. One export is shared by the module (the dynamo exporter takes
several seconds even for a 2-layer BERT); the other kinds are in test_export_onnx_kinds.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from typer.testing import CliRunner

from tests.conftest import assert_one_line_error, run_cli
from tests.export.onnx_folders import SENTENCES, build
from trtune.errors import UserError
from trtune.export.onnx import export_onnx


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """``(torch folder, ONNX folder, export result)`` of the tiny classifier."""
    root = tmp_path_factory.mktemp("onnx")
    folder = build(root, "classify")
    result = export_onnx(folder, root / "classify-onnx")
    return folder, result.out_dir, result


def _torch_probs(folder, texts):
    from trtune.infer.classify import load_classifier

    return load_classifier(folder, "cpu", backend="torch").predict_proba(texts)


def test_export_round_trip_matches_torch(exported):
    folder, out, result = exported
    assert result.check.max_prob_diff < 1e-4
    assert result.check.changed == 0 and result.check.compared == result.check.texts == 24
    record = json.loads((out / "trtune.json").read_text(encoding="utf-8"))
    assert record["kind"] == "onnx" and record["task"] == "classify"
    assert record["labels"] == ["negative", "neutral", "positive"]
    assert record["onnx"]["check"]["changed_labels"] == 0
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
    assert not list(out.parent.glob(".*.tmp"))


def test_float_graph_fused_for_onnxruntime(exported):
    """One fused Attention node per layer (2 layers) in the graph and in the record; the
    round trip above shows it answers like PyTorch."""
    import onnx

    _, out, _ = exported
    record = json.loads((out / "trtune.json").read_text(encoding="utf-8"))
    assert record["onnx"]["fused"]["attention"] == 2
    graph = onnx.load(str(out / "model.onnx")).graph
    kinds = [(n.domain, n.op_type) for n in graph.node]
    assert kinds.count(("com.microsoft", "Attention")) == 2
    assert ("", "Softmax") not in kinds


def test_failed_fusion_leaves_the_unfused_graph(exported, tmp_path, monkeypatch):
    """A fusion pass that raises keeps the exported graph byte for byte and reports {}."""
    import onnxscript.rewriter.ort_fusions as fusions
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from trtune.export.onnx_graph import export_graph, fuse_for_onnxruntime

    folder, _, _ = exported
    model = AutoModelForSequenceClassification.from_pretrained(str(folder)).eval()
    graph = tmp_path / "model.onnx"
    export_graph(model, AutoTokenizer.from_pretrained(str(folder)), "classify", graph, SENTENCES)
    unfused = graph.read_bytes()

    def broken(model):
        raise RuntimeError("pattern mismatch")

    monkeypatch.setattr(fusions, "optimize_for_ort", broken)
    assert fuse_for_onnxruntime(graph) == {}
    assert graph.read_bytes() == unfused
    assert [p.name for p in tmp_path.iterdir()] == ["model.onnx"]
    import onnx_ir

    def half_written(model, path):  # the disk fills while the fused graph is written
        Path(path).write_bytes(b"partial")
        raise OSError("No space left on device")

    monkeypatch.setattr(fusions, "optimize_for_ort", lambda model: (model, {"attention": 2}))
    monkeypatch.setattr(onnx_ir, "save", half_written)
    assert fuse_for_onnxruntime(graph) == {}
    assert graph.read_bytes() == unfused
    assert [p.name for p in tmp_path.iterdir()] == ["model.onnx"]  # no partial file left
    monkeypatch.undo()
    assert fuse_for_onnxruntime(graph)["attention"] == 2  # the same graph does fuse


def test_plain_onnxruntime_answers_like_torch(exported):
    """What docs/export.md shows: the folder with nothing but onnxruntime and a tokenizer,
    batch of mixed lengths (dynamic axes)."""
    import onnxruntime as ort
    from transformers import AutoTokenizer

    folder, out, _ = exported
    tokenizer = AutoTokenizer.from_pretrained(str(out))
    session = ort.InferenceSession(str(out / "model.onnx"))
    enc = tokenizer(SENTENCES, padding=True, return_tensors="np")
    names = {i.name for i in session.get_inputs()}
    (logits,) = session.run(
        ["logits"], {k: v.astype(np.int64) for k, v in enc.items() if k in names}
    )
    probs = torch.softmax(torch.from_numpy(logits), -1).numpy()  # (8, 3)
    assert probs.shape == (len(SENTENCES), 3)
    np.testing.assert_allclose(probs, _torch_probs(folder, SENTENCES), atol=1e-4)
    one = tokenizer(SENTENCES[:1], return_tensors="np")
    assert session.run(["logits"], {k: v for k, v in one.items() if k in names})[0].shape == (1, 3)


def test_classify_predict_backend_onnx_same_labels(exported):
    from trtune.cli import app

    folder, out, _ = exported
    runner = CliRunner()
    answers = {}
    for backend, model in (("onnx", out), ("torch", folder)):
        result = runner.invoke(
            app,
            [
                "classify",
                "predict",
                *SENTENCES,
                "--model",
                str(model),
                "--json",
                "--backend",
                backend,
            ],
        )
        assert result.exit_code == 0, result.output
        answers[backend] = [
            json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")
        ]
    assert [a["label"] for a in answers["onnx"]] == [a["label"] for a in answers["torch"]]
    for a, b in zip(answers["onnx"], answers["torch"], strict=True):
        for label, p in a["probabilities"].items():
            assert abs(p - b["probabilities"][label]) < 1e-4


def test_serve_onnx_classifier_answers_like_torch(exported):
    from fastapi.testclient import TestClient

    from trtune.serve.app import create_app
    from trtune.serve.settings import ServeSettings

    folder, out, _ = exported
    answers = []
    for model, backend in ((out, "auto"), (folder, "torch")):
        settings = ServeSettings(classifier=model, dtype="float32", backend=backend)
        with TestClient(create_app(settings)) as client:
            response = client.post("/v1/classify", json={"texts": SENTENCES[:4]})
            assert response.status_code == 200, response.text
            answers.append(response.json()["results"])
    assert [r["label"] for r in answers[0]] == [r["label"] for r in answers[1]]


def test_backend_mismatch_refused(exported):
    from trtune.infer.classify import load_classifier

    folder, out, _ = exported
    with pytest.raises(UserError, match="ONNX export"):
        load_classifier(out, backend="torch")
    with pytest.raises(UserError, match="trtune export onnx"):
        load_classifier(folder, backend="onnx")
    with pytest.raises(UserError, match="holds a classify model"):
        from trtune.infer.ner import load_tagger

        load_tagger(out)


@pytest.fixture
def traced(exported, monkeypatch):
    """Exports in this test reuse the module's float32 graph instead of tracing again (the
    trace is what the round trip tested; quantisation and the check run for real)."""
    import shutil

    import trtune.export.onnx as onnx_export

    graph = exported[1] / "model.onnx"
    copy = lambda model, tokenizer, task, path, texts: shutil.copy(graph, path)  # noqa: E731
    monkeypatch.setattr(onnx_export, "export_graph", copy)
    return exported[0]


def test_float_over_tolerance_writes_nothing(exported, traced, tmp_path):
    """A zero tolerance fails the check; nothing is left behind."""
    folder = traced
    with pytest.raises(UserError, match="over the tolerance"):
        export_onnx(folder, tmp_path / "out", tolerance=0.0)
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob(".*"))


def test_hostile_folders_refused_in_one_line(tmp_path):
    from transformers import GPT2Config, GPT2LMHeadModel

    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="not a model folder"):
        export_onnx(tmp_path / "empty", tmp_path / "out")
    lm = tmp_path / "lm"
    GPT2LMHeadModel(GPT2Config(n_layer=1, n_embd=8, n_head=2, vocab_size=50)).save_pretrained(lm)
    result = run_cli("export", "onnx", "--model", str(lm), "--out", str(tmp_path / "out"))
    assert_one_line_error(result, "export gguf")
    assert not (tmp_path / "out").exists()


def test_missing_onnxruntime_gives_install_hint(monkeypatch, tmp_path):
    from trtune.infer.onnx_backend import require_onnxruntime

    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(UserError, match=r"pip install 'trtune\[export\]'"):
        require_onnxruntime()
    with pytest.raises(UserError, match="onnxruntime is not installed"):
        export_onnx(tmp_path, tmp_path / "out")


def test_int8_refused_over_the_limit_and_kept_within(traced, tmp_path, monkeypatch):
    import dataclasses

    import trtune.export.onnx as onnx_export

    real_compare = onnx_export.compare
    with monkeypatch.context() as patch:  # the real check, with one label changed
        patch.setattr(
            onnx_export,
            "compare",
            lambda *a: dataclasses.replace(real_compare(*a), changed=1),
        )
        with pytest.raises(UserError, match="int8 export changes 4.17% of labels"):
            export_onnx(traced, tmp_path / "refused", quantize="int8", max_changed=0.04)
    assert not (tmp_path / "refused").exists() and not list(tmp_path.glob(".*"))
    result = export_onnx(traced, tmp_path / "int8", quantize="int8", max_changed=1.0)
    assert 0 < result.check.max_prob_diff < 0.5
    record = json.loads((result.out_dir / "trtune.json").read_text(encoding="utf-8"))
    assert record["onnx"]["quantize"] == "int8"
    assert record["onnx"]["fused"] == {}  # quantised from the unfused graph
    assert not (result.out_dir / "model.float.onnx").exists()
    from fastapi.testclient import TestClient

    from trtune.serve.app import create_app
    from trtune.serve.settings import ServeSettings

    settings = ServeSettings(classifier=result.out_dir, dtype="float32", backend="auto")
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").json()["classifier"]["dtype"] == "int8"


@pytest.mark.parametrize("share", [-0.1, 1.5])
def test_max_changed_outside_zero_to_one_refused_before_any_work(share, tmp_path):
    result = run_cli(
        "export", "onnx", "--model", str(tmp_path), "--out", str(tmp_path / "o"),
        "--quantize", "int8", "--max-changed", str(share), "--lang", "en",
    )  # fmt: skip
    assert_one_line_error(result, f"--max-changed must be a share between 0 and 1, got {share}")
    assert not (tmp_path / "o").exists()
