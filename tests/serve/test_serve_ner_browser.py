"""The NER panel in a real headless Chromium against a real uvicorn server (Selenium):
type a sentence, see its entities highlighted, in Turkish first and then in English."""

from __future__ import annotations

import pytest
from serve_tiny_ner import tiny_ner

from tests.browser_support import screenshot
from trtune.serve.app import create_app
from trtune.serve.server import BackgroundServer
from trtune.serve.settings import ServeSettings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SENTENCE = "Mustafa Kemal 19 Mayıs 1919'da Samsun'a çıktı."


@pytest.fixture(scope="module")
def server():
    app = create_app(ServeSettings(ner=tiny_ner(), lang="tr"))
    with BackgroundServer(app) as running:
        yield running


def test_type_a_sentence_and_see_its_entities_highlighted(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server.url + "/")
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    assert browser.find_element(By.ID, "ner-card").is_displayed()
    assert not browser.find_element(By.ID, "classify-card").is_displayed()
    assert browser.find_element(By.ID, "ner-btn").text == "Varlıkları bul"  # Turkish first
    assert len(browser.find_elements(By.CSS_SELECTOR, "#ner-examples .chip")) == 3
    box = browser.find_element(By.ID, "ner-input")
    box.clear()
    box.send_keys(SENTENCE)
    browser.find_element(By.ID, "ner-btn").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#ner-text mark.ent"))
    marks = browser.find_elements(By.CSS_SELECTOR, "#ner-text mark.ent")
    assert [m.get_attribute("data-type") for m in marks] == ["PERSON", "DATE", "GPE"]
    spans = [m.text.rsplit("\n", 1)[0].rsplit(m.get_attribute("data-type"), 1)[0].strip()
             for m in marks]  # fmt: skip
    assert spans == ["Mustafa Kemal", "19 Mayıs 1919'da", "Samsun'a"]
    assert browser.find_element(By.ID, "ner-text").text.replace("\n", " ").count("çıktı.") == 1
    colours = {m.value_of_css_property("background-color") for m in marks}
    assert len(colours) == 3  # one colour per type
    rows = browser.find_elements(By.CSS_SELECTOR, "#ner-table tr.ent-row")
    assert len(rows) == 3 and "kişi" in rows[0].text and "%" in rows[0].text
    screenshot(browser, "serve_ner_tr.png")

    browser.find_element(By.ID, "lang-en").click()
    assert browser.find_element(By.ID, "ner-btn").text == "Find entities"
    rows = browser.find_elements(By.CSS_SELECTOR, "#ner-table tr.ent-row")
    assert "person" in rows[0].text and "country/city" in rows[2].text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#ner-text mark.ent")) == 3
    screenshot(browser, "serve_ner_en.png")
