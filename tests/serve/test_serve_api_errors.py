"""The API's refusals: limits, bad fields, malformed JSON and bodies, oversize bodies,
empty texts and bytes that are not UTF-8, all in the ``{"error", "detail"}`` shape."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize(
    ("path", "body", "status", "fragment"),
    [
        ("/v1/classify", {"texts": ["a"] * 9}, 413, "at most 8 texts"),
        ("/v1/classify", {"texts": ["ok", "x" * 201]}, 413, "texts[1]"),
        ("/v1/classify", {"texts": []}, 422, "texts"),
        ("/v1/classify", {"text": ["a"]}, 422, "text"),
        ("/v1/classify", {"texts": "not a list"}, 422, "texts"),
        ("/v1/classify", {"texts": ["a"], "model": "/etc/passwd"}, 422, "model"),
        ("/v1/attention", {"text": "x" * 201}, 413, "200 characters"),
        ("/v1/generate", {"prompt": "a", "max_new_tokens": 33}, 422, "at most 32"),
        ("/v1/generate", {"prompt": "a", "max_new_tokens": 0}, 422, "max_new_tokens"),
        ("/v1/generate", {"prompt": "a", "top_p": 1.5}, 422, "top_p"),
        ("/v1/generate", {"prompt": "p" * 201}, 413, "prompt"),
    ],
)
def test_limits_and_bad_fields(client, path, body, status, fragment):
    res = client.post(path, json=body)
    assert res.status_code == status, res.text
    assert fragment in res.json()["error"]
    assert client.get("/health").status_code == 200


def test_malformed_json_is_422_and_the_server_goes_on(client):
    res = client.post(
        "/v1/classify", content=b'{"texts": ["a",', headers={"Content-Type": "application/json"}
    )
    assert res.status_code == 422
    assert res.json()["error"] == "malformed JSON at character 15: Expecting value"
    assert client.post("/v1/classify", json={"texts": ["a"]}).status_code == 200


def test_body_over_the_limit_is_413_with_or_without_content_length(client):
    big = json.dumps({"texts": ["a" * 100] * 50}).encode()  # > 4000 bytes
    res = client.post("/v1/classify", content=big, headers={"Content-Type": "application/json"})
    assert res.status_code == 413
    assert "4000 bytes" in res.json()["error"]

    def chunks():  # no Content-Length: the middleware counts the streamed bytes
        for start in range(0, len(big), 500):
            yield big[start : start + 500]

    res = client.post(
        "/v1/classify", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert res.status_code == 413
    assert "4000 bytes" in res.json()["error"]
    assert client.post("/v1/classify", json={"texts": ["a"]}).status_code == 200


def _shape(res) -> dict:
    """The documented error shape: exactly ``error`` (one line) and ``detail``."""
    body = res.json()
    assert set(body) == {"error", "detail"}, body
    assert isinstance(body["error"], str) and "\n" not in body["error"]
    return body


@pytest.mark.parametrize(
    ("path", "body", "fragment"),
    [
        ("/v1/classify", {"texts": [""]}, "texts[0]: empty text"),
        ("/v1/classify", {"texts": ["iyi", " \t\n "]}, "texts[1]: empty text"),
        ("/v1/attention", {"text": "   "}, "text: empty text"),
        ("/v1/classify", {"texts": ["iyi", "a\ud800b"]}, "texts[1]: unpaired surrogate"),
    ],
)
def test_empty_texts_and_lone_surrogates_are_422_not_a_label_or_a_500(client, path, body, fragment):
    res = client.post(
        path, content=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    assert res.status_code == 422, res.text
    assert _shape(res)["error"].startswith(fragment)
    assert client.post("/v1/classify", json={"texts": ["a"]}).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        b'{"texts": ["\xff\xfe bozuk"]}',  # Windows-1254 or random bytes
        '{"texts": ["ağaç"]}'.encode("utf-16"),  # UTF-16 JSON, which Python would accept
        b'{"texts": ["yar\xc4"]}',  # a character cut in half
    ],
)
def test_a_body_that_is_not_utf8_is_400_that_says_so(client, body):
    for content in (body, iter([body[:5], body[5:]])):  # with and without Content-Length
        res = client.post(
            "/v1/classify", content=content, headers={"Content-Type": "application/json"}
        )
        assert res.status_code == 400, res.text
        assert "request body is not valid UTF-8" in _shape(res)["error"]
    assert client.post("/v1/classify", json={"texts": ["a"]}).status_code == 200


def test_refusals_before_the_app_have_error_and_detail(client):
    big = json.dumps({"texts": ["a" * 100] * 50}).encode()  # > 4000 bytes, Content-Length set
    res = client.post("/v1/classify", content=big, headers={"Content-Type": "application/json"})
    assert res.status_code == 413
    assert _shape(res)["detail"] == "request body larger than 4000 bytes"
    res = client.post(
        "/v1/classify",
        content=b'{"texts": ["a"]}',
        headers={"Content-Type": "application/json", "Content-Length": "abc"},
    )
    assert res.status_code == 400
    assert _shape(res)["error"] == "invalid Content-Length header"
    res = client.get("/v1/nothing-here")
    assert res.status_code == 404 and _shape(res)["error"] == "Not Found"
