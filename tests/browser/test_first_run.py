"""A fresh install in the browser: empty, it says what to do; after load_demo (what
`make run` does first), the timeline shows meetings."""

import shutil

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from diplomacy.meetings.management.commands.load_demo import DEMO_DIR, RECORD_FILES
from tests.browser.conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_empty_install_says_what_to_do_then_demo_data_fills_the_timeline(
    page, kb, tmp_path, monkeypatch, settings
):
    empty = tmp_path / "shared"
    empty.mkdir()
    monkeypatch.setenv("DIPLOMACY_SHARED_DIR", str(empty))
    settings.SHARED_DIR = empty
    log_in(page, "admin")
    expect(page.get_by_role("heading", name="Nothing here yet")).to_be_visible()
    expect(page.get_by_role("link", name="Upload articles")).to_be_visible()
    expect(page.locator(".empty-state")).to_contain_text("manage.py load_demo")
    screenshot(page, "first-run-empty")

    # The shipped data, with the newest records of each file (the whole takes a minute).
    data = tmp_path / "data"
    data.mkdir()
    for name in RECORD_FILES:
        lines = (DEMO_DIR / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (data / name).write_text("".join(lines[-40:]), encoding="utf-8")
    shutil.copytree(DEMO_DIR / "articles", data / "articles")
    call_command("load_demo", data=data)

    page.reload()
    # The chart at / draws the demo meetings (one mark each, or a density band)...
    page.wait_for_selector("section.timeline-chart[data-mode]", state="attached")
    drawn = page.locator("section.timeline-chart a.mark, section.timeline-chart g.bucket")
    expect(drawn.first).to_be_attached()
    expect(page.get_by_role("heading", name="Nothing here yet")).to_have_count(0)
    screenshot(page, "first-run-demo-chart")
    # ...and the list one click away shows them one by one.
    page.get_by_role("link", name="List", exact=True).click()
    expect(page.locator("article.meeting")).to_have_count(50)
    expect(page.locator("article.meeting .who >> text=Olaf Scholz").first).to_be_visible()
    expect(page.get_by_role("heading", name="Nothing here yet")).to_have_count(0)
    screenshot(page, "first-run-demo")
