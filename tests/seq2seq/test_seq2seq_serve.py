"""``trtune serve --seq2seq DIR``: ``POST /v1/seq2seq`` and ``/health`` through TestClient."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from seq2seq_tiny_model import build_tiny_seq2seq

from trtune.errors import UserError
from trtune.infer.seq2seq import load_seq2seq
from trtune.serve.app import create_app
from trtune.serve.settings import ServeSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "serve"))  # serve_tiny_models
TEXTS = ["I love reading books.", "Hello, how are you?"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return build_tiny_seq2seq(tmp_path_factory.mktemp("seq2seq-serve") / "model")


@pytest.fixture(scope="module")
def client(folder):
    settings = ServeSettings(seq2seq=folder, max_texts=4, max_new_tokens=16, dtype="float32")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_answers_what_the_predictor_writes(client, folder):
    res = client.post("/v1/seq2seq", json={"texts": TEXTS})
    assert res.status_code == 200, res.text
    body = res.json()
    expected = load_seq2seq(folder).generate(TEXTS)
    assert [r["text"] for r in body["results"]] == expected
    assert [r["source"] for r in body["results"]] == TEXTS
    assert body["generation"]["num_beams"] == 2 and body["generation"]["max_new_tokens"] == 8
    assert any(expected)
    greedy = client.post("/v1/seq2seq", json={"texts": TEXTS, "num_beams": 1}).json()
    assert [r["text"] for r in greedy["results"]] == load_seq2seq(folder).generate(
        TEXTS, {"num_beams": 1}
    )


def test_health_names_the_task_and_prefix(client):
    info = client.get("/health").json()["seq2seq"]
    assert info["task"] == "translate" and info["prefix"] == "çevir en-tr: "
    assert info["dtype"] == "float32" and info["generation"]["num_beams"] == 2


@pytest.mark.parametrize(
    "body, status",
    [
        ({"texts": ["a"] * 5}, 413),
        ({"texts": ["x" * 2001]}, 413),
        ({"texts": ["a"], "max_new_tokens": 17}, 422),
        ({"texts": ["a"], "num_beams": 9}, 422),
        ({"texts": ["  "]}, 422),
        ({"texts": []}, 422),
        ({"text": "a"}, 422),
    ],
)
def test_refusals(client, body, status):
    res = client.post("/v1/seq2seq", json=body)
    assert res.status_code == status, res.text
    assert res.json()["error"]


def test_missing_model_route_and_settings(folder, tmp_path):
    from serve_tiny_models import tiny_models

    with TestClient(create_app(ServeSettings(classifier=tiny_models().classifier))) as other:
        res = other.post("/v1/seq2seq", json={"texts": ["a"]})
        assert res.status_code == 404 and "--seq2seq" in res.json()["detail"]
        assert other.get("/health").json()["seq2seq"] is None
    with pytest.raises(UserError, match="--seq2seq DIR"):
        ServeSettings()
    with pytest.raises(UserError, match="not a folder"):
        ServeSettings(seq2seq=tmp_path / "nothing")
