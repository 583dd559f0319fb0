"""What a person sees of the security measures, in headless Chromium against the live server:
an English browser still gets Gradio's own texts in Dutch, the question box stops at the cap,
the editor sees the brake's Dutch message, and the Stoppen button is there.

Needs Debian's Chromium (/usr/bin/chromium) and Playwright; skips without them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from live_server import start_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TIMEOUT = 60_000  # ms; the 2 shared cores may be busy
NAME = "#tw-login-naam textarea, #tw-login-naam input"


@pytest.fixture(scope="module")
def english_browser(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Chromium ontbreekt: apt-get install -y chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    server = start_server(tmp_path_factory.mktemp("browser"), max_question_chars=120,
                          login_limit_per_name="2/minute")
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US").new_page()
        page.goto(server.url, wait_until="load")
        page.wait_for_selector("#tw-vraag textarea", timeout=TIMEOUT)
        yield page
        browser.close()
    server.close()


def test_an_english_browser_sees_gradios_upload_text_in_dutch(english_browser):
    page = english_browser
    page.get_by_role("tab", name="Beheer").click()
    page.wait_for_selector("#tw-login-naam", timeout=TIMEOUT)
    page.locator(NAME).first.fill("anna")
    page.locator("#tw-login-wachtwoord input").fill("geheim")
    page.click("#tw-inloggen")
    page.wait_for_selector("#tw-upload", state="visible", timeout=TIMEOUT)
    upload = page.inner_text("#tw-upload")
    assert "Sleep een bestand hier" in upload and "Klik om te uploaden" in upload
    assert "Drop File Here" not in upload
    assert page.is_visible("#tw-stoppen")


def test_a_pasted_text_longer_than_the_cap_is_cut_at_the_cap_in_the_question_box(english_browser):
    page = english_browser
    page.get_by_role("tab", name="Vragen").click()
    box = page.locator("#tw-vraag textarea")
    box.fill("Welke woningen bouwt Zonnedal voor dakloze jongeren? " * 10)
    assert len(box.input_value()) == 120


def test_after_two_wrong_passwords_the_login_says_in_dutch_how_long_to_wait(english_browser):
    page = english_browser
    page.get_by_role("tab", name="Beheer").click()
    if page.get_by_role("button", name="Uitloggen").is_visible():
        page.get_by_role("button", name="Uitloggen").click()
        page.wait_for_selector("#tw-login-naam", state="visible", timeout=TIMEOUT)
    status = ""
    for _ in range(6):  # the brake allows two tries a minute here; a click during a pending try is ignored
        page.locator(NAME).first.fill("bert")
        page.locator("#tw-login-wachtwoord input").fill("fout")
        page.click("#tw-inloggen")
        page.wait_for_timeout(2_500)  # a wrong password answers after 1 s
        status = page.inner_text("#tw-beheer-status")
        if "Te veel" in status:
            break
    assert status.startswith("Te veel mislukte pogingen om in te loggen. Probeer het over")
