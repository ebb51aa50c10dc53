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


def test_demo_in_turkish_titles_its_steps_in_turkish(tmp_path):
    skips = [a for step in ("nanogpt", "classify", "lm") for a in ("--skip", step)]
    result = run_cli("demo", "--lang", "tr", "--out", str(tmp_path / "tur"), *skips)
    assert result.returncode == 0, result.stderr
    assert "Türkçe yorum dosyasını okumak" in result.stdout
    assert "sıfırdan dikkat" in result.stdout and "bitti" in result.stdout
    assert "reading a Turkish review file" not in result.stdout
