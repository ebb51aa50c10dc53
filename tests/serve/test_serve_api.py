"""The REST API through FastAPI's TestClient, on tiny random models."""

from __future__ import annotations

import json
import math
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from serve_tiny_models import LABELS

from trtune.errors import UserError
from trtune.infer.classify import load_classifier
from trtune.infer.generate import Generator, SamplingSettings, user_turn
from trtune.infer.lm import load_lm
from trtune.serve.app import create_app
from trtune.serve.classify_routes import label_results
from trtune.serve.settings import ServeSettings


@pytest.fixture(scope="module")
def reference(models):
    """The same models loaded directly, to compare the API's answers with."""
    return load_classifier(models.classifier, "cpu"), Generator(load_lm(models.lm))


def test_classify_labels_and_probabilities(client, reference):
    texts = ["Bu film harikaydı!", "Kargo çok gecikti.", "Fena değil."]
    res = client.post("/v1/classify", json={"texts": texts})
    assert res.status_code == 200, res.text
    results = res.json()["results"]
    assert len(results) == 3
    expected = label_results(reference[0], texts)
    for got, want in zip(results, expected, strict=True):
        assert set(got["probabilities"]) == set(LABELS.values())
        assert math.isclose(sum(got["probabilities"].values()), 1.0, abs_tol=1e-5)
        assert got["label"] == max(got["probabilities"], key=got["probabilities"].get)
        assert got["label"] == want["label"]
        for label, p in want["probabilities"].items():
            assert got["probabilities"][label] == pytest.approx(p, abs=1e-5)
    # The bold random head makes the texts' probabilities differ: results are per text.
    assert results[0]["probabilities"] != results[1]["probabilities"]


def test_concurrent_requests_are_batched_and_routed_back(client, reference):
    texts = [f"Cümle numarası {i}: film {'güzel' if i % 2 else 'kötü'}." for i in range(16)]
    expected = label_results(reference[0], texts)
    batcher = client.app.state.batcher
    before = batcher.stats.largest

    def ask(text: str) -> dict:
        res = client.post("/v1/classify", json={"texts": [text]})
        assert res.status_code == 200, res.text
        return res.json()["results"][0]

    with ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(ask, texts))
    assert batcher.stats.largest > 1, batcher.stats.to_dict()
    assert batcher.stats.largest > before or before > 1
    for got, want in zip(answers, expected, strict=True):
        assert got["probabilities"] == pytest.approx(want["probabilities"], abs=1e-5)
    health = client.get("/health").json()
    assert health["batching"]["largest"] > 1


def test_attention_shapes_and_rows(client):
    res = client.post("/v1/attention", json={"text": "Bu film harikaydı!"})
    assert res.status_code == 200, res.text
    data = res.json()
    tokens = data["tokens"]
    assert tokens[0] == "[CLS]" and tokens[-1] == "[SEP]"
    assert (data["layers"], data["heads"]) == (2, 2)
    att = data["attentions"]
    assert len(att) == 2 and all(len(layer) == 2 for layer in att)
    for layer in att:
        for head in layer:
            assert len(head) == len(tokens)
            for row in head:
                assert len(row) == len(tokens)
                assert math.isclose(sum(row), 1.0, abs_tol=1e-3)
                assert min(row) >= 0.0
    assert data["label"] in LABELS.values()
    assert math.isclose(sum(data["probabilities"].values()), 1.0, abs_tol=1e-5)


def test_generate_greedy_matches_the_model(client, reference):
    body = {"prompt": "Bu film", "max_new_tokens": 12, "temperature": 0.0}
    res = client.post("/v1/generate", json=body)
    assert res.status_code == 200, res.text
    data = res.json()
    assert data["prompt"] == "Bu film"
    assert data["text"] == reference[1].generate(
        user_turn("Bu film"), SamplingSettings(temperature=0.0, max_new_tokens=12)
    )
    assert data["text"]


def test_generate_streams_server_sent_events(client):
    body = {"prompt": "Bu film", "max_new_tokens": 12, "temperature": 0.0}
    whole = client.post("/v1/generate", json=body).json()["text"]
    with client.stream("POST", "/v1/generate", json={**body, "stream": True}) as res:
        assert res.status_code == 200
        assert res.headers["content-type"].startswith("text/event-stream")
        raw = "".join(res.iter_text())
    events = [e for e in raw.split("\n\n") if e]
    assert events[-1] == "event: done\ndata: {}"
    pieces = [json.loads(e.removeprefix("data: "))["text"] for e in events[:-1]]
    assert pieces and "".join(pieces) == whole


def test_sampling_settings_are_accepted(client):
    body = {"prompt": "Bir varmış", "max_new_tokens": 5, "temperature": 1.2, "top_k": 5}
    res = client.post("/v1/generate", json={**body, "top_p": 0.9})
    assert res.status_code == 200, res.text
    assert isinstance(res.json()["text"], str)


def test_health_says_what_is_loaded(client):
    data = client.get("/health").json()
    assert data["status"] == "ok"
    assert data["classifier"]["labels"] == ["negative", "neutral", "positive"]
    assert data["classifier"]["attention"] is True
    assert data["lm"] == {"folder": "lm", "dtype": "float32"}
    assert data["classifier"]["dtype"] == "float32" and data["device"] == "cpu"
    assert data["nanogpt_page"] is False
    assert data["limits"]["max_texts"] == 8


def test_page_docs_and_static_files_are_self_contained(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'id="text-input"' in page.text and "/static/app.js" in page.text
    for asset in ("/static/app.js", "/static/strings.js", "/static/app.css"):
        res = client.get(asset)
        assert res.status_code == 200
        assert "http://" not in res.text and "https://" not in res.text, asset
    assert "http://" not in page.text and "https://" not in page.text
    assert client.get("/openapi.json").json()["paths"].keys() >= {
        "/v1/classify",
        "/v1/attention",
        "/v1/generate",
        "/health",
    }
    assert client.get("/static/../settings.py").status_code == 404


def test_nanogpt_page_missing_explains_how_to_make_it(client):
    res = client.get("/nanogpt")
    assert res.status_code == 404
    assert "trtune nanogpt viz" in res.text


def test_nanogpt_page_is_served_when_given(models, tmp_path):
    page = tmp_path / "nanogpt.html"
    page.write_text("<html><body>walk-through</body></html>", encoding="utf-8")
    settings = ServeSettings(lm=models.lm, nanogpt_page=page)
    with TestClient(create_app(settings)) as client:
        res = client.get("/nanogpt")
        assert res.status_code == 200 and "walk-through" in res.text
        assert client.get("/health").json()["nanogpt_page"] is True


def test_lm_only_and_classifier_only_servers(models):
    with TestClient(create_app(ServeSettings(lm=models.lm))) as client:
        assert client.get("/health").json()["classifier"] is None
        res = client.post("/v1/classify", json={"texts": ["a"]})
        assert res.status_code == 404 and "--classifier" in res.json()["error"]
        assert client.post("/v1/attention", json={"text": "a"}).status_code == 404
    with TestClient(create_app(ServeSettings(classifier=models.classifier))) as client:
        assert client.get("/health").json()["lm"] is None
        res = client.post("/v1/generate", json={"prompt": "a"})
        assert res.status_code == 404 and "--lm" in res.json()["error"]


def test_settings_are_checked(models, tmp_path):
    with pytest.raises(UserError, match="--classifier DIR, --ner DIR.*--lm DIR"):
        ServeSettings()
    with pytest.raises(UserError, match="not a folder"):
        ServeSettings(classifier=tmp_path / "missing")
    with pytest.raises(UserError, match="max_batch_size"):
        ServeSettings(classifier=models.classifier, max_batch_size=0)
    with pytest.raises(UserError, match="nanogpt-page"):
        ServeSettings(classifier=models.classifier, nanogpt_page=tmp_path / "none.html")
    assert ServeSettings(classifier=models.classifier).host == "127.0.0.1"


def test_a_folder_without_a_model_is_a_user_error(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    with pytest.raises(UserError):
        load_classifier(tmp_path)
    with pytest.raises(UserError, match="not a model folder"):
        load_lm(tmp_path)


def test_serves_a_tiny_lora_run_with_its_training_template(tmp_path, monkeypatch):
    """A `trtune lm train` LoRA folder keeps its base inside; serve finds it from any cwd."""
    import json as _json

    from trtune.cli import main

    data = tmp_path / "a.jsonl"
    rows = [{"instruction": f"Soru {i}", "output": "Faiz oranı sabit kaldı."} for i in range(30)]
    data.write_text("\n".join(_json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    out = tmp_path / "lm-lora"
    with pytest.raises(SystemExit) as done:
        main(["lm", "train", "--data", str(data), "--method", "lora", "--max-steps", "2",
              "--batch-size", "4", "--max-length", "64", "--out", str(out)])  # fmt: skip
        raise SystemExit(0)
    assert done.value.code in (0, None)
    monkeypatch.chdir(tmp_path.parent)  # not the run's folder
    lm = load_lm(out)
    assert lm.template == "turkish"
    generator = Generator(lm)
    prompt = generator.prompt_text(user_turn("faiz nedir?"))
    assert "faiz nedir?" in prompt and prompt != "faiz nedir?"  # wrapped in the template
    greedy = SamplingSettings(temperature=0.0, max_new_tokens=4)
    assert isinstance(generator.generate(user_turn("faiz nedir?"), greedy), str)
