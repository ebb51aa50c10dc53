"""Reports fit the window: an LM report (held-out prompts with long unbroken words) and a
classification report open in headless Chromium at 1400 px and at 400 px wide with no
sideways scrolling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data" / "yorumlar.csv"
LONG = "Çekoslovakyalılaştıramadıklarımızdanmışsınızcasına" * 3  # 150 letters, no break


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("reports")
    rows = [
        {"instruction": f"Soru {i}: {LONG} ne demek?", "output": f"Cevap {i}: {LONG} uzun."}
        for i in range(24)
    ]
    data = root / "alpaca.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    lm = run_cli(
        "lm", "train", "--data", str(data), "--model", "tiny-gpt", "--max-steps", "2",
        "--batch-size", "8", "--max-length", "64", "--out", str(root / "lm"),
    )  # fmt: skip
    assert lm.returncode == 0, lm.stderr
    classify = run_cli(
        "classify", "train", "--data", str(SAMPLE), "--method", "tfidf", "--out",
        str(root / "classify"),
    )  # fmt: skip
    assert classify.returncode == 0, classify.stderr
    return {"lm": root / "lm" / "report.html", "classify": root / "classify" / "report.html"}


@pytest.mark.parametrize("width", [1400, 400])
@pytest.mark.parametrize("name", ["lm", "classify"])
def test_no_sideways_scrolling(browser, reports, name, width):  # noqa: F811
    browser.set_window_size(width, 1000)
    browser.get(reports[name].as_uri())
    inner = browser.execute_script("return window.innerWidth")
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= inner, f"{name} report at {width} px: {scroll} > {inner}"
    if name == "lm":
        assert LONG[:40] in browser.page_source  # the long words are there, wrapped
