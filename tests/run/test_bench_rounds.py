"""``bench/rounds.py``: the sides alternate, each side's fastest round decides the ratio, and
the setup a side needs is not timed."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from rounds import Rounds, alternate  # noqa: E402


def test_sides_alternate_and_the_fastest_round_of_each_side_is_kept(capsys):
    calls = []
    # seconds each call "took": a burst of load hits round 2 of A and round 1 of B
    taken = {"A": iter([2.0, 9.0, 3.0]), "B": iter([8.0, 4.0, 5.0])}

    def side(name):
        def call():
            calls.append(name)
            return next(taken[name])

        return call

    rounds = alternate(
        {"A": side("A"), "B": side("B")}, n=3, seconds_of=lambda name, wall, value: value
    )
    assert calls == ["A", "B", "A", "B", "A", "B"]
    assert rounds.seconds == {"A": [2.0, 9.0, 3.0], "B": [8.0, 4.0, 5.0]}
    assert rounds.best("A") == 2.0 and rounds.best("B") == 4.0
    assert rounds.ratio("B", "A") == 2.0  # B's fastest over A's fastest
    assert rounds.rate("B", 100) == 25.0
    assert rounds.results == {"A": 3.0, "B": 5.0}  # the last call's value of each side
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        "round 1/3: A 2.00 s, B 8.00 s",
        "round 2/3: A 9.00 s, B 4.00 s",
        "round 3/3: A 3.00 s, B 5.00 s",
    ]


def test_wall_time_is_measured_and_the_setup_before_a_call_is_not(monkeypatch):
    clock = iter([0.0, 1.5, 10.0, 10.25])  # perf_counter: start/end of A, start/end of B
    fake_time = SimpleNamespace(perf_counter=lambda: next(clock))
    monkeypatch.setattr(sys.modules["rounds"], "time", fake_time)  # this module's clock only
    prepared = []
    rounds = alternate(
        {"A": lambda: "a", "B": lambda: "b"}, n=1, before=lambda name: prepared.append(name)
    )
    assert prepared == ["A", "B"]
    assert rounds.seconds == {"A": [1.5], "B": [0.25]}
    assert rounds.to_dict() == {"A": [1.5], "B": [0.25]}


def test_warm_up_calls_are_not_counted():
    counts = {"A": 0}

    def call():
        counts["A"] += 1

    rounds = alternate({"A": call}, n=2, warmup=True)
    assert counts["A"] == 3
    assert len(rounds.seconds["A"]) == 2


def test_an_empty_side_has_no_best_round():
    with pytest.raises(ValueError):
        Rounds({"A": []}).best("A")
