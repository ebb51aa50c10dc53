"""The fill-in-the-blank panel in a real headless Chromium against a real server (Selenium).

Skipped, with the reason, when Selenium or /usr/bin/chromium is missing. Set
``TRTUNE_SCREENSHOT_DIR`` to keep the screenshots.
"""

from __future__ import annotations

import pytest
from serve_tiny_mask import tiny_mask_model
from serve_tiny_models import tiny_models

from tests.browser_support import screenshot
from trtune.infer.mask import load_filler
from trtune.serve.app import create_app
from trtune.serve.server import BackgroundServer
from trtune.serve.settings import ServeSettings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SENTENCE = "Bu film [MASK], herkese tavsiye ederim."


@pytest.fixture(scope="module")
def server():
    settings = ServeSettings(classifier=tiny_models().classifier, mask=tiny_mask_model(), lang="tr")
    with BackgroundServer(create_app(settings)) as running:
        yield running


def test_fill_a_blank_and_see_candidates_in_both_languages(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server.url + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    wait.until(lambda d: body.get_attribute("data-mask-ready") == "1")
    card = browser.find_element(By.ID, "mask-card")
    assert card.is_displayed()
    assert browser.find_element(By.ID, "mask-btn").text == "Doldur"  # Turkish by default
    box = browser.find_element(By.ID, "mask-input")
    box.clear()
    box.send_keys(SENTENCE)
    top_k = browser.find_element(By.ID, "mask-top-k")
    top_k.clear()
    top_k.send_keys("4")
    browser.find_element(By.ID, "mask-btn").click()
    wait.until(ec.visibility_of_element_located((By.ID, "mask-result")))
    rows = browser.find_elements(By.CSS_SELECTOR, "#mask-blanks .bar-row")
    assert len(rows) == 4
    expected = load_filler(tiny_mask_model()).fill([SENTENCE], 4)[0]
    names = [r.find_element(By.CSS_SELECTOR, ".bar-name").text for r in rows]
    assert names == [f.token for f in expected.masks[0]]
    shown = rows[0].find_element(By.CSS_SELECTOR, ".bar-value").text
    assert shown == f"{100 * expected.masks[0][0].probability:.1f}%"
    filled = browser.find_element(By.ID, "mask-filled").text
    assert expected.masks[0][0].token_str.strip() in filled and "[MASK]" not in filled
    assert "Boşluk 1" in browser.find_element(By.ID, "mask-blanks").text
    screenshot(browser, "serve_mask_tr.png")

    browser.find_element(By.ID, "lang-en").click()
    assert browser.find_element(By.ID, "mask-btn").text == "Fill"
    assert "Blank 1" in browser.find_element(By.ID, "mask-blanks").text
    assert browser.find_element(By.ID, "mask-filled").text.startswith("Most probable filling")

    box.clear()
    box.send_keys("Boşluksuz bir cümle.")
    browser.find_element(By.ID, "mask-btn").click()
    status = browser.find_element(By.ID, "mask-status")
    wait.until(lambda d: "error" in status.get_attribute("class"))
    assert "[MASK]" in status.text
    screenshot(browser, "serve_mask_en.png")
