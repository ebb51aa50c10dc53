"""The page in a real headless Chromium against a real uvicorn server (Selenium).

Skipped, with the reason, when Selenium or /usr/bin/chromium is missing. Set
``TRTUNE_SCREENSHOT_DIR`` to keep the screenshots.
"""

from __future__ import annotations

import pytest
from serve_tiny_models import tiny_models

from tests.browser_support import screenshot
from trtune.serve.app import create_app
from trtune.serve.server import BackgroundServer
from trtune.serve.settings import ServeSettings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SENTENCE = "Bu film harikaydı, herkese tavsiye ederim!"


@pytest.fixture(scope="module")
def server():
    models = tiny_models()
    app = create_app(ServeSettings(classifier=models.classifier, lm=models.lm, lang="tr"))
    with BackgroundServer(app) as running:
        yield running


def test_type_a_sentence_and_see_label_bars_and_heat_map(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server.url + "/")
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    box = browser.find_element(By.ID, "text-input")
    box.clear()
    box.send_keys(SENTENCE)
    browser.find_element(By.ID, "classify-btn").click()
    label = wait.until(ec.visibility_of_element_located((By.ID, "result-label")))
    wait.until(lambda d: label.text.strip() != "")
    assert label.text in {"olumsuz", "nötr", "olumlu"}  # Turkish by default
    assert len(browser.find_elements(By.CSS_SELECTOR, "#prob-bars .bar-row")) == 3

    tokens = browser.find_elements(By.CSS_SELECTOR, "#token-strip .tok")
    assert tokens[0].text == "[CLS]" and tokens[-1].text == "[SEP]"
    cells = browser.find_elements(By.CSS_SELECTOR, "#heatmap .cell")
    assert len(cells) == len(tokens) ** 2
    colours = {c.value_of_css_property("background-color") for c in cells}
    assert len(colours) > 3  # a heat map, not a flat block

    Select(browser.find_element(By.ID, "layer-select")).select_by_value("0")
    Select(browser.find_element(By.ID, "head-select")).select_by_value("1")
    after = {c.value_of_css_property("background-color") for c in browser.find_elements(
        By.CSS_SELECTOR, "#heatmap .cell")}  # fmt: skip
    assert after != colours
    screenshot(browser, "serve_page_tr.png")

    browser.find_element(By.ID, "lang-en").click()
    assert browser.find_element(By.ID, "result-label").text in {"negative", "neutral", "positive"}
    assert browser.find_element(By.ID, "classify-btn").text == "Analyse"
    screenshot(browser, "serve_page_en.png")


def test_generation_panel_streams_text(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server.url + "/")
    wait = WebDriverWait(browser, 30)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    assert browser.find_element(By.ID, "generate-card").is_displayed()
    temperature = browser.find_element(By.ID, "temperature")
    temperature.clear()
    temperature.send_keys("0")
    browser.find_element(By.ID, "generate-btn").click()
    status = browser.find_element(By.ID, "generate-status")
    wait.until(
        lambda d: status.text in {"bitti", "done"} or "error" in status.get_attribute("class")
    )
    assert "error" not in status.get_attribute("class"), status.text
    out = browser.find_element(By.CSS_SELECTOR, "#generate-output .continuation")
    assert out.text.strip() != ""
    link = browser.find_element(By.ID, "nanogpt-link")
    assert link.get_attribute("href").endswith("/nanogpt")
    assert "trtune nanogpt viz" in browser.find_element(By.ID, "nanogpt-text").text


def test_api_docs_render_offline(browser, server):
    """/docs draws Swagger UI from files the package ships: the browser reaches nothing but
    the server, and the page lists the API's routes."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server.url}/docs")
    WebDriverWait(browser, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")
    )
    paths = {
        e.text.strip() for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")
    }
    assert {"/v1/classify", "/v1/generate", "/health"} <= paths
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert loaded and all(name.startswith(server.url) for name in loaded), loaded
    screenshot(browser, "docs.png")
