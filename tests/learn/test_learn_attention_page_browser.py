"""The attention page of the MiniLM stand-in in a real headless Chromium (Selenium): a
thumbnail opens its head, a token click pins it, the language switches, and at 400 px the
page does not scroll sideways.

Skipped, with the reason, when Selenium or /usr/bin/chromium is missing. Set
``TRTUNE_SCREENSHOT_DIR`` to keep the screenshots.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser_support import screenshot
from trtune.errors import UserError

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TEXT = "The movie was great, I loved every minute of it."


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    """The page of MiniLM (6 layers × 12 heads) for :data:`TEXT`."""
    from trtune.infer.attention import attention_map, load_attention_model
    from trtune.learn.attention_page import write_attention_page
    from trtune.run.models import minilm_path

    try:
        folder = str(minilm_path())
    except UserError as exc:
        pytest.skip(str(exc))
    loaded = load_attention_model(folder)
    found = attention_map(loaded.model, loaded.tokenizer, TEXT, 64)
    out = tmp_path_factory.mktemp("attention-page") / "page.html"
    return write_attention_page(found, out, model=folder, text=TEXT, lang="en")


def _open(driver, page: Path, width: int) -> None:
    driver.set_window_size(width, 1400)
    driver.get(page.as_uri())
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


def _opacities(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#lines line'))"
        ".map(l => l.getAttribute('stroke-opacity'))"
    )


def test_a_thumbnail_click_opens_its_head_in_the_head_view(browser, page):
    from selenium.webdriver.common.by import By

    _open(browser, page, 1200)
    lines = browser.find_element(By.ID, "lines")
    assert (lines.get_attribute("data-layer"), lines.get_attribute("data-head")) == ("0", "0")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".thumb")) == 6 * 12
    before = _opacities(browser)
    thumb = browser.find_element(By.CSS_SELECTOR, ".thumb[data-layer='3'][data-head='5']")
    thumb.click()
    assert (lines.get_attribute("data-layer"), lines.get_attribute("data-head")) == ("3", "5")
    assert browser.find_element(By.ID, "layer").get_attribute("value") == "3"
    assert browser.find_element(By.ID, "head").get_attribute("value") == "5"
    assert thumb.get_attribute("aria-pressed") == "true"
    first = browser.find_element(By.CSS_SELECTOR, ".thumb[data-layer='0'][data-head='0']")
    assert first.get_attribute("aria-pressed") == "false"
    after = _opacities(browser)
    assert len(after) == len(before) and after != before
    screenshot(browser, "attention-page-thumbnail.png")


def test_a_token_click_pins_its_lines_and_a_second_click_unpins(browser, page):
    from selenium.webdriver.common.by import By

    _open(browser, page, 1200)
    lines = browser.find_element(By.ID, "lines")
    token = browser.find_element(By.CSS_SELECTOR, ".tok[data-side='q'][data-index='2']")
    token.click()
    assert lines.get_attribute("data-pinned") == "q2"
    assert "pinned" in token.get_attribute("class")
    tokens = len(browser.find_elements(By.CSS_SELECTOR, ".tok[data-side='q']"))
    shown = [i for i, o in enumerate(_opacities(browser)) if float(o) > 0]
    assert shown and all(i // tokens == 2 for i in shown)  # only query 2's lines
    assert "movie" in browser.find_element(By.ID, "readout").text
    screenshot(browser, "attention-page-pinned.png")
    token.click()
    assert lines.get_attribute("data-pinned") == ""
    assert "pinned" not in token.get_attribute("class")


def test_the_language_switch_and_no_sideways_scroll_at_400_px(browser, page):
    from selenium.webdriver.common.by import By

    _open(browser, page, 400)
    inner = browser.execute_script("return window.innerWidth")
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= inner, f"{scroll} > {inner}"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Attention map"
    browser.find_element(By.CSS_SELECTOR, ".langs button[data-lang='tr']").click()
    assert browser.execute_script("return document.documentElement.lang") == "tr"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dikkat haritası"
    assert browser.find_element(By.CSS_SELECTOR, "#layer option").text == "Katman 1"
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= inner, f"Turkish: {scroll} > {inner}"
    screenshot(browser, "attention-page-400.png")


def test_the_page_of_a_tiny_trained_folder_opens_offline(browser, tmp_path):
    """The CLI's page of a tiny random classifier: every thumbnail, the random-init notice,
    no console errors, nothing fetched from elsewhere."""
    from selenium.webdriver.common.by import By

    from tests.conftest import run_cli

    sample = Path(__file__).resolve().parents[2] / "examples" / "data" / "yorumlar.csv"
    folder = tmp_path / "tiny"
    trained = run_cli(
        "classify", "train", "--data", str(sample), "--model", "tiny", "--method",
        "finetune", "--epochs", "1", "--out", str(folder),
    )  # fmt: skip
    assert trained.returncode == 0, trained.stderr
    out = tmp_path / "page.html"
    shown = run_cli(
        "learn", "attention", "--model", str(folder), "Kargo çok hızlı geldi.", "--out", str(out),
        "--lang", "tr",
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    _open(browser, out, 1200)
    thumbs = browser.find_elements(By.CSS_SELECTOR, ".thumb")
    assert len(thumbs) >= 2 and "rastgele" in browser.page_source
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(r => r.name)"
    )
    assert not [r for r in resources if r.startswith("http")], resources
