"""`trtune serve --ner DIR`: POST /v1/ner answers what `ner predict` answers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serve_tiny_models import tiny_models
from serve_tiny_ner import tiny_ner

from trtune.errors import UserError
from trtune.infer.ner import load_tagger
from trtune.serve.app import create_app
from trtune.serve.settings import ServeSettings

pytestmark = pytest.mark.slow  # trains the tiny tagger once

TEXTS = ["Mustafa Kemal 19 Mayıs 1919'da Samsun'a çıktı.", "Ankara Gücü kazandı."]


@pytest.fixture(scope="module")
def client():
    settings = ServeSettings(ner=tiny_ner(), max_texts=4, max_chars=300, dtype="float32")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_ner_route_answers_what_ner_predict_answers(client):
    res = client.post("/v1/ner", json={"texts": TEXTS})
    assert res.status_code == 200, res.text
    expected = [r.to_dict() for r in load_tagger(tiny_ner(), "cpu").predict(TEXTS)]
    results = res.json()["results"]
    assert [r["text"] for r in results] == TEXTS
    for got, want in zip(results, expected, strict=True):
        assert [(e["type"], e["start"], e["end"], e["text"]) for e in got["entities"]] == [
            (e["type"], e["start"], e["end"], e["text"]) for e in want["entities"]
        ]
        for a, b in zip(got["entities"], want["entities"], strict=True):
            assert a["score"] == pytest.approx(b["score"], abs=1e-5)
    types = [e["type"] for e in results[0]["entities"]]
    assert types == ["PERSON", "DATE", "GPE"] and results[1]["entities"][0]["type"] == "ORG"


def test_health_names_the_tagger_and_its_types(client):
    health = client.get("/health").json()
    assert health["ner"]["types"] == ["DATE", "GPE", "ORG", "PERSON"]
    assert health["classifier"] is None and health["lm"] is None
    assert client.post("/v1/classify", json={"texts": ["x"]}).status_code == 404


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"texts": []}, 422),
        ({"texts": ["   "]}, 422),
        ({"text": "Ali geldi."}, 422),  # a typo'd field is refused, not ignored
        ({"texts": ["a"] * 5}, 413),
        ({"texts": ["a" * 301]}, 413),
    ],
)
def test_bad_requests_are_refused_with_a_reason(client, body, status):
    res = client.post("/v1/ner", json=body)
    assert res.status_code == status
    assert res.json()["detail"]


def test_without_a_tagger_the_route_says_how_to_load_one():
    with TestClient(create_app(ServeSettings(classifier=tiny_models().classifier))) as client:
        res = client.post("/v1/ner", json={"texts": ["Ali geldi."]})
        assert res.status_code == 404 and "--ner DIR" in res.json()["detail"]
        assert client.get("/health").json()["ner"] is None
    with pytest.raises(UserError, match="--ner DIR"):
        ServeSettings()
