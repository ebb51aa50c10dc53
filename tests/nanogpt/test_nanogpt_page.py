"""The trace and the visualisation page: real activations, all sections, a browser check."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from trtune.nanogpt.hf import save_pretrained
from trtune.nanogpt.model import GPT, preset
from trtune.nanogpt.page import SECTION_IDS, page_data, write_page
from trtune.nanogpt.trace import trace_forward, trace_generation


@pytest.fixture
def model_dir(tmp_path) -> Path:
    torch.manual_seed(0)
    save_pretrained(GPT(preset("gpt-nano")), tmp_path / "m")
    return tmp_path / "m"


def test_trace_logits_equal_model_logits():
    torch.manual_seed(0)
    model = GPT(preset("gpt-nano")).eval()
    idx = [2, 1, 0, 1, 1, 2]
    rec = trace_forward(model, idx)
    logits, _ = model(torch.tensor([idx]))
    assert torch.allclose(rec["logits"], logits[0], atol=1e-6)
    layer = rec["layers"][0]
    assert layer["q"].shape == (3, 6, 16) and layer["att"].shape == (3, 6, 6)
    assert torch.allclose(layer["att"].sum(-1), torch.ones(3, 6))
    assert layer["att"][0, 0, 1:].abs().max() == 0  # causal: position 0 sees only itself
    assert torch.allclose(
        rec["x0"], model.transformer.wte.weight[idx] + model.transformer.wpe.weight[:6]
    )
    gen = trace_generation(model, idx, 6)
    assert [g["chosen"] for g in gen] == model.generate(torch.tensor([idx]), 6)[0, 6:].tolist()


def test_page_is_self_contained_with_all_sections(model_dir, tmp_path):
    out = write_page("CBABBC", model_dir, tmp_path / "page.html", lang="tr")
    html = out.read_text(encoding="utf-8")
    for sec in SECTION_IDS:
        assert f'id="{sec}"' in html
    assert not re.search(r"(src|href)=\"https?:", html)  # no CDN, no network
    assert "<script src" not in html and "<link" not in html
    assert 'lang="tr"' in html and "Belirteçler" in html
    data = json.loads(re.search(r'id="trace-data">(.*?)</script>', html, re.S).group(1))
    assert len(data["trace"]["layers"]) == 3 and len(data["generation"]) == 6
    assert (
        "Tokens → indices"
        in write_page("CBABBC", model_dir, tmp_path / "en.html", "en").read_text()
    )


def test_page_data_matches_model(model_dir):
    from trtune.nanogpt.hf import load_pretrained

    model = load_pretrained(model_dir)
    data = page_data(model, "CBABBC", "en")
    logits = model(torch.tensor([[2, 1, 0, 1, 1, 2]]))[0][0]
    assert torch.allclose(torch.tensor(data["trace"]["logits"]), logits, atol=1e-4)


def test_viz_cli_errors(model_dir, tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "trtune", "nanogpt", "viz", *args],
                              capture_output=True, text=True)  # fmt: skip

    bad_lang = run("CBABBC", "--model", str(model_dir), "--out", str(tmp_path / "p.html"),
                   "--lang", "de")  # fmt: skip
    assert bad_lang.returncode == 2 and bad_lang.stderr.startswith("error:")
    bad_seq = run("CBXBBC", "--model", str(model_dir), "--out", str(tmp_path / "p.html"))
    assert bad_seq.returncode == 2 and len(bad_seq.stderr.strip().splitlines()) == 1


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.browser
@pytest.mark.slow
def test_page_in_headless_chromium(model_dir, tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    if _chromium() is None or shutil.which("chromedriver") is None:
        pytest.skip("no chromium + chromedriver installed")
    page = write_page("CBABBC", model_dir, tmp_path / "page.html", lang="en")
    options = webdriver.ChromeOptions()
    options.binary_location = _chromium()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
                 "--window-size=1400,1000"):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.get(page.as_uri())
        for sec in SECTION_IDS:
            element = driver.find_element("id", sec)
            assert element.find_element("tag name", "h2").text.strip(), sec
        assert len(driver.find_elements("class name", "cell")) > 1000
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, errors
        png = tmp_path / "page.png"
        driver.save_screenshot(str(png))
        shot = png.read_bytes()
        assert len(shot) > 20_000  # a blank white page compresses to a few kB
    finally:
        driver.quit()
