"""`trtune serve --qa DIR`: POST /v1/qa answers what `qa predict` answers, refuses bad
bodies, and the page panel marks the answer in the context (headless Chromium)."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from trtune.serve.app import create_app
from trtune.serve.settings import ServeSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "qa"))
from qa_testdata import write_squad  # noqa: E402

CONTEXT = "Zeynep 1975 yılında Konya şehrinde doğdu. Üniversiteyi bitirince pilot oldu."
QUESTION = "Zeynep nerede doğdu?"


@pytest.fixture(scope="module")
def qa_folder(tmp_path_factory) -> Path:
    from trtune.tasks.qa.settings import QaSettings
    from trtune.tasks.qa.train import train_qa

    root = tmp_path_factory.mktemp("serve-qa")
    data = write_squad(root / "squad.json", n=30)
    train_qa(QaSettings(data=[str(data)], out=str(root / "qa"), model="tiny", epochs=4))
    return root / "qa"


def test_v1_qa_answers_what_predict_answers(qa_folder):
    from trtune.infer.qa import load_qa_model

    expected = load_qa_model(qa_folder).predict([QUESTION], [CONTEXT])[0].to_dict()
    with TestClient(create_app(ServeSettings(qa=qa_folder, dtype="float32"))) as client:
        assert client.get("/health").json()["qa"] == {"folder": "qa", "random_init": True}
        got = client.post("/v1/qa", json={"context": CONTEXT, "question": QUESTION}).json()
        assert got["answer"] == expected["answer"] == CONTEXT[got["start"] : got["end"]]
        assert got["score"] == pytest.approx(expected["score"], abs=1e-5)
        assert client.post("/v1/qa", json={"context": CONTEXT}).status_code == 422
        assert client.post("/v1/qa", json={"context": " ", "question": "?"}).status_code == 422
        bad = client.post("/v1/qa", content=b"\xff{", headers={"content-type": "application/json"})
        assert bad.status_code == 400
        assert client.post("/v1/classify", json={"texts": ["a"]}).status_code == 404


def test_no_qa_model_says_how_to_start():
    from serve_tiny_models import tiny_models

    with TestClient(create_app(ServeSettings(classifier=tiny_models().classifier))) as client:
        response = client.post("/v1/qa", json={"context": CONTEXT, "question": QUESTION})
        assert response.status_code == 404 and "--qa DIR" in json.dumps(response.json())


@pytest.mark.browser
@pytest.mark.slow
def test_page_panel_marks_the_answer(qa_folder):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    chromium, driver_path = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
    if not chromium.exists() or not driver_path.exists():
        pytest.skip("no headless browser: /usr/bin/chromium or /usr/bin/chromedriver is missing")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from trtune.serve.server import BackgroundServer

    profile = tempfile.mkdtemp(prefix="trtune-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1200,1700",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)  # fmt: skip
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(str(driver_path)))
    app = create_app(ServeSettings(qa=qa_folder, dtype="float32", lang="tr"))
    try:
        with BackgroundServer(app) as server:
            wait = WebDriverWait(driver, 30)
            driver.get(server.url + "/")
            wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-qa-ready"))
            assert driver.find_element(By.ID, "qa-card").is_displayed()
            assert not driver.find_element(By.ID, "classify-card").is_displayed()
            assert driver.find_element(By.ID, "qa-btn").text == "Sor"  # Turkish by default
            box = driver.find_element(By.ID, "qa-context")
            box.clear()
            box.send_keys(CONTEXT)
            question = driver.find_element(By.ID, "qa-question")
            question.clear()
            question.send_keys(QUESTION)
            driver.find_element(By.ID, "qa-btn").click()
            mark = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#qa-marked mark"))[0]
            answer = driver.find_element(By.ID, "qa-answer").text
            assert mark.text == answer and answer in CONTEXT
            assert driver.find_element(By.ID, "qa-marked").text == CONTEXT
            driver.find_element(By.ID, "lang-en").click()
            assert driver.find_element(By.ID, "qa-btn").text == "Ask"
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
