"""/v1/fill-mask: the masked LM behind `serve --mask DIR`, answering what `mask predict` answers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serve_tiny_mask import tiny_mask_model
from serve_tiny_models import tiny_models

from trtune.infer.mask import load_filler
from trtune.serve.app import create_app
from trtune.serve.settings import ServeSettings

SENTENCE = "Bu film [MASK], herkese tavsiye ederim."


@pytest.fixture(scope="module")
def client():
    settings = ServeSettings(mask=tiny_mask_model(), max_texts=4, max_chars=120, dtype="float32")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_fill_mask_answers_what_mask_predict_answers(client):
    texts = [SENTENCE, "Kargo <mask> geldi."]
    res = client.post("/v1/fill-mask", json={"texts": texts, "top_k": 3})
    assert res.status_code == 200, res.text
    results = res.json()["results"]
    expected = load_filler(tiny_mask_model()).fill(texts, 3)
    for got, want in zip(results, expected, strict=True):
        assert got["filled"] == want.filled
        assert [c["token_id"] for c in got["masks"][0]] == [f.token_id for f in want.masks[0]]
        assert got["masks"][0][0]["probability"] == pytest.approx(want.masks[0][0].probability)
    assert "[MASK]" in results[1]["text"]  # <mask> written as the model's own mask token


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        ({"texts": ["Boşluk yok."]}, 422, "has no blank"),
        ({"texts": [SENTENCE], "top_k": 0}, 422, "top_k"),
        ({"texts": [SENTENCE], "top_k": 51}, 422, "top_k"),
        ({"texts": [SENTENCE] * 5}, 413, "at most 4 texts"),
        ({"texts": ["[MASK] " + "çok " * 40]}, 413, "longer than 120"),
        ({"texts": []}, 422, "texts"),
        ({"text": SENTENCE}, 422, "text"),
    ],
)
def test_refusals_say_why(client, body, status, fragment):
    res = client.post("/v1/fill-mask", json=body)
    assert res.status_code == status, res.text
    payload = res.json()
    assert fragment in payload["error"] + str(payload.get("detail", ""))


def test_health_and_the_page(client):
    health = client.get("/health").json()
    vocab = len(load_filler(tiny_mask_model()).tokenizer)
    assert health["mask"] == {"folder": "mask", "mask_token": "[MASK]", "vocab_size": vocab}
    assert health["classifier"] is None and health["lm"] is None
    page = client.get("/").text
    assert 'id="mask-card"' in page and "/static/mask.js" in page
    script = client.get("/static/mask.js")
    assert script.status_code == 200 and "https://" not in script.text


def test_servers_without_a_masked_lm_say_how_to_start_one():
    with TestClient(create_app(ServeSettings(classifier=tiny_models().classifier))) as other:
        res = other.post("/v1/fill-mask", json={"texts": [SENTENCE]})
        assert res.status_code == 404 and "--mask DIR" in res.json()["error"]
        assert other.get("/health").json()["mask"] is None
