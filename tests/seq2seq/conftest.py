"""Fixtures for the seq2seq tests: a small pair file and one tiny-t5 folder trained for a few
steps (shared by the tests that only read it)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from seq2seq_testdata import en_tr_pairs, tiny_settings, write_tsv


@pytest.fixture(scope="session")
def en_tr_tsv(tmp_path_factory) -> Path:
    return write_tsv(tmp_path_factory.mktemp("seq2seq-data") / "en_tr.tsv", en_tr_pairs())


@pytest.fixture(scope="session")
def trained_folder(tmp_path_factory, en_tr_tsv) -> Path:
    """A tiny-t5 en->tr folder trained for a few steps (full fine-tuning)."""
    from trtune.tasks.seq2seq.train import train_seq2seq

    out = tmp_path_factory.mktemp("seq2seq-runs") / "finetune"
    settings = tiny_settings(
        data=[str(en_tr_tsv)], out=str(out), direction="en-tr", max_steps=24, lr=5e-3
    )
    start = time.perf_counter()
    train_seq2seq(settings)
    (out.parent / "elapsed.txt").write_text(str(time.perf_counter() - start))
    return out
