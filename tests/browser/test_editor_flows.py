"""An editor fixes a meeting in a real browser; the analyst's timeline shows the fix."""

import pytest
from playwright.sync_api import expect

from diplomacy.meetings.models import Meeting
from tests.browser.conftest import log_in, screenshot
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_fixes_participants_and_verifies(page, browser):
    wrong = LeaderFactory(name="Wrong Person")
    right = LeaderFactory(name="Right Person")
    host = LeaderFactory(name="Host Leader")
    meeting = MeetingFactory(participants=[host, wrong], confidence=0.2)

    log_in(page, "editor")
    page.click("nav >> text=Review")
    page.click(f"#queue a[href='/review/meetings/{meeting.pk}/']")
    panel = page.locator("#meeting-panel")
    panel.get_by_role("button", name="Remove Wrong Person").click()
    expect(page.locator("#meeting-panel .participants")).not_to_contain_text("Wrong")
    panel = page.locator("#meeting-panel")
    panel.get_by_label("Add a participant").fill("Right Person")
    panel.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("#meeting-panel .participants")).to_contain_text("Right Person")
    page.locator("#meeting-panel").get_by_role("button", name="Verify").click()
    expect(page.locator("#meeting-panel h2")).to_contain_text("Verified")
    screenshot(page, "review-meeting")

    analyst = browser.new_context().new_page()
    analyst.base_url = page.base_url
    log_in(analyst, "analyst")
    analyst.goto(f"{analyst.base_url}/?view=list")  # the timeline as a list of meetings
    row = analyst.locator("article.meeting").first
    assert row.locator(".who").inner_text() == f"{host.name}, {right.name}"
    assert "verified" in row.inner_text()
    screenshot(analyst, "timeline-after-review")
    assert sorted(p.name for p in Meeting.objects.get().participants.all()) == [
        "Host Leader",
        "Right Person",
    ]


def test_keyboard_review(page):
    first = MeetingFactory(confidence=0.1)
    second = MeetingFactory(confidence=0.2)
    log_in(page, "editor")
    page.goto(f"{page.base_url}/review/")
    # The queue and its keyboard script are there before the first key.
    page.locator("[data-review-item] a").first.wait_for()
    page.wait_for_load_state("load")
    page.keyboard.press("j")
    page.wait_for_selector(f"#meeting-panel >> text=Meeting {first.pk}")
    page.keyboard.press("v")
    expect(page.locator("#meeting-panel h2")).to_contain_text("Verified")
    page.wait_for_load_state("networkidle")  # the queue's own refresh, after the panel's
    page.keyboard.press("j")
    page.wait_for_selector(f"#meeting-panel >> text=Meeting {second.pk}")
    page.keyboard.press("x")
    expect(page.locator("#meeting-panel h2")).to_contain_text("Rejected")
    assert dict(Meeting.objects.values_list("pk", "status")) == {
        first.pk: "verified",
        second.pk: "rejected",
    }
