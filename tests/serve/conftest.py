"""Fixtures of the serve tests: the server the API tests share (the tiny classifier and LM
with small limits)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serve_tiny_models import tiny_models

from trtune.serve.app import create_app
from trtune.serve.settings import ServeSettings


@pytest.fixture(scope="module")
def models():
    return tiny_models()


@pytest.fixture(scope="module")
def settings(models):
    return ServeSettings(
        classifier=models.classifier,
        lm=models.lm,
        max_texts=8,
        max_chars=200,
        max_body_bytes=4000,
        max_new_tokens=32,
        max_batch_size=32,
        max_wait_ms=50,
        dtype="float32",  # answers compared with float32 models loaded directly
    )


@pytest.fixture(scope="module")
def client(settings):
    with TestClient(create_app(settings)) as test_client:
        yield test_client
