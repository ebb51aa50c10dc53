"""The seq2seq panel in a real headless Chromium against a real uvicorn server (Selenium).

Skipped, with the reason, when Selenium or /usr/bin/chromium is missing. Set
``TRTUNE_SCREENSHOT_DIR`` to keep the screenshots.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from seq2seq_tiny_model import build_tiny_seq2seq

from trtune.infer.seq2seq import load_seq2seq
from trtune.serve.app import create_app
from trtune.serve.server import BackgroundServer
from trtune.serve.settings import ServeSettings

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return build_tiny_seq2seq(tmp_path_factory.mktemp("seq2seq-browser") / "model")


@pytest.fixture(scope="module")
def server(folder):
    app = create_app(ServeSettings(seq2seq=folder, dtype="float32", lang="tr"))
    with BackgroundServer(app) as running:
        yield running


def _screenshot(driver, name: str) -> None:
    target = os.environ.get("TRTUNE_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(target) / name))


def test_panel_writes_what_the_model_writes_in_both_languages(browser, server, folder):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 60)
    browser.get(server.url + "/")
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-seq2seq-ready"))
    card = browser.find_element(By.ID, "seq2seq-card")
    assert card.is_displayed()
    assert not browser.find_element(By.ID, "classify-card").is_displayed()  # none loaded
    assert browser.find_element(By.ID, "seq2seq-task").text == "çeviri"  # Turkish by default
    assert browser.find_element(By.ID, "seq2seq-prefix").text == "çevir en-tr:"
    assert browser.find_element(By.ID, "seq2seq-beams").get_attribute("value") == "2"
    box = browser.find_element(By.ID, "seq2seq-input")
    source = box.get_attribute("value")
    assert source == "I love reading books in the evening."  # the translation example

    browser.find_element(By.ID, "seq2seq-btn").click()
    status = browser.find_element(By.ID, "seq2seq-status")
    wait.until(
        lambda d: status.text in {"bitti", "done"} or "error" in status.get_attribute("class")
    )
    assert "error" not in status.get_attribute("class"), status.text
    output = browser.find_element(By.ID, "seq2seq-output").text
    assert output == load_seq2seq(folder).generate([source])[0] != ""
    _screenshot(browser, "seq2seq_panel_tr.png")

    browser.find_element(By.ID, "lang-en").click()
    assert browser.find_element(By.ID, "seq2seq-btn").text == "Write"
    assert browser.find_element(By.ID, "seq2seq-task").text == "translation"

    box.clear()
    box.send_keys("Hello, how are you?")
    beams = browser.find_element(By.ID, "seq2seq-beams")
    beams.clear()
    beams.send_keys("1")
    browser.find_element(By.ID, "seq2seq-btn").click()
    wait.until(lambda d: status.text == "done" or "error" in status.get_attribute("class"))
    expected = load_seq2seq(folder).generate(["Hello, how are you?"], {"num_beams": 1})[0]
    assert browser.find_element(By.ID, "seq2seq-output").text == expected
    _screenshot(browser, "seq2seq_panel_en.png")


def test_empty_source_is_refused_on_the_page(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server.url + "/")
    wait = WebDriverWait(browser, 60)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-seq2seq-ready"))
    browser.find_element(By.ID, "seq2seq-input").clear()
    browser.find_element(By.ID, "seq2seq-btn").click()
    status = browser.find_element(By.ID, "seq2seq-status")
    assert "error" in status.get_attribute("class") and status.text
