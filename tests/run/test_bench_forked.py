"""``bench/forked.py``: one server per side, a fresh fork per call, each call's peak its own."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from forked import Forked  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def test_each_call_is_a_fresh_fork_with_its_own_peak():
    with Forked("tests.run.forked_probe:allocate") as server:
        big = server.call(300)
        small = server.call(1)
        again = server.call(1)
    assert len({big["pid"], small["pid"], again["pid"], os.getpid()}) == 4
    assert big["peak"] >= big["rss"] + 250  # the 300 MiB counted, then freed
    assert small["peak"] < big["peak"] - 250  # not the earlier call's high-water mark
    assert abs(again["peak"] - small["peak"]) < 20


def test_a_failing_call_raises_with_its_traceback_and_the_server_goes_on():
    with Forked("tests.run.forked_probe:fail") as server:
        with pytest.raises(RuntimeError, match="ValueError: boom"):
            server.call("boom")
        with pytest.raises(RuntimeError, match="ValueError: again"):
            server.call("again")


def test_a_server_that_cannot_start_says_why():
    with Forked("tests.run.no_such_module:f") as server:
        with pytest.raises(RuntimeError, match="No module named 'tests.run.no_such_module'"):
            server.call()
