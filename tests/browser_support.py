"""Headless Chromium for the browser tests (Selenium), in one place.

Tests that need it mark themselves ``browser`` and take the ``browser`` fixture of
``tests/conftest.py``; they are skipped, with the reason, when Selenium or /usr/bin/chromium
is missing. Set ``TRTUNE_SCREENSHOT_DIR`` to keep the screenshots they take.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@contextmanager
def chromium(
    window: str = "1200,1700", extra_flags: Sequence[str] = (), timeout: int = 30
) -> Iterator:
    """A headless Chromium driven by Selenium, with its console log kept; quit afterwards."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(f"no headless browser: {CHROMIUM} or {CHROMEDRIVER} is missing")
    profile = tempfile.mkdtemp(prefix="trtune-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-sync",
             "--disable-component-update", "--disable-dev-shm-usage",
             f"--window-size={window}", f"--user-data-dir={profile}", *extra_flags]  # fmt: skip
    for flag in flags:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(timeout)
    driver.set_script_timeout(timeout)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(driver, name: str) -> None:
    """Save a screenshot under ``TRTUNE_SCREENSHOT_DIR`` when it is set."""
    folder = os.environ.get("TRTUNE_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / name))
