"""The page in headless Chromium: its JavaScript forward pass against PyTorch, stage by stage.

Trains a sort model (to 100 %) and a small character model, writes their pages, types into
``#sequence`` and compares every number the page computed (``window.trtune``) with
:mod:`trtune.nanogpt.trace`. Skipped, with the reason, without Selenium or Chromium. Set
``TRTUNE_SCREENSHOT_DIR`` to keep the screenshots.
"""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

import pytest
import torch

from trtune.nanogpt import sort
from trtune.nanogpt.page import SECTION_IDS, write_page
from trtune.nanogpt.page_model import load_page_model
from trtune.nanogpt.trace import to_jsonable, trace_forward, trace_generation
from trtune.nanogpt.train import TrainConfig, train

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TOLERANCE = 1e-4
# Elements that reach past the right edge, other than those inside a matrix's own scroller.
OUTSIDE_THE_SCREEN = """
return [...document.querySelectorAll('body *')]
  .filter((e) => !e.closest('.scroll') && e.getBoundingClientRect().right > 401)
  .map((e) => e.tagName + '#' + e.id + '.' + e.className);
"""
TEXT = "Ankara Türkiye'nin başkentidir. İstanbul en kalabalık şehirdir. Çay içer misiniz?\n" * 20


@pytest.fixture(scope="module")
def browser():
    from tests.browser_support import chromium

    with chromium("1400,1000", ("--hide-scrollbars",), timeout=60) as driver:
        yield driver


@pytest.fixture(scope="module")
def sort_page(tmp_path_factory):
    run = tmp_path_factory.mktemp("sort") / "run"
    train(TrainConfig(out_dir=run, steps=400))  # stops once all 729 inputs come out sorted
    return run, write_page("CBABBC", run, run.parent / "sort.html", lang="tr")


@pytest.fixture(scope="module")
def text_page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("text")
    (folder / "t.txt").write_text(TEXT, encoding="utf-8")
    run = folder / "run"
    train(TrainConfig(out_dir=run, text_file=folder / "t.txt", steps=30, batch_size=8,
                      block_size=32, eval_every=10, checkpoint_every=30))  # fmt: skip
    return run, write_page("Ankara ", run, folder / "text.html", lang="en")


def _open(driver, page: Path) -> None:
    driver.get(page.as_uri())
    _wait(driver, "return !!(window.trtune && window.trtune.ready)")


def _wait(driver, script: str, *args, timeout: float = 30) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script, *args)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {script}")


def _type(driver, text: str) -> None:
    box = driver.find_element("id", "sequence")
    box.clear()  # fires no input event; the send_keys below does
    box.send_keys(text)


def _wait_for_input(driver, ids: list[int]) -> None:
    """Until the page has computed for these token ids."""
    _wait(
        driver,
        "return JSON.stringify(window.trtune.input()) === arguments[0]",
        json.dumps(ids, separators=(",", ":")),
    )


def _no_console_errors(driver) -> None:
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def _screenshot(driver, name: str) -> None:
    folder = os.environ.get("TRTUNE_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / name))


def assert_same_numbers(js: object, py: object, path: str = "") -> int:
    """Every number of ``js`` within 1e-4 of ``py`` (same keys, same shapes); returns the count."""
    if isinstance(py, dict):
        assert isinstance(js, dict) and set(js) == set(py), (path, sorted(js or {}), sorted(py))
        return sum(assert_same_numbers(js[k], v, f"{path}.{k}") for k, v in py.items())
    if isinstance(py, list):
        assert isinstance(js, list) and len(js) == len(py), (path, len(js or []), len(py))
        pairs = enumerate(zip(js, py, strict=True))
        return sum(assert_same_numbers(a, b, f"{path}[{i}]") for i, (a, b) in pairs)
    if py is None:  # a masked score, -inf
        assert js is None, (path, js)
        return 1
    assert js is not None and math.isfinite(js), (path, js)
    assert abs(js - py) <= TOLERANCE, (path, js, py)
    return 1


@pytest.mark.parametrize("typed", ["CBABBC", "AAAAAA", "CCCBBA", "bacbac", "021201"])
def test_sort_page_equals_pytorch_at_every_stage(browser, sort_page, typed):
    run, page = sort_page
    model = load_page_model(run).model
    _open(browser, page)
    _type(browser, typed)
    digits, alphabet = sort.parse_sequence(typed)
    _wait_for_input(browser, digits)
    answer = sort.greedy_sort(model, torch.tensor([digits]))[0].tolist()
    context = digits + answer[:5]  # the page draws the last step: input + five answers
    js_trace = browser.execute_script("return window.trtune.trace()")
    count = assert_same_numbers(js_trace, to_jsonable(trace_forward(model, context), digits=12))
    assert count > 35_000  # embeddings, 3 layers of q/k/v/scores/softmax/MLP, logits
    js_steps = browser.execute_script("return window.trtune.generation()")
    assert_same_numbers(js_steps, to_jsonable(trace_generation(model, digits, 6), digits=12))
    generated = browser.find_element("id", "generated").text
    assert generated == sort.format_sequence(answer, alphabet) == "".join(sorted(generated))
    assert browser.execute_script("return window.trtune.error()") is None
    _no_console_errors(browser)


def test_sort_page_bad_input_gets_a_message_in_the_page(browser, sort_page):
    _, page = sort_page
    _open(browser, page)
    error = browser.find_element("id", "input-error")
    before = browser.find_element("id", "generated").text
    cases = (("CBXBBC", "X"), ("CBA", "3"), ("CBABBCA", "7"), ("CB1BBC", "karıştırmayın"))
    for typed, fragment in cases:
        _type(browser, typed)
        assert error.is_displayed() and fragment in error.text, (typed, error.text)
        assert browser.find_element("id", "sequence").get_attribute("aria-invalid") == "true"
        assert browser.find_element("id", "generated").text == before  # the last good answer
    _type(browser, "CCBBAA")
    assert not error.is_displayed()
    assert browser.find_element("id", "generated").text == "AABBCC"
    _no_console_errors(browser)


def _head_reading_its_letter(model, digits: list[int]) -> tuple[int, int, float, float]:
    """PyTorch's side of the page's note: the head whose attention, at the rows that write
    the answer, sits most on the input positions holding the letter being written."""
    answer = sort.greedy_sort(model, torch.tensor([digits]))[0].tolist()
    trace = trace_forward(model, digits + answer[:5])
    best = None
    for layer, record in enumerate(trace["layers"]):
        for head in range(model.config.n_head):
            same, even = [], []
            for t in range(5, 11):
                holds = [j for j in range(6) if digits[j] == answer[t - 5]]
                same.append(float(record["att"][head, t, holds].sum()))
                even.append(len(holds) / (t + 1))
            score = (sum(same) / 6, sum(even) / 6)
            if best is None or score[0] - score[1] > best[2] - best[3]:
                best = (layer, head, *score)
    return best


def test_sort_notes_come_from_the_models_attention(browser, sort_page):
    run, page = sort_page
    model = load_page_model(run).model
    _open(browser, page)
    for typed in ("CBABBC", "BCAACB"):
        _type(browser, typed)
        notes = browser.execute_script("return window.trtune.notes()")
        best = next(n for n in notes if n["key"] == "softmax_sort_best")
        layer, head, same, even = _head_reading_its_letter(model, sort.parse_sequence(typed)[0])
        assert (best["raw"]["layer"], best["raw"]["head"]) == (layer, head)
        assert abs(best["raw"]["same"] - same) < TOLERANCE
        assert abs(best["raw"]["even"] - even) < 1e-9
        shown_pct = f"{100 * same:.{1 if same < 0.1 or 0.99 < same < 1 else 0}f}"
        assert f"L{layer + 1} H{head + 1}" in best["text"] and f"%{shown_pct}" in best["text"]
        assert {n["stage"] for n in notes} == set(SECTION_IDS)  # a note in every section
        shown = browser.find_element("id", "sec-softmax").find_element("class name", "notice").text
        assert best["text"] in shown
    _no_console_errors(browser)


def test_text_page_equals_pytorch_and_samples_greedily(browser, text_page):
    run, page = text_page
    page_model = load_page_model(run)
    model = page_model.model
    _open(browser, page)
    for prompt in ("Ankara ", "İstanbul en kal", "Çay"):
        _type(browser, prompt)
        ids = page_model.encode(prompt)
        _wait_for_input(browser, ids)
        js_trace = browser.execute_script("return window.trtune.trace()")
        assert_same_numbers(js_trace, to_jsonable(trace_forward(model, ids), digits=12))
    # temperature 0.5: the next-character distribution is softmax(logits / 0.5)
    browser.execute_script("const t = document.getElementById('temperature'); t.value = 0.5;"
                           "t.dispatchEvent(new Event('input'));")  # fmt: skip
    logits = model(torch.tensor([page_model.encode("Çay")]))[0][0, -1]
    want = torch.softmax(logits / 0.5, dim=-1).tolist()
    assert_same_numbers(browser.execute_script("return window.trtune.nextProbs()"), want)
    # temperature 0: greedy, the same characters as model.generate
    browser.execute_script("const t = document.getElementById('temperature'); t.value = 0;"
                           "t.dispatchEvent(new Event('input'));"
                           "document.getElementById('length').value = 24;")  # fmt: skip
    browser.find_element("id", "sample").click()
    _wait(browser, "return window.trtune.busy === false && window.trtune.generated().length === 24")
    out = model.generate(torch.tensor([page_model.encode("Çay")]), 24)[0, 3:].tolist()
    assert browser.execute_script("return window.trtune.generated()") == "".join(
        page_model.vocab[i] for i in out
    )
    _type(browser, "Çay€")
    error = browser.find_element("id", "input-error")
    assert error.is_displayed() and "€" in error.text
    _no_console_errors(browser)


def test_map_legends_keyboard_and_numbers(browser, sort_page):
    _, page = sort_page
    _open(browser, page)
    the_map = browser.find_element("id", "map")
    blocks = the_map.find_elements("class name", "block-title")
    assert len(blocks) == 3
    links = the_map.find_elements("css selector", "a[data-sec]")
    linked = {a.get_attribute("data-sec") for a in links}
    assert linked == set(SECTION_IDS)
    assert len(browser.find_elements("css selector", "#toc a[data-sec]")) == len(SECTION_IDS)
    browser.execute_script("document.getElementById('sec-mlp').scrollIntoView()")
    _wait(browser, "return document.querySelector('#map a.here')?.dataset.sec === 'sec-mlp'")
    blocks[1].click()
    assert "(katman 2)" in browser.find_element("css selector", "#sec-layernorm h2").text
    # one colour scale per kind: every matrix's kind has its legend in the same section
    for sec in SECTION_IDS:
        kinds = browser.execute_script(
            "const s = document.getElementById(arguments[0]);"
            "return [[...s.querySelectorAll('canvas.grid')].map(c => c.dataset.kind),"
            " [...s.querySelectorAll('.legend-item')].map(i => i.dataset.kind)];", sec)  # fmt: skip
        assert set(kinds[0]) <= set(kinds[1]), (sec, kinds)
    # keyboard: focus the token-embedding matrix, move right twice and down once
    canvas = browser.find_element("css selector", "#sec-embedding canvas.grid")
    browser.execute_script("arguments[0].focus()", canvas)
    canvas.send_keys("\ue014", "\ue014", "\ue015")  # ArrowRight, ArrowRight, ArrowDown
    readout = browser.find_element("id", "readout")
    want = browser.execute_script("return window.trtune.trace().tok_emb[1][2]")
    assert "[1, 2]" in readout.text
    assert abs(float(readout.get_attribute("data-value")) - want) < 1e-12
    before = canvas.size["width"]
    browser.find_element("id", "show-numbers").click()
    assert canvas.get_attribute("data-numbers") == "1" and canvas.size["width"] > before
    browser.find_element("css selector", "#langs button:nth-child(2)").click()
    assert browser.find_element("id", "page-title").text.startswith("Inside a GPT")
    assert "What to notice" in browser.find_element("id", "sec-tokens").text
    _screenshot(browser, "nanogpt-sort-1400.png")
    _no_console_errors(browser)


@pytest.mark.parametrize("numbers", [False, True])
def test_phone_width_has_no_horizontal_scroll_outside_matrices(
    browser, sort_page, text_page, numbers
):
    phone = {"width": 400, "height": 850, "deviceScaleFactor": 1, "mobile": True}
    try:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", phone)
        for _, page in (sort_page, text_page):
            _open(browser, page)
            if numbers:
                browser.find_element("id", "show-numbers").click()
            width = browser.execute_script("return document.documentElement.clientWidth")
            assert width == 400
            assert browser.execute_script("return document.documentElement.scrollWidth") <= 400
            wide = browser.execute_script(OUTSIDE_THE_SCREEN)
            assert not wide, wide
            assert browser.find_element("id", "map").is_displayed()
            _screenshot(browser, f"nanogpt-{page.stem}-400{'-numbers' if numbers else ''}.png")
        _no_console_errors(browser)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
