"""Real-browser tests: Playwright driving Debian's Chromium against a live server.

`.ci/run` installs Chromium; where it is missing these tests are skipped (in CI, where
it must be there, the root conftest turns that skip into a failure).
Screenshots go to tests/artifacts/ (ignored by git).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import UserFactory

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(settings.BASE_DIR) / "tests" / "artifacts"
PASSWORD = "correct horse battery staple"

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls
# are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


CHROMIUM_MISSING = "Chromium is not installed (.ci/run installs it; in CI this fails)"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Skip before any fixture: no live server, no test database, no knowledge base."""
    if not Path(CHROMIUM).exists():
        pytest.skip(CHROMIUM_MISSING)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(CHROMIUM_MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _tasks_run_in_the_live_server(tasks_run_here):
    """No worker runs beside the browser tests, also where CELERY_BROKER_URL names a broker
    (CI): the live server does each task itself, as with no broker. Real workers are
    tested by the `worker` tests."""


@pytest.fixture
def page(browser, live_server, roles):
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    # Every console error is kept: a Content Security Policy violation shows up there.
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()


def log_in(page, role: str) -> None:
    UserFactory(username=role, role=role)  # its password is PASSWORD
    page.goto(f"{page.base_url}/login/")
    page.fill("#id_username", role)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}/")


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
