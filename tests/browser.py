"""Headless Chromium under selenium, as the viewer's tests, screenshots and benchmark start it.

Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them). The flags keep a
machine without network from waiting on connections Chromium would otherwise open at start.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


@contextmanager
def chrome(width: int = 1280, height: int = 900) -> Iterator[webdriver.Chrome]:
    """A headless Chromium with a fresh profile, quit and its profile removed afterwards."""
    profile = tempfile.mkdtemp(prefix="cablethread-chrome-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def phone(driver: webdriver.Chrome, width: int = 390, height: int = 844) -> None:
    """Lay the page out as a phone would: ``width`` CSS pixels, a touch screen's viewport."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True},
    )


def desktop(driver: webdriver.Chrome) -> None:
    """Undo :func:`phone`."""
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
