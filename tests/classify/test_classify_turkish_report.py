"""With --lang tr the classify result line, progress and report.html are Turkish."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data" / "yorumlar.csv"


def test_a_turkish_run_says_everything_in_turkish(tmp_path):
    out = tmp_path / "tfidf"
    args = ["classify", "train", "--data", str(SAMPLE), "--method", "tfidf", "--out", str(out)]
    result = run_cli(*args, "--lang", "tr")
    assert result.returncode == 0, result.stderr
    assert "tfidf: doğruluk" in result.stdout and "kaydedildi:" in result.stdout
    assert "veri:" in result.stderr and "etiketler" in result.stderr
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="tr">' in html
    for title in ("Sonuç", "Sınıf başına (test)", "Veri", "Ayarlar", "kesinlik"):
        assert title in html, title
    assert "En emin olduğu" in html  # the examples tables
    assert "Per class" not in html and "Settings" not in html
    english = run_cli(*args[:-1], str(tmp_path / "en"), "--lang", "en")
    assert "tfidf: accuracy" in english.stdout
    assert "Per class (test)" in (tmp_path / "en" / "report.html").read_text(encoding="utf-8")
    evaluated = run_cli(
        "classify", "eval", "--model", str(out), "--data", str(SAMPLE), "--lang", "tr"
    )
    assert evaluated.returncode == 0, evaluated.stderr
    assert "doğruluk" in evaluated.stdout and "360 metin" in evaluated.stdout
    for word in ("kesinlik", "duyarlılık", "destek", "olumlu", "olumsuz"):
        assert word in evaluated.stdout, word
    assert "precision" not in evaluated.stdout
