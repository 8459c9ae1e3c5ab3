"""The HTML viewer in a real browser: headless Chromium, driven by selenium.

One browser for the module. Each test opens a page written by ``cablethread.write_html`` and
asserts what a reader sees: the overview, the threads, a thread opened, a message's panel, the
filters, the keyboard, a phone's width, and a hostile release that must run none of its text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import chrome, desktop, phone
from hostile_page import HOSTILE, IMG, SCRIPT
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver import Chrome
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

import cablethread

ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "mfat_xinjiang_oia.txt"
LONG_CHAIN = (
    "FORMAL MESSAGE: PROPOSED LETTER TO THE PRESIDENT OF THE HUMAN RIGHTS COUNCIL ON XINJIANG"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Chrome]:
    with chrome() as driver:
        yield driver


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    target = tmp_path_factory.mktemp("viewer") / "seed.html"
    cablethread.write_html(cablethread.parse_file(SEED), target)
    return target.as_uri()


def open_page(browser: Chrome, url: str) -> None:
    desktop(browser)
    browser.get(url)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("data-ready") == "1"


def thread_rows(browser: Chrome) -> list[str]:
    """The subjects of the thread rows on the page, as shown (one call, not one per row)."""
    rows: list[str] = browser.execute_script(
        "return Array.from(document.querySelectorAll('#tree > li > .row > .subject'))"
        ".filter(function (e) { return e.offsetParent !== null; })"
        ".map(function (e) { return e.innerText; });"
    )
    return rows


def visible_threads(browser: Chrome) -> int:
    return int(browser.find_element(By.ID, "status").get_attribute("data-visible") or -1)


def row_text(item: WebElement) -> str:
    """The text of a tree item's own row, without the open/closed glyph."""
    return item.find_element(By.CSS_SELECTOR, ":scope > .row").text.lstrip("▸▾ ")


def open_long_chain(browser: Chrome) -> None:
    rows = browser.find_elements(By.CSS_SELECTOR, "#tree > li > .row")
    next(row for row in rows if LONG_CHAIN in row.text).click()


def test_overview_and_threads(browser: Chrome, seed_page: str) -> None:
    open_page(browser, seed_page)
    head = browser.find_element(By.ID, "overview").text
    assert "mfat_xinjiang_oia.txt" in head
    assert "Profile: nz-mfat" in head and "archive (23 messages)" in head
    assert "23 messages" in head and "6 threads" in head and "1 unreleased parent" in head
    assert "15 diagnostics" in head
    # Diagnostics by code open on demand and list each one with its lines.
    summary = browser.find_element(By.CSS_SELECTOR, "details.diagnostics > summary")
    summary.click()
    joined = next(
        d
        for d in browser.find_elements(By.CSS_SELECTOR, "details.diag-code")
        if "header-subject-joined" in d.text
    )
    joined.find_element(By.TAG_NAME, "summary").click()
    # The list is drawn on the details' toggle event, which the browser sends a moment later.
    WebDriverWait(browser, 5).until(lambda _: joined.find_elements(By.TAG_NAME, "li"))
    assert "170-171: subject wrapped over 2 lines; joined" in joined.text
    assert len(thread_rows(browser)) == 6 == visible_threads(browser)
    assert thread_rows(browser)[3] == LONG_CHAIN


def test_open_a_thread_and_a_message(browser: Chrome, seed_page: str) -> None:
    open_page(browser, seed_page)
    open_long_chain(browser)
    thread = browser.find_element(By.CSS_SELECTOR, "#tree > li[aria-expanded='true']")
    items = thread.find_elements(By.CSS_SELECTOR, "li.message")
    assert len(items) == 15
    assert row_text(items[0]).startswith("GENEVA\n2019-06-28 06:56 NZST = 2019-06-27 18:56Z · ")
    assert row_text(items[1]).startswith("printed-chain 0.95 NAD\n2019-07-01 07:04 NZST")
    # Each reply hangs under its parent: the chain is 15 deep.
    assert items[14].get_attribute("aria-level") == "16"
    # The thread's timeline: three zones, fifteen messages.
    timeline = browser.find_element(By.ID, "timeline")
    assert [z.text for z in timeline.find_elements(By.CSS_SELECTOR, ".tl-zone")] == [
        "Europe/Zurich",
        "Pacific/Auckland",
        "Asia/Shanghai",
    ]
    assert len(timeline.find_elements(By.CSS_SELECTOR, ".tl-point")) == 15
    items[1].find_element(By.CSS_SELECTOR, ":scope > .row").click()
    panel = browser.find_element(By.ID, "message")
    text = panel.text
    assert panel.get_attribute("data-message") == "m-cf08b39d8c14" or "NAD" in text
    assert "Header as printed" in text and "From: NAD" in text
    assert "sent (UTC) 2019-06-30 19:04Z" in text
    assert "From NAD North Asia Division NAD division Pacific/Auckland" in text
    # Withholding codes in the body are marked, their ground and meaning on hover.
    marks = panel.find_elements(By.CSS_SELECTOR, ".body mark.code")
    assert marks
    for mark in marks:
        title = mark.get_attribute("title") or ""
        assert title.startswith(mark.get_attribute("data-code") or "?")
        assert " — " in title
    assert "Printings" in text and "header " in text
    # Choosing a point of the timeline opens its message.
    timeline.find_elements(By.CSS_SELECTOR, ".tl-point circle")[0].click()
    assert panel.find_element(By.TAG_NAME, "h2").text == LONG_CHAIN


def test_a_placeholder_is_marked_as_missing(browser: Chrome, seed_page: str) -> None:
    open_page(browser, seed_page)
    rows = browser.find_elements(By.CSS_SELECTOR, "#tree > li > .row")
    next(row for row in rows if "t-4a2fc23fdfcb" in row.text).click()
    missing = browser.find_element(By.CSS_SELECTOR, "li.missing")
    assert row_text(missing) == "[missing] parent not in the release: FORMAL MESSAGE: XINJIANG"
    reply = browser.find_element(By.CSS_SELECTOR, "li.missing li.message")
    assert row_text(reply).startswith("placeholder 0.5 NAD\n2019-07-17 14:25 NZST")


def test_filters(browser: Chrome, seed_page: str) -> None:
    open_page(browser, seed_page)
    sender = browser.find_element(By.NAME, "sender")
    sender.send_keys("GENEVA")
    # GENEVA wrote in two of the six threads.
    assert visible_threads(browser) == 2
    assert thread_rows(browser) == [
        "FORMAL MESSAGE: s6(a) XINJIANG LETTER",
        LONG_CHAIN,
    ]
    assert "Filtered: showing 2 of 6 threads" in browser.find_element(By.ID, "status").text
    sender.clear()
    sender.send_keys(Keys.SPACE, Keys.BACKSPACE)
    assert visible_threads(browser) == 6
    Select(browser.find_element(By.NAME, "code")).select_by_value("s9(2)(a)")
    assert thread_rows(browser) == ["TPs for Xinjiang statement New Zealand signed"]
    browser.find_element(By.XPATH, "//button[text()='Clear filters']").click()
    assert visible_threads(browser) == 6
    # A date range in UTC: 12 to 17 July 2019.
    browser.execute_script(
        "var f=document.getElementsByName('from')[0], t=document.getElementsByName('to')[0];"
        "f.value='2019-07-12'; t.value='2019-07-17';"
        "f.dispatchEvent(new Event('input', {bubbles: true}));"
    )
    assert visible_threads(browser) == 3
    # … and a subject's words: the talking points of 12 July.
    browser.find_element(By.NAME, "subject").send_keys("tps for")
    assert thread_rows(browser) == ["TPs for Xinjiang statement New Zealand signed"]
    browser.find_element(By.XPATH, "//button[text()='Clear filters']").click()
    browser.find_element(By.NAME, "recipient").send_keys("washington")
    assert 0 < visible_threads(browser) < 6


def test_keyboard(browser: Chrome, seed_page: str) -> None:
    open_page(browser, seed_page)
    first = browser.find_element(By.CSS_SELECTOR, "#tree > li")
    assert first.get_attribute("tabindex") == "0"
    first.send_keys(Keys.ARROW_DOWN)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("data-thread") == "1"
    focused.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("data-thread") == "3"
    focused.send_keys(Keys.ARROW_RIGHT)
    assert focused.get_attribute("aria-expanded") == "true"
    focused.send_keys(Keys.ARROW_RIGHT)
    message = browser.switch_to.active_element
    assert message.get_attribute("role") == "treeitem" and message.get_attribute("data-message")
    message.send_keys(Keys.ENTER)
    assert "From: GENEVA" in browser.find_element(By.ID, "message").text
    message.send_keys(Keys.ARROW_LEFT)  # collapse its replies
    assert message.get_attribute("aria-expanded") == "false"
    message.send_keys(Keys.ARROW_LEFT)  # up to the thread
    thread = browser.switch_to.active_element
    assert thread.get_attribute("data-thread") == "3"
    thread.send_keys(Keys.ARROW_LEFT)
    assert thread.get_attribute("aria-expanded") == "false"
    thread.send_keys(Keys.END)
    assert browser.switch_to.active_element.get_attribute("data-thread") == "5"
    # Only one item of the tree is in the tab order.
    assert len(browser.find_elements(By.CSS_SELECTOR, "#tree [tabindex='0']")) == 1


def test_phone_width_has_no_horizontal_scroll(browser: Chrome, seed_page: str) -> None:
    open_page(browser, seed_page)
    phone(browser)
    try:
        browser.get(seed_page)
        open_long_chain(browser)
        browser.find_elements(By.CSS_SELECTOR, "li.message > .row")[14].click()
        width = browser.execute_script("return window.innerWidth")
        assert width == 390
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow == 0
        # The panel comes under the threads, as wide as the screen.
        panel = browser.find_element(By.CSS_SELECTOR, ".panel")
        assert panel.rect["x"] < 20 and panel.rect["width"] <= 390
    finally:
        desktop(browser)


def test_a_large_release_draws_its_rows_in_batches(browser: Chrome, tmp_path: Path) -> None:
    text = "".join(
        f"From: NAD\nSent: Monday, 1 July 2019 {9 + n // 60}:{n % 60:02d} AM\nTo: GENEVA\n"
        f"Subject: FORMAL MESSAGE: TOPIC NUMBER {n}\n\nBody {n}.\n\n"
        for n in range(350)
    )
    target = tmp_path / "large.html"
    cablethread.write_html(cablethread.parse(text), target)
    open_page(browser, target.as_uri())
    assert visible_threads(browser) == 350
    assert len(thread_rows(browser)) == 300
    more = browser.find_element(By.ID, "more")
    assert more.text == "Show more threads (50 not drawn)"
    more.click()
    assert len(thread_rows(browser)) == 350 and not more.is_displayed()
    browser.find_element(By.NAME, "subject").send_keys("topic number 349")
    assert thread_rows(browser) == ["FORMAL MESSAGE: TOPIC NUMBER 349"]


def test_hostile_release_runs_nothing(browser: Chrome, tmp_path: Path) -> None:
    target = tmp_path / "hostile.html"
    cablethread.write_html(cablethread.parse(HOSTILE), target)
    open_page(browser, target.as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "#tree > li > .row")
    assert len(rows) == 1
    assert rows[0].find_element(By.CLASS_NAME, "subject").text == f"{SCRIPT} {IMG}"
    rows[0].click()
    items = browser.find_elements(By.CSS_SELECTOR, "li.message > .row")
    assert row_text(items[0].find_element(By.XPATH, "..")).startswith(
        '<svg onload="window.__pwned=6">'
    )
    items[1].click()
    panel = browser.find_element(By.ID, "message")
    assert f"From: {SCRIPT}" in panel.text
    assert f"Body {IMG} s6(a)" in panel.text
    assert "[U+202E]txt.exe reversed" in panel.text
    assert "javascript:window.__pwned=3" in panel.text
    browser.find_elements(By.CSS_SELECTOR, ".tl-point circle")[0].click()
    # Nothing of it became an element, and nothing ran.
    assert browser.find_elements(By.CSS_SELECTOR, "img, a[href^='javascript'], #tree svg") == []
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 -- reading it is the check
