"""Fixtures for the NER tests: small templated Turkish sentences written by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from ner_testdata import write_conll


@pytest.fixture(scope="session")
def conll_file(tmp_path_factory) -> Path:
    """80 templated sentences (and 44 about Ankara) in CoNLL."""
    return write_conll(tmp_path_factory.mktemp("ner") / "train.conll")


@pytest.fixture(scope="session", autouse=True)
def _one_thread():
    """One torch thread: tiny models gain nothing from more, and the machine is shared."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
