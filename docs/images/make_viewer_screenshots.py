"""Take the screenshots of docs/viewer.md: the seed's page in headless Chromium, state by state.

    python docs/images/make_viewer_screenshots.py

Needs Debian's ``chromium`` and ``chromium-driver`` and ``selenium`` (the test extra), as the
viewer's browser tests do (``tests/browser.py`` starts the browser for both).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser import chrome, phone  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

import cablethread  # noqa: E402

IMAGES = ROOT / "docs" / "images"
LONG_CHAIN = "PROPOSED LETTER TO THE PRESIDENT"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "release.html"
        os.chdir(ROOT)  # the source is named as a reader would give it
        release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
        cablethread.write_html(release, page)
        with chrome(1280, 900) as driver:
            driver.get(page.as_uri())
            driver.find_element(By.CSS_SELECTOR, "details.diagnostics > summary").click()
            driver.save_screenshot(str(IMAGES / "viewer-overview.png"))
            driver.find_element(By.CSS_SELECTOR, "details.diagnostics > summary").click()
            rows = driver.find_elements(By.CSS_SELECTOR, "#tree > li > .row")
            next(row for row in rows if LONG_CHAIN in row.text).click()
            driver.execute_script("document.getElementById('tree').scrollIntoView()")
            driver.save_screenshot(str(IMAGES / "viewer-thread.png"))
            messages = driver.find_elements(By.CSS_SELECTOR, "li.message > .row")
            messages[1].click()
            driver.execute_script(
                "document.querySelector('#message h3').scrollIntoView();"
                "document.querySelector('.body mark.code').focus();"
            )
            driver.save_screenshot(str(IMAGES / "viewer-message.png"))
            driver.get(page.as_uri())
            driver.find_element(By.NAME, "sender").send_keys("GENEVA")
            driver.find_element(By.NAME, "subject").send_keys("letter")
            driver.save_screenshot(str(IMAGES / "viewer-filter.png"))
            phone(driver)
            driver.get(page.as_uri())
            rows = driver.find_elements(By.CSS_SELECTOR, "#tree > li > .row")
            next(row for row in rows if LONG_CHAIN in row.text).click()
            driver.execute_script("document.getElementById('tree').scrollIntoView()")
            driver.save_screenshot(str(IMAGES / "viewer-phone.png"))
    for name in ("overview", "thread", "message", "filter", "phone"):
        print(IMAGES / f"viewer-{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
