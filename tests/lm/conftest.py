"""Fixtures for the lm tests."""

from __future__ import annotations

import pytest
from lm_testdata import TEXTS

from trtune.run.presets import train_bpe_tokenizer


@pytest.fixture(scope="session")
def tokenizer():
    return train_bpe_tokenizer(TEXTS, vocab_size=400, max_length=256)
