"""The English tour runs once per session: its test checks it, and the Turkish tour and the
notebook reuse the folders it trained."""

from __future__ import annotations

import pytest
from readme_tour import TourRun, run_english_tour


@pytest.fixture(scope="session")
def english_tour(tmp_path_factory) -> TourRun:
    return run_english_tour(tmp_path_factory.mktemp("tour-en"))
