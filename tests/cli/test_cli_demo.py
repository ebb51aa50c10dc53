import json

from tests.conftest import run_cli


def test_demo_data_step_writes_the_inspect_report_and_lists_it(tmp_path):
    out = tmp_path / "tour"
    skips = [a for step in ("learn", "nanogpt", "classify", "lm") for a in ("--skip", step)]
    result = run_cli("demo", "--out", str(out), *skips)
    assert result.returncode == 0, result.stderr
    report_path = out / "data" / "yorumlar.inspect.json"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["label_counts"] == {"negative": 120, "positive": 120, "neutral": 120}
    assert str(report_path) in result.stdout.replace("\n", "")
