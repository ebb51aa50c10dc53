"""`lm train --lang tr`: Turkish result lines, report (``<html lang>``, titles) and figure."""

from __future__ import annotations

from lm_testdata import write_alpaca

import trtune.tasks.lm.report as lm_report
from trtune.cli import main


def test_lm_train_speaks_turkish_in_lines_report_and_figure(tmp_path, capsys, monkeypatch):
    figures: list[tuple] = []
    plot = lm_report.plot_steps

    def recording_plot(series, path, title, xlabel="step", ylabel="", lang="en"):
        figures.append((tuple(series), title, xlabel, ylabel))
        return plot(series, path, title, xlabel=xlabel, ylabel=ylabel, lang=lang)

    monkeypatch.setattr(lm_report, "plot_steps", recording_plot)
    data, out = write_alpaca(tmp_path / "a.jsonl"), tmp_path / "run"
    main(["lm", "train", "--data", str(data), "--out", str(out), "--lang", "tr",
          "--method", "full", "--max-steps", "2", "--batch-size", "8", "--max-length", "64",
          "--num-generations", "1"])  # fmt: skip
    printed = capsys.readouterr().out
    for line in ("alpaca verisi:", "önce: doğrulama kaybı", "sonra: doğrulama kaybı", "şaşkınlık"):
        assert line in printed, printed
    assert f"kaydedildi: {out}" in printed and "perplexity" not in printed
    page = (out / "report.html").read_text("utf-8")
    assert '<html lang="tr">' in page
    for title in ("Önce ve sonra", "Kayıp eğrileri", "Ayrılmış istemler", "Ayarlar", "istem"):
        assert title in page
    assert "Held-out prompts" not in page and "Before and after" not in page
    assert figures == [(("eğitim kaybı", "doğrulama kaybı"), "Kayıp", "adım",
                        "kayıp (belirteç başına nat)")]  # fmt: skip
