"""The learn part of ``trtune demo``."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from trtune.learn.demo import demo_tour
from trtune.run.progress import Reporter


def test_demo_tour_without_types(tmp_path: Path, capsys) -> None:
    reporter = Reporter(Console())  # the demo prints through what its caller passes in
    paths = demo_tour(tmp_path / "demo", lang="tr", reporter=reporter, with_types=False)
    assert [p.name for p in paths] == ["embedding-english.png", "embedding-turkish.png"]
    assert all(p.exists() for p in paths)
    summary = json.loads((tmp_path / "demo" / "learn-summary.json").read_text(encoding="utf-8"))
    assert summary["attention"]["exact"]["scores"][1] == [4.0, 16.0, 12.0]
    assert abs(summary["attention"]["scaled"]["outputs"][0][0] - 1.8639) < 1e-4
    assert "types" not in summary
    assert "sorgu" in capsys.readouterr().out
