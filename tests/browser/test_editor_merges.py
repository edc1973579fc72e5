"""An editor merges duplicates and undoes the merge, and reverts a participant added by
mistake, in a real browser."""

import datetime

import pytest
from playwright.sync_api import expect

from diplomacy.leaders.models import Alias, Leader
from diplomacy.meetings.models import Meeting
from diplomacy.meetings.services import meeting_create
from tests.browser.conftest import log_in, screenshot
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _leader(name: str, **fields) -> Leader:
    leader = LeaderFactory(name=name, country="RO", **fields)
    Alias.objects.create(leader=leader, name=name)  # as the knowledge base and ingestion do
    return leader


def test_editor_merges_two_leaders_through_the_autocomplete_and_undoes_it(page):
    keep = _leader("Adrian Nastase")
    drop = _leader("Prime Minster Adrian Nastase", known=False)
    host = LeaderFactory(name="Host Leader")
    meeting = MeetingFactory(participants=[drop, host])

    log_in(page, "editor")
    page.goto(f"{page.base_url}/review/leaders/{keep.slug}/")
    field = page.get_by_label("Merge this duplicate into it")
    field.press_sequentially("Prime Min", delay=30)
    options = page.locator(f"#merge-options-{keep.pk} option")
    expect(options).to_have_count(1)
    assert options.first.get_attribute("value") == "Prime Minster Adrian Nastase"
    field.fill(options.first.get_attribute("value"))
    page.get_by_role("button", name="Merge into Adrian Nastase").click()

    expect(page.locator(".messages")).to_contain_text(
        "Prime Minster Adrian Nastase merged into Adrian Nastase."
    )
    history = page.get_by_role("region", name="History")
    expect(history).to_contain_text(
        "merged Prime Minster Adrian Nastase into this one (moved here: 1 alias, 1 meeting)"
    )
    screenshot(page, "leader-merged")
    drop.refresh_from_db()
    assert drop.merged_into_id == keep.pk
    assert list(meeting.participants.values_list("name", flat=True).order_by("name")) == [
        "Adrian Nastase",
        "Host Leader",
    ]

    history.get_by_role("button", name="Undo this merge").click()
    expect(page.locator(".messages")).to_contain_text(
        "Merge undone: Prime Minster Adrian Nastase is on record again."
    )
    screenshot(page, "leader-merge-undone")
    drop.refresh_from_db()
    assert drop.merged_into_id is None
    assert sorted(drop.aliases.values_list("name", flat=True)) == ["Prime Minster Adrian Nastase"]
    assert sorted(meeting.participants.values_list("name", flat=True)) == [
        "Host Leader",
        "Prime Minster Adrian Nastase",
    ]


def test_editor_merges_two_meetings_found_by_search_after_comparing_them(page):
    putin, kim = LeaderFactory(name="Vladimir Putin"), LeaderFactory(name="Kim Jong Un")
    keep = MeetingFactory(participants=[putin, kim], date=datetime.date(2025, 9, 3), place="")
    drop = MeetingFactory(participants=[putin, kim], date=datetime.date(2025, 9, 3),
                          place="Beijing")  # fmt: skip
    MeetingFactory(participants=[putin, kim], date=datetime.date(2024, 6, 19), place="Pyongyang")

    log_in(page, "editor")
    page.goto(f"{page.base_url}/review/meetings/{keep.pk}/")
    page.get_by_label("Find the duplicate meeting").fill("kim putin 2025-09")
    candidates = page.locator("#merge-candidates li")
    expect(candidates).to_have_count(1)
    expect(candidates.first).to_contain_text("3 September 2025 · Beijing")
    candidates.first.get_by_role("link", name=f"Compare meeting {drop.pk}").click()

    table = page.locator("table.compare")
    expect(table).to_contain_text("Beijing")
    expect(table.locator("tr", has_text="Participants")).to_contain_text(
        "Kim Jong Un, Vladimir Putin"
    )
    screenshot(page, "meeting-merge-confirm")
    assert Meeting.objects.get(pk=drop.pk).merged_into_id is None
    page.get_by_role("button", name=f"Merge meeting {drop.pk} into meeting {keep.pk}").click()

    expect(page.locator(".messages")).to_contain_text(f"Meeting {drop.pk} merged into this one.")
    history = page.get_by_role("region", name="History")
    expect(history).to_contain_text(
        "merged Kim Jong Un, Vladimir Putin · 3 September 2025 · Beijing into this one "
        "(moved here: 1 source sentence)"
    )
    screenshot(page, "meeting-merged")
    assert Meeting.objects.get(pk=drop.pk).merged_into_id == keep.pk
    assert Meeting.objects.get(pk=keep.pk).place == "Beijing"


def test_editor_reverts_a_participant_added_by_mistake(page):
    putin, kim = LeaderFactory(name="Vladimir Putin"), LeaderFactory(name="Kim Jong Un")
    LeaderFactory(name="Xi Jinping")
    meeting = meeting_create([putin, kim], kind="bilateral", date=datetime.date(2025, 9, 3),
                             date_precision="day", place="Beijing")  # fmt: skip

    log_in(page, "editor")
    page.goto(f"{page.base_url}/review/meetings/{meeting.pk}/")
    panel = page.locator("#meeting-panel")
    panel.get_by_label("Add a participant").fill("Xi Jinping")
    panel.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("#meeting-panel .participants")).to_contain_text("Xi Jinping")
    history = page.get_by_role("region", name="History")
    expect(history).to_contain_text("Participants: — → Xi Jinping")

    # The oldest entry is the machine's version.
    history.locator("li").last.get_by_role("button", name="Revert to this version").click()
    expect(page.locator("#meeting-panel .participants")).not_to_contain_text("Xi Jinping")
    expect(page.get_by_role("region", name="History")).to_contain_text(
        "Participants: Xi Jinping → —"
    )
    screenshot(page, "meeting-participant-reverted")
    assert sorted(Meeting.objects.get().participants.values_list("name", flat=True)) == [
        "Kim Jong Un",
        "Vladimir Putin",
    ]
