"""Fixtures for the QA tests: a generated SQuAD file and one tiny trained folder shared by
the tests that only read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from qa_testdata import write_squad


@pytest.fixture(scope="session", autouse=True)
def _one_thread():
    """One torch thread: tiny models gain nothing from more, and the machine is shared."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="session")
def squad_file(tmp_path_factory) -> Path:
    return write_squad(tmp_path_factory.mktemp("qa-data") / "squad.json")


@pytest.fixture(scope="session")
def trained(tmp_path_factory, squad_file) -> Path:
    """A tiny full-model folder trained by ``qa train`` (8 epochs, about 10 s)."""
    from trtune.tasks.qa.settings import QaSettings
    from trtune.tasks.qa.train import train_qa

    out = tmp_path_factory.mktemp("qa-run") / "tiny"
    settings = QaSettings(data=[str(squad_file)], out=str(out), model="tiny")
    train_qa(settings)
    return out
